// kt as an operator sees it: the real bin/kt.js in a pseudo-terminal against the sandbox cluster.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { expectTerminalRestored, spawnKt, type KtPty } from '../helpers/pty.js';
import { apiServerPort, kubeconfigPath, sandboxApis } from '../helpers/sandbox.js';
import { kubeconfigThrough, TcpProxy } from '../helpers/tcp-proxy.js';

const { core } = sandboxApis();
const tmp = mkdtempSync(join(tmpdir(), 'kt-ui-e2e-'));
const running: KtPty[] = [];
afterEach(async () => {
  for (const pty of running.splice(0)) await pty.dispose();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function kt(args: string[], cols = 200, rows = 50, kubeconfig = kubeconfigPath): KtPty {
  const pty = spawnKt(['--kubeconfig', kubeconfig, ...args], { cols, rows });
  running.push(pty);
  return pty;
}

const lines = (screen: string) => screen.split('\n');
/** The text of the pane whose title starts with `title`, up to its bottom border. */
function pane(screen: string, title: RegExp): string {
  const all = lines(screen);
  const start = all.findIndex((l) => title.test(l));
  if (start < 0) return '';
  const end = all.findIndex((l, i) => i > start && /^[└╚]/.test(l));
  return all.slice(start, end < 0 ? undefined : end + 1).join('\n');
}

describe('kt on the sandbox', () => {
  it('shows live Nodes, Pods and DaemonSets panes with the session header on a large terminal', async () => {
    const t = kt(['-A']);
    const screen = await t.waitFor((s) => /Nodes\[3\]/.test(s) && /nginx-deployment-/.test(s) && /node-exporter/.test(s) && /● live/.test(s), 20_000);
    expect(screen).toMatch(/live\s+Context:kt-sandbox\s+Cluster:kt-sandbox\s+User:kt-admin/);
    await t.waitFor(/K8s:v1\.36\.\d+/);
    expect(pane(screen, /Nodes\[3\]/)).toMatch(/k8smaster01\s+Ready\s+control-plane/);
    expect(pane(screen, /Pods\(all\)/)).toMatch(/kube-system\s+kube-proxy-\S+\s+1\/1\s+Running/);
    expect(pane(screen, /DaemonSets\(all\)/)).toMatch(/monitoring\s+node-exporter\s+2\s+2\s+2/);
    // The frame stays shorter than the terminal: its last row is empty.
    expect(lines(t.screen()).length).toBeLessThanOrEqual(50);
    expect(lines(t.screen())[49] ?? '').toBe('');
  });

  it('shows a pod created through the API, and drops it once deleted', async () => {
    const t = kt(['-n', 'default']);
    await t.waitFor(/nginx-deployment-/, 20_000);
    const name = `kt-e2e-live-${Date.now().toString(36)}`;
    await core.createNamespacedPod({
      namespace: 'default',
      body: { metadata: { name, labels: { app: 'kt-e2e' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.19.1' }] } },
    });
    await t.waitFor(new RegExp(`${name}\\s+1/1\\s+Running`), 5_000);
    await core.deleteNamespacedPod({ name, namespace: 'default', gracePeriodSeconds: 0 });
    await t.waitFor((s) => !s.includes(name), 5_000);
  });

  it('sorts by any column with Shift-→ / Shift-← (by value) and reverses with Shift-O, as k9s', async () => {
    const t = kt(['-A']);
    await t.waitFor((s) => /Pods\(all\)\[\d+\]/.test(s) && /NAME↑/.test(s), 20_000);
    // Step right (past the metrics columns, where Prometheus is found) until the sort is on NODE.
    const sortedOn = (s: string) => /(\S+)[↑↓]/.exec(pane(s, /Pods\(all\)/).split('\n')[1] ?? '')?.[1];
    for (let i = 0; i < 20 && sortedOn(t.screen()) !== 'NODE'; i++) {
      const before = sortedOn(t.screen());
      t.press('Shift-Right');
      await t.waitFor((s) => sortedOn(s) !== before, 5_000);
    }
    const nodes = (s: string) => [...pane(s, /Pods\(all\)/).matchAll(/\s(k8s(?:master|node)\d+)\s/g)].map((m) => m[1] ?? '');
    const sorted = (list: string[]) => list.length > 3 && list.every((n, i) => i === 0 || (list[i - 1] ?? '') <= n);
    let screen = await t.waitFor((s) => /NODE↑/.test(pane(s, /Pods\(all\)/)) && sorted(nodes(s)), 10_000);
    expect(pane(screen, /Pods\(all\)/)).not.toMatch(/NAME↑/);
    t.press('O');
    screen = await t.waitFor((s) => /NODE↓/.test(pane(s, /Pods\(all\)/)) && sorted(nodes(s).reverse()), 10_000);
    t.press('Shift-Left');
    await t.waitFor((s) => /IP↑/.test(pane(s, /Pods\(all\)/)), 10_000);
  });

  it('switches namespaces with :ns, the picker, 0 and the favourite digits', async () => {
    const t = kt(['-n', 'default']);
    await t.waitFor(/Pods\(default\)/, 20_000);
    t.press(':', ...'ns monitoring', 'Enter');
    let screen = await t.waitFor((s) => /Pods\(monitoring\)/.test(s) && /node-exporter-/.test(pane(s, /Pods\(/)), 10_000);
    expect(pane(screen, /Pods\(/)).not.toMatch(/nginx-deployment-/);
    expect(screen).toMatch(/Namespace:monitoring/);

    t.press(':', ...'ns', 'Enter');
    await t.waitFor(/kube-system/, 10_000);
    t.press(...'kube-sys', 'Enter');
    screen = await t.waitFor((s) => /Pods\(kube-system\)/.test(s) && /kube-proxy-/.test(pane(s, /Pods\(/)), 10_000);
    expect(screen).toMatch(/<1>kube-system\s+<2>monitoring/);

    t.press('0');
    screen = await t.waitFor((s) => /Pods\(all\)/.test(s) && /nginx-deployment-/.test(s) && /node-exporter-/.test(s), 10_000);
    t.press('2');
    await t.waitFor((s) => /Pods\(monitoring\)/.test(s), 10_000);
  });

  it('drills from a node to its pods and back, with a breadcrumb', async () => {
    const t = kt(['-A']);
    await t.waitFor(/k8snode02/, 20_000);
    t.press('Shift-Tab'); // from Pods to Nodes
    t.press('j', 'Enter'); // k8snode01
    const screen = await t.waitFor(/pods on node\/k8snode01/, 10_000);
    expect(screen).toMatch(/nodes > k8snode01 > pods/);
    const drilled = pane(screen, /pods on node\/k8snode01/);
    expect(drilled).not.toMatch(/k8smaster01|k8snode02/);
    expect(drilled).toMatch(/k8snode01/);
    t.press('Esc');
    await t.waitFor((s) => /Nodes\[3\]/.test(s) && !/pods on node/.test(s), 10_000);
  });

  it('filters the focused pane by text, label selector and inverse', async () => {
    // The next key waits for Esc's effect: under load a key typed soon after Esc can share its read (Alt+key).
    const filterCleared = (s: string) => /kube-proxy-/.test(pane(s, /Pods\(/)) && /nginx-deployment-/.test(pane(s, /Pods\(/));
    const t = kt(['-A']);
    await t.waitFor(/nginx-deployment-/, 20_000);
    t.press('/', ...'nginx', 'Enter');
    let pods = pane(await t.waitFor((s) => !/kube-proxy-/.test(pane(s, /Pods\(/)), 10_000), /Pods\(/);
    expect(pods).toMatch(/nginx-deployment-/);
    t.press('Esc');
    await t.waitFor(filterCleared);
    t.press('/', ...'-l app=node-exporter', 'Enter');
    pods = pane(await t.waitFor((s) => !/nginx-deployment-/.test(pane(s, /Pods\(/)) && /node-exporter-/.test(s), 10_000), /Pods\(/);
    expect(pods).not.toMatch(/kube-proxy-/);
    t.press('Esc');
    await t.waitFor(filterCleared);
    t.press('/', ...'!kube', 'Enter');
    pods = pane(await t.waitFor((s) => !/kube-proxy-|kube-state-metrics/.test(pane(s, /Pods\(/)) && /nginx-deployment-/.test(s), 10_000), /Pods\(/);
    expect(pods).toMatch(/node-exporter-/);
  });

  it('re-lays the screen on resize: three panes at 200x50, the focused one at 80x24', async () => {
    const t = kt(['-A']);
    await t.waitFor((s) => /Nodes\[3\]/.test(s) && /Pods\(all\)/.test(s) && /DaemonSets\(all\)/.test(s), 20_000);
    t.resize(80, 24);
    const small = await t.waitFor(/panes:.*\[Pods\]/, 10_000);
    expect(small).not.toMatch(/Nodes\[3\]/);
    for (const line of lines(small)) expect(line.length).toBeLessThanOrEqual(80);
    expect(pane(small, /Pods\(all\)/)).toMatch(/NAME.*READY\s+STATUS/);
    t.resize(200, 50);
    await t.waitFor((s) => /Nodes\[3\]/.test(s) && /DaemonSets\(all\)/.test(s), 10_000);
  });

  it('shows a forbidden pane and keeps the others working', async () => {
    const t = kt(['--context', 'kt-sandbox-limited', '-n', 'default']);
    const screen = await t.waitFor(/forbidden: cannot list pods in namespace default/, 20_000);
    expect(screen).not.toMatch(/forbidden: forbidden/);
    await t.waitFor((s) => /k8snode01/.test(pane(s, /Nodes\[3\]/)), 10_000);
  });

  it('marks data stale while the API server is unreachable and recovers by itself', async () => {
    const proxy = new TcpProxy({ host: '127.0.0.1', port: apiServerPort() });
    const port = await proxy.start();
    try {
      const t = kt(['-n', 'default'], 200, 50, kubeconfigThrough(port, join(tmp, 'proxied-kubeconfig')));
      await t.waitFor((s) => /● live/.test(s) && /nginx-deployment-/.test(s), 20_000);
      await proxy.stop();
      const down = await t.waitFor(/reconnecting/, 30_000);
      expect(pane(down, /Pods\(default\)/)).toMatch(/nginx-deployment-/); // last data kept
      await t.waitFor(/stale/, 30_000);
      await proxy.start();
      const name = `kt-e2e-back-${Date.now().toString(36)}`;
      await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx:1.19.1' }] } } });
      try {
        await t.waitFor((s) => /● live/.test(s) && s.includes(name) && !/stale/.test(s), 60_000);
      } finally {
        await core.deleteNamespacedPod({ name, namespace: 'default', gracePeriodSeconds: 0 });
      }
    } finally {
      await proxy.stop();
    }
  });

  it('quits on q and leaves the terminal as it found it', async () => {
    const t = kt(['-A']);
    await t.waitFor(/k8snode01/, 20_000);
    t.press('q');
    const exit = await t.exit;
    expect(exit.exitCode).toBe(0);
    expectTerminalRestored(t.rawOutput());
  });
});
