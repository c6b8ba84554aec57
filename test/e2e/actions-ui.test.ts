// The action UI as an operator uses it: the real bin/kt.js in a pty against the sandbox, driven
// only through the keyboard, each effect read back from the API. Everything changed is restored;
// the objects deleted or marked live in a namespace this file creates.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKubeClient } from '../../src/kube/client.js';
import { KubeApiError } from '../../src/kube/api-errors.js';
import type { KubeObject } from '../../src/kube/types.js';
import { spawnKt, type KeyName, type KtPty } from '../helpers/pty.js';
import { eventually, kubeconfigPath, sandboxKubeConfig, viewerKubeConfig } from '../helpers/sandbox.js';
import { createWebDeployment } from '../helpers/web-deployment.js';

const api = createKubeClient(sandboxKubeConfig());
const suffix = Math.random().toString(36).slice(2, 8);
const NS = `kt-ui-actions-${suffix}`;
const NGINX = '/apis/apps/v1/namespaces/default/deployments/nginx-deployment';
const WEB = `/apis/apps/v1/namespaces/${NS}/deployments/web`;
const WIDGETS = `/apis/demo.kt.dev/v1/namespaces/${NS}/widgets`;
const tmp = mkdtempSync(join(tmpdir(), 'kt-actions-ui-'));

const get = (path: string) => api.request<KubeObject>('GET', path);
const rv = async (path: string) => (await get(path)).metadata.resourceVersion;
const replicas = async (path: string) => ((await get(path)).spec as { replicas: number }).replicas;
const taints = async (node: string) => ((await get(`/api/v1/nodes/${node}`)).spec as { taints?: { key: string; effect: string }[] }).taints ?? [];
const labels = async (path: string) => (await get(path)).metadata.labels ?? {};
async function gone(path: string): Promise<boolean> {
  try {
    await get(path);
    return false;
  } catch (err) {
    return err instanceof KubeApiError && err.statusCode === 404;
  }
}
const podsOf = async (selector: string) =>
  (await api.list(`/api/v1/namespaces/${NS}/pods`, { labelSelector: selector })).items.filter((p) => !p.metadata.deletionTimestamp);

// How the footer's delete hint was last drawn: grey and dim (SGR 90, 2) when denied, the key in
// magenta (35) when allowed. Before access is known it is drawn as allowed.
function lastDeleteHint(raw: string): 'grey' | 'key' | undefined {
  const at = raw.lastIndexOf('<ctrl-d>');
  if (at < 0) return undefined;
  const before = raw.slice(Math.max(0, at - 12), at);
  if (before.includes('\u001b[90m')) return 'grey';
  return before.endsWith('\u001b[35m') ? 'key' : undefined;
}

const running: KtPty[] = [];
afterEach(async () => {
  for (const pty of running.splice(0)) await pty.dispose();
});

function kt(args: string[], kubeconfig = kubeconfigPath): KtPty {
  const pty = spawnKt(['--kubeconfig', kubeconfig, ...args], { cols: 200, rows: 50 });
  running.push(pty);
  return pty;
}

/** Presses keys one by one, with a pause after Esc (a lone ESC must not merge with the next key). */
async function keys(t: KtPty, ...pressed: (KeyName | (string & {}))[]): Promise<void> {
  for (const k of pressed) {
    t.press(k);
    await new Promise((r) => setTimeout(r, k === 'Esc' ? 150 : 15));
  }
}
const type = (t: KtPty, text: string) => keys(t, ...text);

/** The text of the pane whose title matches, down to its bottom border. */
function pane(screen: string, title: RegExp): string {
  const lines = screen.split('\n');
  const start = lines.findIndex((l) => title.test(l));
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && /^[└╚]/.test(l));
  return lines.slice(start, end < 0 ? undefined : end + 1).join('\n');
}
const footer = (screen: string) => screen.split('\n').filter((l) => l.trim()).at(-1) ?? '';

/** `:kind` in the focused pane, then a filter down to one row. */
async function show(t: KtPty, kind: string, filter: string, row: RegExp): Promise<void> {
  await keys(t, ':', ...kind, 'Enter');
  await keys(t, '/', ...filter, 'Enter');
  await t.waitFor((s) => row.test(s), 20_000);
}

const podBody = (name: string, labels: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: { containers: [{ name: 'c', image: 'nginx:1.19.1' }], terminationGracePeriodSeconds: 1 },
});

beforeAll(async () => {
  await api.request('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
  await createWebDeployment(api, NS, 2, { containers: [{ name: 'c', image: 'nginx:1.19.1' }], terminationGracePeriodSeconds: 1 });
  await api.request('POST', `${WIDGETS}`, { apiVersion: 'demo.kt.dev/v1', kind: 'Widget', metadata: { name: 'scaled' }, spec: { replicas: 2, color: 'green' } });
  for (const name of ['solo-a', 'solo-b', 'solo-c']) await api.request('POST', `/api/v1/namespaces/${NS}/pods`, podBody(name, { solo: 'yes' }));
  await eventually(async () => (await podsOf('app=web')).length === 2 && (await podsOf('solo=yes')).length === 3, 60_000, 'the test pods');
});

afterAll(async () => {
  // Put back what the tests change outside their namespace, whatever happened to them.
  await api.request('PATCH', `${NGINX}/scale`, { spec: { replicas: 2 } }, 'application/merge-patch+json').catch(() => undefined);
  await api.request('PATCH', '/api/v1/nodes/k8snode02', { metadata: { labels: { disktype: null } } }, 'application/merge-patch+json').catch(() => undefined);
  const master = await taints('k8smaster01').catch(() => []);
  const kept = master.filter((t) => !t.key.startsWith('kt-ui-e2e'));
  if (kept.length !== master.length) {
    await api.request('PATCH', '/api/v1/nodes/k8smaster01', { spec: { taints: kept } }, 'application/merge-patch+json').catch(() => undefined);
  }
  await api.request('DELETE', `/api/v1/namespaces/default/services/kt-ui-e2e-${suffix}`).catch(() => undefined);
  await api.request('DELETE', `/api/v1/namespaces/${NS}`).catch(() => undefined);
  rmSync(tmp, { recursive: true, force: true });
});

describe('kt actions through the keyboard', () => {
  it('s scales nginx-deployment to 5 (5 pods appear in the Pods pane) and back to 2', async () => {
    const t = kt(['-n', 'default']);
    await t.waitFor(/nginx-deployment-/, 20_000);
    await keys(t, 'Tab'); // the third pane becomes Deployments; Pods stays in view
    await show(t, 'deploy', '^nginx-deployment$', /Deployments\(default\)\[1\/\d+\][\s\S]*nginx-deployment\s+\d+\/\d+/);
    await keys(t, 's');
    let screen = await t.waitFor(/Scale deployment\/nginx-deployment/);
    expect(screen).toMatch(/Scale deployment\/nginx-deployment[\s\S]*replicas: 2/);
    await keys(t, 'Backspace', '5');
    screen = await t.waitFor(/\$ kubectl scale deployment\/nginx-deployment --replicas=5 -n default/);
    await keys(t, 'Enter');
    await t.waitFor(/deployment\.apps\/nginx-deployment scaled/, 10_000);
    await eventually(async () => (await replicas(NGINX)) === 5, 10_000, 'spec.replicas 5');
    await t.waitFor((s) => (pane(s, /Pods\(default\)/).match(/nginx-deployment-\S+\s+1\/1\s+Running/g) ?? []).length >= 5, 60_000);

    await keys(t, 's', 'Backspace', '2', 'Enter');
    await eventually(async () => (await replicas(NGINX)) === 2, 10_000, 'spec.replicas 2');
    await t.waitFor((s) => (pane(s, /Pods\(default\)/).match(/nginx-deployment-\S+\s+1\/1\s+Running/g) ?? []).length === 2, 60_000);
  });

  it('s on a custom resource (a server-Table row) opens prefilled from its scale subresource and scales it', async () => {
    const t = kt(['-n', NS]);
    await t.waitFor(/web-/, 20_000);
    // A fresh config dir: discovery's cache is cold, so the pane opens once the server has answered.
    await keys(t, ':', ...'widgets', 'Enter');
    await t.waitFor(/Widgets\(kt-ui-actions-\w+\)\[1\][\s\S]*scaled\s+2\s+green/, 20_000);
    await keys(t, 's');
    const screen = await t.waitFor(/Scale widget\/scaled[\s\S]*replicas: 2/, 10_000);
    expect(screen).toContain(`$ kubectl scale widget/scaled --replicas=2 -n ${NS}`);
    await keys(t, 'Backspace', '4', 'Enter');
    await t.waitFor(/widget\.demo\.kt\.dev\/scaled scaled/, 10_000);
    await eventually(async () => (await replicas(`${WIDGETS}/scaled`)) === 4, 10_000, 'spec.replicas 4');
    await t.waitFor(/scaled\s+4\s+green/, 10_000);
  });

  it('L labels k8snode02 disktype=ssd, then disktype- removes it', async () => {
    const t = kt(['-n', 'default']);
    await t.waitFor(/k8snode02/, 20_000);
    await keys(t, 'Shift-Tab'); // Nodes
    await keys(t, '/', ...'k8snode02', 'Enter');
    await t.waitFor((s) => !/k8snode01/.test(pane(s, /Nodes\[/)), 10_000);
    await keys(t, 'L');
    await t.waitFor(/Label node\/k8snode02/);
    await type(t, 'disktype=ssd');
    await t.waitFor(/\$ kubectl label node k8snode02 disktype=ssd/);
    await keys(t, 'Enter');
    await t.waitFor(/node\/k8snode02 labeled/, 10_000);
    expect((await labels('/api/v1/nodes/k8snode02')).disktype).toBe('ssd');

    await keys(t, 'L');
    await t.waitFor(/Label node\/k8snode02/);
    await type(t, 'disktype-');
    await keys(t, 'Enter');
    await eventually(async () => !('disktype' in (await labels('/api/v1/nodes/k8snode02'))), 10_000, 'label removed');
  });

  it('T taints k8smaster01 and untaints it, keeping the seed taint; a NoExecute taint waits for y and n cancels', async () => {
    const seed = await taints('k8smaster01');
    const key = `kt-ui-e2e-${suffix}`;
    const t = kt(['-n', 'default']);
    await t.waitFor(/k8smaster01/, 20_000);
    await keys(t, 'Shift-Tab', '/', ...'k8smaster01', 'Enter');
    await t.waitFor((s) => !/k8snode01/.test(pane(s, /Nodes\[/)), 10_000);

    const before = await rv('/api/v1/nodes/k8smaster01');
    await keys(t, 'T');
    await t.waitFor(/Taint node\/k8smaster01/);
    await type(t, `${key}=x:NoExecute`);
    await keys(t, 'Enter');
    const confirm = await t.waitFor(/Taint node\/k8smaster01\?/);
    expect(confirm).toMatch(/Taint this object:[\s\S]*║\s+k8smaster01\s+║/);
    expect(confirm).toContain(`$ kubectl taint node k8smaster01 ${key}=x:NoExecute`);
    await keys(t, 'n');
    await t.waitFor((s) => !/Taint node\/k8smaster01\?/.test(s));

    await keys(t, 'T');
    await t.waitFor(/Taint node\/k8smaster01/);
    await type(t, `${key}=yes:NoSchedule`);
    await keys(t, 'Enter');
    await t.waitFor(/node\/k8smaster01 tainted/, 10_000);
    const tainted = await taints('k8smaster01');
    // The NoExecute taint was never sent: only the NoSchedule one is new.
    expect(tainted.filter((x) => x.key === key)).toEqual([{ key, value: 'yes', effect: 'NoSchedule' }]);
    expect(before).not.toBe(await rv('/api/v1/nodes/k8smaster01'));
    // The prompt plans on the object the pane holds: wait until it shows the second taint.
    await t.waitFor((s) => /k8smaster01\s.*\s2\s+\d+\s*[║│]$/m.test(pane(s, /Nodes\[/)), 10_000);

    await keys(t, 'T');
    await t.waitFor(/Taint node\/k8smaster01/);
    await type(t, `${key}-`);
    await keys(t, 'Enter');
    await t.waitFor(/node\/k8smaster01 untainted/, 10_000);
    expect(await taints('k8smaster01')).toEqual(seed);
  });

  it('x exposes nginx-deployment as a NodePort service on port 80', async () => {
    const name = `kt-ui-e2e-${suffix}`;
    const t = kt(['-n', 'default']);
    await t.waitFor(/nginx-deployment-/, 20_000);
    await show(t, 'deploy', '^nginx-deployment$', /Deployments\(default\)\[1\/\d+\][\s\S]*nginx-deployment\s+\d+\/\d+/);
    await keys(t, 'x');
    let screen = await t.waitFor(/Expose deployment\/nginx-deployment as a Service/);
    expect(screen).toMatch(/> port:\s+80/);
    await keys(t, 'Tab', 'Tab', 'Tab', 'Right'); // type: NodePort
    await t.waitFor(/\[NodePort\]/);
    await keys(t, 'Tab', 'Tab', ...Array.from({ length: 'nginx-deployment'.length }, () => 'Backspace'));
    await type(t, name);
    screen = await t.waitFor(new RegExp(`\\$ kubectl expose deployment nginx-deployment --port=80 --type=NodePort --name=${name} -n default`));
    await keys(t, 'Enter');
    await t.waitFor(new RegExp(`service/${name} exposed`), 10_000);
    const svc = await get(`/api/v1/namespaces/default/services/${name}`);
    const spec = svc.spec as { type: string; ports: { port: number; nodePort?: number }[]; selector: Record<string, string> };
    expect(spec.type).toBe('NodePort');
    expect(spec.ports[0]?.port).toBe(80);
    expect(spec.ports[0]?.nodePort).toBeGreaterThanOrEqual(30000);
    expect(spec.selector).toEqual({ app: 'nginx' });
    await api.request('DELETE', `/api/v1/namespaces/default/services/${name}`);
  });

  it('Ctrl-D y deletes a pod and its deployment replaces it', async () => {
    const t = kt(['-n', NS]);
    await t.waitFor(/web-\S+\s+1\/1\s+Running/, 20_000);
    await keys(t, '/', ...'-l app=web', 'Enter');
    await t.waitFor((s) => !/solo-/.test(s), 10_000);
    await keys(t, 'Ctrl-D');
    const dialog = await t.waitFor(/Delete pod\/web-\S+\?/);
    const victim = /Delete pod\/(web-\S+)\?/.exec(dialog)?.[1] ?? '';
    expect(dialog).toContain(`${NS}/${victim}`);
    expect(dialog).toContain(`$ kubectl delete pod ${victim} -n ${NS}`);
    await keys(t, 'y');
    await t.waitFor(new RegExp(`pod "${victim}" deleted`), 10_000);
    await eventually(() => gone(`/api/v1/namespaces/${NS}/pods/${victim}`), 60_000, 'the pod to go');
    const now = await eventually(async () => {
      const pods = await podsOf('app=web');
      return pods.length === 2 && !pods.some((p) => p.metadata.name === victim) ? pods : undefined;
    }, 60_000, 'a replacement pod');
    for (const p of now) await t.waitFor(new RegExp(`${p.metadata.name}\\s+1/1\\s+Running`), 30_000);
  });

  it('Space marks two pods; Ctrl-D names both and y deletes exactly those', async () => {
    const t = kt(['-n', NS]);
    await t.waitFor(/solo-c/, 20_000);
    await keys(t, '/', ...'-l solo=yes', 'Enter');
    await t.waitFor((s) => !/web-/.test(pane(s, /Pods\(/)), 10_000);
    await keys(t, 'Space', 'Space'); // solo-a, solo-b (sorted by name)
    await t.waitFor(/\[2 marked\]/);
    await keys(t, 'Ctrl-D');
    const dialog = await t.waitFor(/Delete 2 pods\?/);
    expect(dialog).toContain(`${NS}/solo-a, ${NS}/solo-b`);
    expect(dialog).toContain(`$ kubectl delete pod solo-a solo-b -n ${NS}`);
    await keys(t, 'y');
    await eventually(async () => (await gone(`/api/v1/namespaces/${NS}/pods/solo-a`)) && (await gone(`/api/v1/namespaces/${NS}/pods/solo-b`)), 60_000, 'both marked pods to go');
    expect((await podsOf('solo=yes')).map((p) => p.metadata.name)).toEqual(['solo-c']);
    await t.waitFor((s) => !/\[\d+ marked\]/.test(s) && !/solo-a|solo-b/.test(pane(s, /Pods\(/)), 20_000);
  });

  it('Esc, n and invalid input send nothing: the objects keep their resourceVersion', async () => {
    const t = kt(['-n', NS]);
    await t.waitFor(/solo-c\s+1\/1\s+Running/, 20_000);
    const deployRv = await rv(WEB);
    const podRv = await rv(`/api/v1/namespaces/${NS}/pods/solo-c`);
    await keys(t, '/', ...'solo-c', 'Enter');
    await t.waitFor((s) => !/web-/.test(pane(s, /Pods\(/)), 10_000);
    // Delete, answered n; label typed, then Esc; label with bad syntax, Enter: an error, nothing sent.
    await keys(t, 'Ctrl-D');
    await t.waitFor(/Delete pod\/solo-c\?/);
    await keys(t, 'n');
    await t.waitFor((s) => !/Delete pod\/solo-c\?/.test(s));
    await keys(t, 'L', ...'kt=no', 'Esc');
    await t.waitFor((s) => !/Label pod\/solo-c/.test(s));
    await keys(t, 'L', ...'=bad', 'Enter');
    await t.waitFor(/invalid label key ""/);
    await keys(t, 'Esc');
    // Scale typed then Esc, and an invalid replica count.
    await keys(t, 'Esc'); // clear the filter
    await show(t, 'deploy', '^web$', /Deployments\([^)]*\)\[1\/1\][\s\S]*web\s+2\/2/);
    await keys(t, 's', 'Backspace', '7', 'Esc');
    await t.waitFor((s) => !/Scale deployment\/web/.test(s));
    await keys(t, 's', 'Backspace', ...'x7', 'Enter');
    await t.waitFor(/invalid replicas "x7"/);
    await keys(t, 'Esc');
    // A real change made after them, on another object, has landed: anything they sent would have too.
    await keys(t, 'Esc'); // clear the filter
    await show(t, 'pods', '-l app=web', /Pods\([^)]*\)\[2\/\d+\]/);
    await keys(t, 'L');
    const prompt = await t.waitFor(/Label pod\/web-\S+/);
    const probe = /Label pod\/(web-\S+)/.exec(prompt)?.[1] ?? '';
    await type(t, 'kt-ui-probe=1');
    await keys(t, 'Enter');
    await eventually(async () => (await labels(`/api/v1/namespaces/${NS}/pods/${probe}`))['kt-ui-probe'] === '1', 10_000, 'the probe label');
    expect(await rv(`/api/v1/namespaces/${NS}/pods/solo-c`)).toBe(podRv);
    expect(await rv(WEB)).toBe(deployRv);
    const web = await get(WEB);
    expect((web.spec as { replicas: number }).replicas).toBe(2);
  });

  it('a user bound to the view ClusterRole sees the actions disabled and cannot run them', async () => {
    const kc = await viewerKubeConfig(api, NS, 'kt-ui-viewer');
    const path = join(tmp, 'viewer.kubeconfig');
    writeFileSync(path, kc.exportConfig(), { mode: 0o600 });

    const podRv = await rv(`/api/v1/namespaces/${NS}/pods/solo-c`);
    const t = kt(['-n', NS], path);
    await t.waitFor(/solo-c\s+1\/1\s+Running/, 20_000);
    // The footer still lists the actions, drawn grey and dim (SGR 90, 2) once access is known.
    await eventually(async () => lastDeleteHint(t.rawOutput()) === 'grey', 10_000, 'a greyed delete hint');
    await keys(t, '/', ...'solo-c', 'Enter');
    await t.waitFor((s) => !/web-/.test(pane(s, /Pods\(/)), 10_000);
    await keys(t, 'Ctrl-D');
    let screen = await t.waitFor(/not allowed: cannot delete resource "pods" in API group "" in the namespace "kt-ui-actions-/, 10_000);
    expect(screen).not.toMatch(/Delete pod\/solo-c\?/);
    await keys(t, 'L');
    screen = await t.waitFor(/not allowed: cannot patch resource "pods"/, 10_000);
    expect(screen).not.toMatch(/Label pod\/solo-c/);
    await keys(t, 'Esc');
    await show(t, 'deploy', '^web$', /Deployments\([^)]*\)\[1\/1\][\s\S]*web\s+2\/2/);
    await keys(t, 's');
    screen = await t.waitFor(/not allowed: cannot update resource "deployments\/scale"/, 10_000);
    expect(screen).not.toMatch(/Scale deployment\/web/);
    expect(await rv(`/api/v1/namespaces/${NS}/pods/solo-c`)).toBe(podRv);
  });

  it('--readonly offers no action and no key runs one', async () => {
    const podRv = await rv(`/api/v1/namespaces/${NS}/pods/solo-c`);
    const t = kt(['-n', NS, '--readonly']);
    const screen = await t.waitFor(/solo-c\s+1\/1\s+Running/, 20_000);
    expect(footer(screen)).not.toMatch(/delete|label|mark/);
    await keys(t, '/', ...'solo-c', 'Enter', 'Ctrl-D', 'L', 'Space');
    await keys(t, '?');
    const help = await t.waitFor(/readonly: mutating actions are off/);
    expect(help).not.toMatch(/Delete the marked rows/);
    expect(await rv(`/api/v1/namespaces/${NS}/pods/solo-c`)).toBe(podRv);
  });

  it('keys rebound in the config file work, show in the footer, and a bad entry is warned about at startup', async () => {
    const dir = mkdtempSync(join(tmp, 'config-'));
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ keys: { 'action.label': ['l'], 'no.such': ['z'] } }));
    const t = spawnKt(['--kubeconfig', kubeconfigPath, '-n', NS], { cols: 200, rows: 50, env: { KT_CONFIG_DIR: dir } });
    running.push(t);
    const screen = await t.waitFor(/solo-c\s+1\/1\s+Running/, 20_000);
    expect(t.rawOutput()).toContain(`kt: ignoring keys in ${join(dir, 'config.json')}: no.such (no such command`);
    await t.waitFor((s) => footer(s).includes('<l> label'), 10_000);
    expect(footer(screen)).not.toContain('<shift-l>');
    await keys(t, '/', ...'solo-c', 'Enter', 'L');
    await keys(t, 'l');
    const prompt = await t.waitFor(/Label pod\/solo-c/);
    expect(prompt).toMatch(/> labels:\s+║/); // L opened nothing, so l is not typed into a prompt
    await keys(t, 'Esc');
  });

  it(':journal lists the run\'s actions with their commands and outcomes', async () => {
    const t = kt(['-n', NS]);
    await t.waitFor(/solo-c\s+1\/1\s+Running/, 20_000);
    await keys(t, '/', ...'solo-c', 'Enter');
    await t.waitFor((s) => !/web-/.test(pane(s, /Pods\(/)), 10_000);
    await keys(t, 'L', ...'kt-ui-j=1', 'Enter');
    await t.waitFor(/pod\/solo-c labeled/, 10_000);
    await keys(t, 'L', ...'kt-ui-k=2', 'Enter');
    await eventually(async () => (await labels(`/api/v1/namespaces/${NS}/pods/solo-c`))['kt-ui-k'] === '2', 10_000, 'the second label');
    expect(lastDeleteHint(t.rawOutput())).toBe('key'); // the admin's delete hint is in the key colour
    await keys(t, ':', ...'journal', 'Enter');
    const screen = await t.waitFor(/Journal\[2\]/);
    const journal = pane(screen, /Journal\[2\]/);
    expect(journal).toMatch(new RegExp(`ok\\s+\\$ kubectl label pod solo-c kt-ui-k=2 -n ${NS}`));
    expect(journal).toMatch(new RegExp(`ok\\s+\\$ kubectl label pod solo-c kt-ui-j=1 -n ${NS}`));
    expect(journal.indexOf('kt-ui-k=2')).toBeLessThan(journal.indexOf('kt-ui-j=1')); // newest first
    expect(journal).toMatch(/→ pod\/solo-c labeled/);
  });
});
