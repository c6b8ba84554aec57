// Node maintenance as an operator does it, through kt's keys against the sandbox: drain
// k8snode02 (the seed's nginx pods move to k8snode01, as in the tutorial's failover lesson), then
// uncordon it; and the limited context, which may not evict pods, sees drain greyed with the reason.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createKubeClient } from '../../src/kube/client.js';
import type { KubeObject } from '../../src/kube/types.js';
import { spawnKt, type KeyName, type KtPty } from '../helpers/pty.js';
import { eventually, kubeconfigPath, sandboxKubeConfig } from '../helpers/sandbox.js';

const api = createKubeClient(sandboxKubeConfig());
const NODE = '/api/v1/nodes/k8snode02';
const unschedulable = async () => Boolean(((await api.request<KubeObject>('GET', NODE)).spec as { unschedulable?: boolean }).unschedulable);
const nginxPods = async () =>
  (await api.list('/api/v1/namespaces/default/pods', { labelSelector: 'app=nginx' })).items.filter((p) => !p.metadata.deletionTimestamp);
const nodeOf = (p: KubeObject) => (p.spec as { nodeName?: string }).nodeName;

let running: KtPty | undefined;
afterEach(async () => {
  await running?.dispose();
  running = undefined;
});
const schedulable = (node: string, on: boolean) =>
  api.request('PATCH', `/api/v1/nodes/${node}`, { spec: { unschedulable: on ? null : true } }, 'application/merge-patch+json');

afterAll(async () => {
  // Whatever happened, both nodes take pods again.
  for (const node of ['k8snode01', 'k8snode02']) await schedulable(node, true).catch(() => undefined);
});

/**
 * Pods on k8snode02 that no controller owns: kubectl drain refuses them without --force. Only
 * other tests make such pods (the talker pod of the stream and log tests), and they go with their
 * namespace, a little after their file ended.
 */
const unmanagedOnNode02 = async () =>
  (await api.list('/api/v1/pods', { fieldSelector: 'spec.nodeName=k8snode02' })).items.filter(
    (p) => !(p.metadata as { ownerReferences?: unknown[] }).ownerReferences?.length,
  );

/** nginx's pods, one of them on k8snode02: the seed spreads them, and an earlier drain may have moved them all. */
async function nginxOnNode02(): Promise<KubeObject[]> {
  const pods = await eventually(async () => ((await nginxPods()).length >= 2 ? nginxPods() : undefined), 60_000, "nginx's pods");
  if (pods.some((p) => nodeOf(p) === 'k8snode02')) return pods;
  // Keep k8snode01 from taking pods while one is replaced, so the replacement lands on k8snode02.
  await schedulable('k8snode01', false);
  try {
    await api.request('DELETE', `/api/v1/namespaces/default/pods/${(pods[0] as KubeObject).metadata.name}`);
    return await eventually(async () => {
      const now = await nginxPods();
      return now.length === pods.length && now.some((p) => nodeOf(p) === 'k8snode02') ? now : undefined;
    }, 60_000, 'an nginx pod on k8snode02');
  } finally {
    await schedulable('k8snode01', true);
  }
}

async function keys(t: KtPty, ...pressed: (KeyName | (string & {}))[]): Promise<void> {
  for (const k of pressed) {
    t.press(k);
    await new Promise((r) => setTimeout(r, k === 'Esc' ? 150 : 15));
  }
}

/** The nodes pane, filtered down to k8snode02. */
async function onNode02(t: KtPty): Promise<void> {
  await t.waitFor('Nodes', 20_000);
  await keys(t, ':', ...'nodes', 'Enter');
  await keys(t, '/', ...'k8snode02', 'Enter');
  await t.waitFor(/Nodes\[1\/\d+\][\s\S]*k8snode02/, 20_000);
}

describe('node maintenance through the keyboard', () => {
  it('r drains k8snode02: the dialog lists the pods first, nginx moves to k8snode01; u uncordons it', async () => {
    await eventually(async () => (await unmanagedOnNode02()).length === 0, 90_000, 'no pod without a controller on k8snode02');
    const before = await nginxOnNode02();
    const onTwo = before.filter((p) => nodeOf(p) === 'k8snode02').map((p) => p.metadata.name);

    const t = spawnKt(['--kubeconfig', kubeconfigPath, '-n', 'default'], { cols: 200, rows: 50 });
    running = t;
    await onNode02(t);
    await keys(t, 'r');
    let screen = await t.waitFor(/Drain node\/k8snode02\?/, 10_000);
    // Before anything is sent: the pods that will go, kubectl's warning, the command.
    screen = await t.waitFor(/Pods to evict \(\d+\):/);
    for (const name of onTwo) expect(screen).toContain(`default/${name}`);
    expect(screen).toMatch(/Warning: ignoring DaemonSet-managed Pods: [\s\S]*kube-proxy-/);
    expect(screen).toContain('$ kubectl drain k8snode02 --ignore-daemonsets --timeout=5m');
    expect(await unschedulable()).toBe(false);

    await keys(t, 'y');
    await t.waitFor('node/k8snode02 cordoned', 15_000);
    for (const name of onTwo) await t.waitFor(`evicting pod default/${name}`, 15_000);
    for (const name of onTwo) await t.waitFor(`pod/${name} evicted`, 60_000);
    await t.waitFor('node/k8snode02 drained', 180_000); // a pod of a namespace being deleted is waited for, as kubectl does
    expect(await unschedulable()).toBe(true);
    // The Deployment replaced them on the node still taking pods.
    const after = await eventually(async () => {
      const pods = await nginxPods();
      return pods.length === before.length && pods.every((p) => nodeOf(p) === 'k8snode01') ? pods : undefined;
    }, 60_000, 'every nginx pod on k8snode01');
    expect(after.some((p) => onTwo.includes(p.metadata.name))).toBe(false);

    await keys(t, 'Esc');
    await t.waitFor((s) => !s.includes('Drained node/k8snode02'), 10_000);
    await keys(t, 'u');
    await t.waitFor(/Uncordon node\/k8snode02\?[\s\S]*\$ kubectl uncordon k8snode02/, 10_000);
    await keys(t, 'y');
    await t.waitFor('node/k8snode02 uncordoned', 15_000);
    expect(await unschedulable()).toBe(false);
    await keys(t, ':', ...'journal', 'Enter');
    screen = await t.waitFor('kubectl uncordon k8snode02', 10_000);
    expect(screen).toContain('kubectl drain k8snode02 --ignore-daemonsets --timeout=5m');
  }, 240_000);

  it('the limited context, which may not create pods/eviction, sees drain greyed and r says why', async () => {
    const t = spawnKt(['--kubeconfig', kubeconfigPath, '--context', 'kt-sandbox-limited'], { cols: 200, rows: 40 });
    running = t;
    await onNode02(t);
    const greyed = () => {
      const raw = t.rawOutput();
      const at = raw.lastIndexOf('<r> drain');
      return at >= 0 && raw.slice(Math.max(0, at - 24), at).includes('\u001b[90m');
    };
    await eventually(async () => greyed(), 15_000, 'a greyed drain hint');
    await keys(t, 'r');
    const screen = await t.waitFor(/not allowed: cannot create resource "pods\/eviction" in API group ""/, 10_000);
    expect(screen).not.toMatch(/Drain node\/k8snode02\?/);
    expect(await unschedulable()).toBe(false);
  }, 60_000);
});
