// etcd compacted while kt's watches are behind. kt is cut off by the fault proxy while pods come
// and go; meanwhile the API server restarts (its watch cache then starts at the current revision)
// and etcd is compacted at the current revision, so the history kt's watches would resume from is
// gone: the server answers them 410 Gone. kt must relist, replacing what it had: the pod deleted
// meanwhile vanishes and the one created shows, under `live`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { convergesToKubectl, createPod, kubectlAsync } from '../helpers/faults.js';
import { spawnKt, type KtPty } from '../helpers/pty.js';
import { apiServerReady, compactEtcd, stopComponent } from '../helpers/sandbox-control.js';
import { apiServerPort } from '../helpers/sandbox.js';
import { headerState } from '../helpers/screen.js';
import { kubeconfigThrough, TcpProxy } from '../helpers/tcp-proxy.js';

const tmp = mkdtempSync(join(tmpdir(), 'kt-compaction-'));
const proxy = new TcpProxy({ host: '127.0.0.1', port: apiServerPort() });
const PODS = ['kt-compact-gone', 'kt-compact-kept', 'kt-compact-new'];
let t: KtPty | undefined;
let restart: (() => Promise<void>) | undefined;

afterEach(async () => {
  await t?.dispose();
  await restart?.();
  await proxy.stop();
});
afterAll(async () => {
  await kubectlAsync(['delete', 'pod', '-n', 'default', '--wait=false', '--ignore-not-found', ...PODS]);
  rmSync(tmp, { recursive: true, force: true });
});

describe('etcd compacted while kt is behind', () => {
  it('answers kt’s old watches 410 Gone; kt relists, so a pod deleted meanwhile vanishes', async () => {
    await createPod('kt-compact-gone');
    await createPod('kt-compact-kept');
    const port = await proxy.start();
    t = spawnKt(['--kubeconfig', kubeconfigThrough(port, join(tmp, 'kubeconfig')), '-A'], { cols: 200, rows: 60 });
    await convergesToKubectl(t, 30_000);
    const seenRv = JSON.parse(await kubectlAsync(['get', '--raw', '/api/v1/pods?limit=1'])).metadata.resourceVersion as string;

    await proxy.stop();
    await t.waitFor((s) => headerState(s) !== 'live', 15_000);
    await kubectlAsync(['delete', 'pod', '-n', 'default', 'kt-compact-gone', '--wait=true', '--timeout=60s']);
    await createPod('kt-compact-new');
    for (let i = 0; i < 5; i++) await kubectlAsync(['annotate', 'pod', '-n', 'default', 'kt-compact-kept', `kt-faults/write=${i}`, '--overwrite']);
    restart = await stopComponent('kube-apiserver');
    await compactEtcd();
    await restart();
    restart = undefined;
    await apiServerReady();
    // The fault is real: a watch from what kt had seen is answered 410 Gone.
    const answer = await kubectlAsync(['get', '--raw', `/api/v1/pods?watch=1&resourceVersion=${seenRv}&timeoutSeconds=1`]);
    expect(answer).toMatch(/"type":"ERROR".*"code":410/);

    await proxy.start();
    await convergesToKubectl(t, 60_000);
    const screen = t.screen();
    expect(screen).not.toContain('kt-compact-gone');
    expect(screen).toContain('kt-compact-new');
  }, 240_000);
});
