// The log view driven through kt's keys in a pty against the sandbox, whose kwok serves each
// pod's log files through the API server (sandbox/log-driver.ts writes them).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensurePodLogs, restartContainer, writeBurst, type PodRef } from '../../sandbox/log-driver.js';
import { createKubeClient } from '../../src/kube/client.js';
import type { KubeObject } from '../../src/kube/types.js';
import { spawnKt, type KtPty } from '../helpers/pty.js';
import { eventually, kubeconfigPath, sandboxKubeConfig, stateDir } from '../helpers/sandbox.js';
import { createTalker } from '../helpers/talker-pod.js';
import { createWebDeployment } from '../helpers/web-deployment.js';

const client = createKubeClient(sandboxKubeConfig());
const NS = `kt-logs-${Math.random().toString(36).slice(2, 8)}`;
const POD: PodRef = { namespace: NS, name: 'talker' };
let kt: KtPty | undefined;

async function webPods(): Promise<string[]> {
  const list = await client.request<{ items: KubeObject[] }>('GET', `/api/v1/namespaces/${NS}/pods?labelSelector=app%3Dweb`);
  return list.items.filter((p) => (p as { status?: { phase?: string } }).status?.phase === 'Running').map((p) => p.metadata.name);
}

const scale = (replicas: number) =>
  client.request('PATCH', `/apis/apps/v1/namespaces/${NS}/deployments/web/scale`, { spec: { replicas } }, 'application/merge-patch+json');

function open(): KtPty {
  kt = spawnKt(['--kubeconfig', kubeconfigPath, '-n', NS], { cols: 140, rows: 40 });
  return kt;
}

/** Opens the logs of the talker pod's `container` (the picker lists all containers, then setup, app, sidecar). */
async function talkerLogs(t: KtPty, container: 'app' | 'sidecar'): Promise<void> {
  await t.waitFor('talker');
  t.press('/', 'talker', 'Enter');
  await t.waitFor(/Pods\(.*\)\[1/);
  t.press('l');
  await t.waitFor('Which container?');
  t.press(...(container === 'app' ? ['Down', 'Down'] : ['Down', 'Down', 'Down']), 'Enter');
  await t.waitFor(`Logs ${NS}/pod/talker ${container} [tail 200]`);
}

beforeAll(async () => {
  await createTalker(client, NS);
  await createWebDeployment(client, NS, 1, { nodeSelector: { type: 'kwok' }, containers: [{ name: 'web', image: 'nginx:1.19.1' }] });
  const [web] = await eventually(async () => (await webPods()).length === 1 && webPods(), 60_000, 'the web pod to run');
  await ensurePodLogs(client, stateDir, { namespace: NS, name: web as string });
});

afterEach(async () => {
  await kt?.dispose();
  kt = undefined;
});

afterAll(async () => {
  await client.request('DELETE', `/api/v1/namespaces/${NS}`).catch(() => undefined);
  client.close();
});

describe('the log view', () => {
  it('follows a burst of 10,000 lines and stays responsive: pause with new lines counted, G follows again', async () => {
    await writeBurst(stateDir, POD, 'app', 3, 1000, 'before');
    const t = open();
    await talkerLogs(t, 'app');
    await t.waitFor('before 3');
    const burst = writeBurst(stateDir, POD, 'app', 10_000, 5000, 'burst');
    await t.waitFor(/burst \d+/);
    t.press('k'); // scrolling up pauses: the screen stays while lines keep arriving
    await t.waitFor(/paused, [1-9]\d* new lines \(G follows\)/);
    const paused = t.screen();
    t.press('t'); // keys still work mid-burst: timestamps on
    await t.waitFor(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z (before|burst) \d+/);
    await burst;
    await t.waitFor(/paused, \d+ new lines/);
    expect(t.screen()).not.toContain('burst 10000');
    expect(paused).not.toContain('burst 10000');
    t.press('G');
    await t.waitFor((s) => /Z burst 10000\s/.test(s) && s.includes('following · 10000 lines'));
    // The oldest kept line is the 10,000th from the end: the buffer is bounded.
    t.press('g');
    await t.waitFor(/Z burst 4\s/);
    expect(t.screen()).not.toContain('before 3');
    // Search and filter over the kept lines.
    t.press('/', 'burst 777', 'Enter');
    await t.waitFor(/burst 7777/);
    t.press('f', '!burst', 'Enter');
    await t.waitFor('filter "!burst": 0');
    t.press('Esc'); // clears the filter first, then the search, then goes back
    await t.waitFor((s) => s.includes('following · 10000 lines · search') && !s.includes('filter "'));
    t.press('Esc');
    await t.waitFor((s) => s.includes('following · 10000 lines') && !s.includes('search "'));
    t.press('Esc');
    await t.waitFor(/Pods\(.*\)\[1/);
  });

  it('shows the previous container with p, and follows the new container after a restart', async () => {
    await writeBurst(stateDir, POD, 'sidecar', 2, 1000, 'first run');
    await restartContainer(client, stateDir, POD, 'sidecar');
    await writeBurst(stateDir, POD, 'sidecar', 1, 1000, 'second run');
    const t = open();
    await talkerLogs(t, 'sidecar');
    await t.waitFor('second run 1');
    expect(t.screen()).not.toContain('first run');
    t.press('p');
    await t.waitFor((s) => s.includes('[previous, tail 200]') && s.includes('first run 2') && !s.includes('second run'));
    t.press('p');
    await t.waitFor((s) => s.includes('[tail 200]') && s.includes('second run 1'));
    // A restart while the view is open: a marked line, then the new container's lines.
    await restartContainer(client, stateDir, POD, 'sidecar');
    await t.waitFor('── talker/sidecar: container restarted; following the new one ──');
    await writeBurst(stateDir, POD, 'sidecar', 1, 1000, 'third run');
    await t.waitFor(/following the new one ──[\s║]+third run 1/);
  });

  it('merges the logs of a Deployment’s pods as it scales up and down', async () => {
    const [first] = await webPods();
    await writeBurst(stateDir, { namespace: NS, name: first as string }, 'web', 2, 1000, 'from the first pod');
    const t = open();
    await t.waitFor('talker');
    t.press(':', 'deploy', 'Enter');
    await t.waitFor(/Deployments\(.*\)\[1\]/);
    t.press('l');
    await t.waitFor(`Logs ${NS}/deployment/web (1 pods)`);
    await t.waitFor(`${first} web from the first pod 2`);
    await scale(3);
    await t.waitFor(`Logs ${NS}/deployment/web (3 pods)`, 60_000);
    const pods = await eventually(async () => ((await webPods()).length === 3 ? webPods() : undefined), 60_000, 'three web pods');
    // New pods join: each streams (the sandbox's shared log until it gets its own) with its prefix.
    for (const pod of pods) await t.waitFor(new RegExp(`${pod} web `), 30_000);
    await scale(1);
    await t.waitFor(/── web-[a-z0-9-]+\/web: pod deleted ──/, 60_000);
    await t.waitFor(`Logs ${NS}/deployment/web (1 pods)`, 60_000);
  });

  it('greys l where RBAC denies pods/log (the limited context), and l says why', async () => {
    kt = spawnKt(['--kubeconfig', kubeconfigPath, '--context', 'kt-sandbox-limited', '-n', 'default'], { cols: 160, rows: 30 });
    const t = kt;
    await t.waitFor('Nodes');
    t.press(':', 'deploy', 'Enter');
    await t.waitFor('nginx-deployment');
    // The footer keeps the hint, drawn grey and dim (SGR 90) once the access review answered.
    const greyed = () => {
      const raw = t.rawOutput();
      const at = raw.lastIndexOf('<l> logs');
      return at >= 0 && raw.slice(Math.max(0, at - 24), at).includes('\u001b[90m');
    };
    await eventually(async () => greyed(), 15_000, 'a greyed logs hint');
    t.press('l');
    await t.waitFor('cannot get resource "pods/log" in API group "" in the namespace "default"');
    expect(t.screen()).not.toContain('Logs default/');
  });
});
