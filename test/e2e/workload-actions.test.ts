// Rolling workloads through kt's keys against the sandbox: `r` restarts a Deployment and `i`
// sets a container's image (picking the container of two); kubectl then shows the change.
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKubeClient } from '../../src/kube/client.js';
import type { KubeObject } from '../../src/kube/types.js';
import { spawnKt, type KeyName, type KtPty } from '../helpers/pty.js';
import { eventually, kubeconfigPath, kubectlPath, sandboxKubeConfig } from '../helpers/sandbox.js';
import { createWebDeployment } from '../helpers/web-deployment.js';

const api = createKubeClient(sandboxKubeConfig());
const NS = `kt-workloads-${Math.random().toString(36).slice(2, 8)}`;
const kubectl = (...args: string[]) => execFileSync(kubectlPath(), ['--kubeconfig', kubeconfigPath, '-n', NS, ...args], { encoding: 'utf8' }).trim();

let running: KtPty | undefined;
afterEach(async () => {
  await running?.dispose();
  running = undefined;
});

beforeAll(async () => {
  await api.request('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
  await createWebDeployment(api, NS, 1, { containers: [{ name: 'nginx', image: 'nginx:1.19.1' }, { name: 'sidecar', image: 'envoy:1.30' }], terminationGracePeriodSeconds: 1 });
  await eventually(async () => ((await api.request<KubeObject>('GET', `/apis/apps/v1/namespaces/${NS}/deployments/web`)).status as { readyReplicas?: number })?.readyReplicas === 1, 60_000, 'web ready');
});

afterAll(async () => {
  await api.request('DELETE', `/api/v1/namespaces/${NS}`).catch(() => undefined);
});

async function keys(t: KtPty, ...pressed: (KeyName | (string & {}))[]): Promise<void> {
  for (const k of pressed) {
    t.press(k);
    await new Promise((r) => setTimeout(r, k === 'Esc' ? 150 : 15));
  }
}

async function onWeb(): Promise<KtPty> {
  const t = spawnKt(['--kubeconfig', kubeconfigPath, '-n', NS], { cols: 200, rows: 50 });
  running = t;
  await t.waitFor('Nodes', 20_000);
  await keys(t, ':', ...'deploy', 'Enter');
  await t.waitFor(/Deployments\([^)]*\)\[1\][\s\S]*web\s+1\/1/, 20_000);
  return t;
}

describe('workload actions through the keyboard', () => {
  it('r restarts the Deployment: kubectl sees the restartedAt annotation and a new ReplicaSet', async () => {
    const t = await onWeb();
    await keys(t, 'r');
    await t.waitFor(/Restart deployment\/web\?[\s\S]*\$ kubectl rollout restart deployment web -n kt-workloads-/, 10_000);
    expect(kubectl('get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.metadata.annotations}')).not.toContain('restartedAt');
    await keys(t, 'y');
    await t.waitFor('deployment.apps/web restarted', 15_000);
    expect(kubectl('get', 'deploy', 'web', '-o', "jsonpath={.spec.template.metadata.annotations['kubectl\\.kubernetes\\.io/restartedAt']}")).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await eventually(async () => kubectl('get', 'rs', '-l', 'app=web', '-o', 'name').split('\n').length === 2, 30_000, 'a second ReplicaSet');
  }, 90_000);

  it('i sets the image of the container picked: kubectl shows the new image on that container only', async () => {
    const t = await onWeb();
    await keys(t, 'i');
    await t.waitFor(/Set image of deployment\/web[\s\S]*\[nginx\][\s\S]*image:\s+nginx:1\.19\.1/, 10_000);
    await keys(t, 'Shift-Tab', 'Right'); // the container field: the sidecar
    await t.waitFor(/\[sidecar\][\s\S]*image:\s+envoy:1\.30/);
    await keys(t, 'Tab', ...Array<KeyName>(4).fill('Backspace'), ...'1.31');
    await t.waitFor('$ kubectl set image deployment/web sidecar=envoy:1.31 -n kt-workloads-');
    await keys(t, 'Enter');
    await t.waitFor('deployment.apps/web image updated', 15_000);
    expect(kubectl('get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[*].image}')).toBe('nginx:1.19.1 envoy:1.31');
    await keys(t, ':', ...'journal', 'Enter');
    await t.waitFor('kubectl set image deployment/web sidecar=envoy:1.31', 10_000);
  }, 90_000);

  it(':rollout history lists the revisions; Enter on the first and y roll back to it, as kubectl sees', async () => {
    await eventually(async () => kubectl('rollout', 'history', 'deployment/web').includes('3 '), 30_000, 'revision 3');
    const t = await onWeb();
    await keys(t, ':', ...'rollout history web', 'Enter');
    await t.waitFor(/Rollout history of deployment\.apps\/web -n kt-workloads-\w+ \(current: 3\)[\s\S]*REVISION\s+CHANGE-CAUSE[\s\S]*3\s+<none>[\s\S]*2\s+<none>[\s\S]*1\s+<none>/, 15_000);
    await keys(t, 'Down', 'Down', 'Enter');
    await t.waitFor(/Roll back replicaset\/web-\w+\?[\s\S]*\$ kubectl rollout undo deployment\/web --to-revision=1 -n kt-workloads-/, 10_000);
    await keys(t, 'y');
    await t.waitFor('deployment.apps/web rolled back', 15_000);
    expect(kubectl('get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[*].image}')).toBe('nginx:1.19.1 envoy:1.30');
    expect(kubectl('get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.metadata.annotations}')).not.toContain('restartedAt');
  }, 90_000);
});
