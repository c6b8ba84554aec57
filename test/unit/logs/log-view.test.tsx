// The log view in the whole App (ink-testing-library), fed by a fake pods/log streamer: the
// container picker, pausing with new lines counted, :w, and the question above 50 pods.
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/kube/types.js';
import { FakeCluster } from '../fakes/fake-cluster.js';
import { KEYS, mountApp, withNoColor } from '../views/harness.js';
import { fakeStreamer } from './fake-streamer.js';

withNoColor();

function pod(name: string, containers: string[], labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: name, labels, creationTimestamp: new Date().toISOString() },
    spec: { nodeName: 'node1', initContainers: [{ name: 'setup' }], containers: containers.map((c) => ({ name: c })) },
    status: {
      phase: 'Running',
      initContainerStatuses: [{ name: 'setup', restartCount: 0, state: { terminated: { exitCode: 0 } } }],
      containerStatuses: containers.map((c) => ({ name: c, ready: true, restartCount: 0, state: { running: {} } })),
    },
  } as KubeObject;
}

describe('the log view', { timeout: 20_000 }, () => {
  it('asks for the container, follows it, pauses with new lines counted, G follows, :w saves', async () => {
    const source = new FakeCluster();
    const talker = pod('talker', ['app', 'sidecar']);
    source.set({ kind: 'pods', namespace: 'default' }, [talker]);
    source.set({ kind: 'pods', namespace: 'default', fieldSelector: 'metadata.name=talker' }, [talker]);
    const streamer = fakeStreamer();
    const app = mountApp({ source, streamer, rows: 20, columns: 100 });
    await app.waitFor((f) => f.includes('talker'));
    await app.press('l');
    await app.waitFor((f) => f.includes('Which container?') && f.includes('all containers') && f.includes('setup'));
    expect(streamer.streams).toHaveLength(0);
    await app.press(KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor((f) => f.includes('Logs default/pod/talker app [tail 200]'));
    expect(streamer.streams.map((s) => s.query.container)).toEqual(['app']);
    const feed = (from: number, n: number) =>
      streamer.streams[0]?.send(Array.from({ length: n }, (_, i) => `2026-12-07T10:00:00Z line ${from + i}\n`).join(''));
    feed(1, 30);
    await app.waitFor((f) => f.includes('line 30') && f.includes('following · 30 lines'));
    await app.press('k');
    await app.waitFor((f) => f.includes('paused, 0 new lines (G follows)'));
    feed(31, 3);
    const paused = await app.waitFor((f) => f.includes('paused, 3 new lines'));
    expect(paused).not.toContain('line 33');
    await app.press('G');
    await app.waitFor((f) => f.includes('line 33') && f.includes('following · 33 lines'));
    const file = join(mkdtempSync(join(tmpdir(), 'kt-logs-')), 'talker.log');
    await app.press(':');
    await app.type(`w ${file}`);
    await app.press(KEYS.enter);
    await app.waitFor((f) => f.includes(`saved 33 lines to ${file}`));
    expect(readFileSync(file, 'utf8').split('\n').slice(0, 2)).toEqual(['line 1', 'line 2']);
    await app.press(KEYS.esc);
    await app.waitFor((f) => f.includes('Pods(default)'));
    expect(streamer.streams[0]?.aborted).toBe(true);
    app.unmount();
  });

  it('asks before streaming more than 50 pods of a workload, and merges them with pod prefixes', async () => {
    const source = new FakeCluster();
    const pods = Array.from({ length: 51 }, (_, i) => pod(`web-${i}`, ['web'], { app: 'web' }));
    source.set({ kind: 'pods', namespace: 'default' }, pods);
    source.set({ kind: 'pods', namespace: 'default', labelSelector: 'app=web' }, pods);
    const deploy = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default', uid: 'd', creationTimestamp: new Date().toISOString() },
      spec: { replicas: 51, selector: { matchLabels: { app: 'web' } } },
      status: { replicas: 51, readyReplicas: 51 },
    } as KubeObject;
    source.set({ kind: 'deployments', namespace: 'default' }, [deploy]);
    const streamer = fakeStreamer();
    const app = mountApp({ source, streamer, rows: 20, columns: 100 });
    await app.waitFor((f) => f.includes('web-0'));
    await app.press(':');
    await app.type('deploy');
    await app.press(KEYS.enter);
    await app.waitFor((f) => f.includes('Deployments(default)'));
    await app.press('l');
    await app.waitFor((f) => f.includes('51 pods: stream the logs of every one? y/n'));
    expect(streamer.streams).toHaveLength(0);
    await app.press('y');
    // Every container of every pod, init containers included (kubectl logs --all-containers).
    await app.until(() => streamer.streams.length === 102, '102 streams');
    expect(new Set(streamer.streams.map((s) => s.path)).size).toBe(51);
    streamer.streams.find((s) => s.path.endsWith('/web-7/log') && s.query.container === 'web')?.send('hello\n');
    await app.waitFor((f) => f.includes('web-7 web hello'));
    app.unmount();
  });
});
