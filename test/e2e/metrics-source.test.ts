// The metrics engine against the sandbox's real Prometheus: found through the API server's service
// proxy (monitoring/prometheus-k8s:web) and reached straight at its URL; usage of the seeded pods
// moves between refreshes; an unreachable Prometheus turns into an error and recovers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKubeClient } from '../../src/kube/client.js';
import { parseQuantity, quantityNumber } from '../../src/resources/quantity.js';
import { discoverPrometheus } from '../../src/metrics/discovery.js';
import type { MetricsEngine } from '../../src/metrics/engine.js';
import { startMetrics } from '../../src/metrics/settings.js';
import { endpointName } from '../../src/metrics/transport.js';
import type { MetricsSubject } from '../../src/metrics/types.js';
import { spawnKt, type KtPty } from '../helpers/pty.js';
import { eventually, kubeconfigPath, prometheusUrl, sandboxApis, sandboxKubeConfig } from '../helpers/sandbox.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

const client = createKubeClient(sandboxKubeConfig());
const { core } = sandboxApis();
const DEFAULT: MetricsSubject = { target: 'pods', namespace: 'default' };
const MONITORING: MetricsSubject = { target: 'pods', namespace: 'monitoring' };

const asNumber = (text: unknown): number => {
  const q = parseQuantity(text);
  return q ? quantityNumber(q) : NaN;
};

const engines: MetricsEngine[] = [];
const proxies: TcpProxy[] = [];
const ptys: KtPty[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const p of ptys.splice(0)) await p.dispose();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  for (const m of engines.splice(0)) m.dispose();
  for (const p of proxies.splice(0)) await p.stop();
});
const run = (settings: Parameters<typeof startMetrics>[0], withClient = true) => {
  const m = startMetrics(settings, withClient ? client : undefined);
  engines.push(m);
  return m;
};

async function seededNginxPods(): Promise<string[]> {
  const pods = (await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=nginx' })).items;
  // Oldest first: a scale-down by another test removes the newest pods first.
  return pods
    .filter((p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp)
    .sort((a, b) => (a.metadata?.creationTimestamp?.getTime() ?? 0) - (b.metadata?.creationTimestamp?.getTime() ?? 0))
    .map((p) => `default/${p.metadata?.name}`);
}

/** Waits until every seeded nginx pod has CPU and memory in the snapshot. */
async function usageOfNginx(m: MetricsEngine) {
  return eventually(async () => {
    const want = await seededNginxPods();
    const usage = m.snapshot(DEFAULT).usage;
    const ok = want.length >= 2 && want.every((k) => (usage.get(k)?.cpu?.value ?? 0) > 0 && (usage.get(k)?.mem?.value ?? 0) > 0);
    return ok ? { want, usage } : false;
  }, 60_000, `usage for the nginx pods (status ${JSON.stringify(m.status())})`);
}

describe('metrics source on the sandbox', () => {
  it('finds monitoring/prometheus-k8s through the API service proxy, at a non-loopback pod address', async () => {
    const found = await discoverPrometheus(client);
    expect(found.found.map(endpointName)[0]).toBe('monitoring/prometheus-k8s:web');
    expect(found.found[0]?.prefix).toBe('');
    const slices = await client.list('/apis/discovery.k8s.io/v1/namespaces/monitoring/endpointslices', {
      labelSelector: 'kubernetes.io/service-name=prometheus-k8s',
    });
    const addresses = slices.items.flatMap((s) => ((s as { endpoints?: { addresses: string[] }[] }).endpoints ?? []).flatMap((e) => e.addresses));
    expect(addresses.length).toBeGreaterThan(0);
    for (const a of addresses) expect(a).not.toMatch(/^127\./);
  });

  it('serves pod usage and history for the seeded pods through the proxy', async () => {
    const m = run({ intervalMs: 2000 });
    m.acquire(DEFAULT);
    m.acquire(MONITORING);
    await usageOfNginx(m);
    expect(m.status()).toEqual({ state: 'ok', source: 'monitoring/prometheus-k8s:web (API proxy)' });
    // History: from query_range at once for pods that ran a while, growing by a point per refresh
    // for one another test just created.
    await eventually(async () => {
      const want = await seededNginxPods();
      const usage = m.snapshot(DEFAULT).usage;
      return want.every((k) => (usage.get(k)?.cpu?.history.length ?? 0) > 1 && (usage.get(k)?.mem?.history.length ?? 0) > 1);
    }, 30_000, 'history for the nginx pods');
    // The Prometheus pod itself is one of the seeded pods kwok simulates.
    await eventually(async () => (m.snapshot(MONITORING).usage.get('monitoring/prometheus-k8s-0')?.cpu?.value ?? 0) > 0, 30_000, 'prometheus-k8s-0 usage');
    expect(m.candidates()).toContain('monitoring/prometheus-k8s:web (API proxy)');
  });

  it('serves node usage and cluster totals with the nodes allocatable', async () => {
    const m = run({ intervalMs: 2000 });
    m.acquire({ target: 'nodes' });
    const nodes = await eventually(async () => {
      const usage = m.snapshot({ target: 'nodes' }).usage;
      return ['k8snode01', 'k8snode02', 'k8smaster01'].every((n) => (usage.get(n)?.cpu?.value ?? 0) > 0) ? usage : false;
    }, 60_000, 'node usage');
    const cluster = m.cluster();
    const sum = [...nodes.values()].reduce((a, u) => a + (u.cpu?.value ?? 0), 0);
    expect(cluster.totals.cpu?.value).toBeCloseTo(sum, 6);
    expect(cluster.totals.cpu?.history.length).toBeGreaterThan(1);
    // No kube-state-metrics series in the sandbox: allocatable comes from the API's nodes. Other tests
    // add and remove nodes of their own, so only the seeded three are certain to be counted.
    const seeded = (await core.listNode()).items.filter((n) => ['k8snode01', 'k8snode02', 'k8smaster01'].includes(n.metadata?.name ?? ''));
    const seededCpu = seeded.reduce((a, n) => a + asNumber(n.status?.allocatable?.cpu), 0);
    const seededMem = seeded.reduce((a, n) => a + asNumber(n.status?.allocatable?.memory), 0);
    expect(seededCpu).toBeGreaterThan(0);
    expect(cluster.allocatable.cpu).toBeGreaterThanOrEqual(seededCpu);
    expect(cluster.allocatable.memory).toBeGreaterThanOrEqual(seededMem);
  });

  it('works straight at the URL too, and the usage of a seeded pod moves between refreshes', async () => {
    const m = run({ url: prometheusUrl, intervalMs: 1000 }, false);
    m.acquire(DEFAULT);
    const { want } = await usageOfNginx(m);
    expect(m.status()).toEqual({ state: 'ok', source: prometheusUrl });
    const pod = want[0] as string;
    const first = m.snapshot(DEFAULT);
    const firstCpu = first.usage.get(pod)?.cpu?.value;
    const later = await eventually(async () => {
      const s = m.snapshot(DEFAULT);
      const cpu = s.usage.get(pod)?.cpu?.value;
      return s.version > first.version && cpu !== undefined && cpu !== firstCpu ? s : false;
    }, 30_000, `a new CPU value for ${pod}`);
    expect(later.usage.get(pod)?.cpu?.history.at(-1)).toBe(later.usage.get(pod)?.cpu?.value);

    // On a sandbox that has just started, the pod's CPU rate may have a single point so far.
    const range = await eventually(async () => {
      const r = await m.range('pods', pod, '15m');
      if ('error' in r) throw new Error(r.error);
      return (r.samples.cpu?.length ?? 0) > 1 ? r.samples : false;
    }, 60_000, `a 15m CPU range of more than one point for ${pod}`);
    expect(range.cpu?.length).toBeGreaterThan(1);
    expect(range.mem?.length).toBeGreaterThan(0);
    expect(range.mem?.every(([, v]) => v > 0)).toBe(true);
  });

  it('reports an unreachable Prometheus as an error with the reason, and recovers once it is back', async () => {
    const port = Number(new URL(prometheusUrl).port);
    const relay = new TcpProxy({ host: '127.0.0.1', port });
    proxies.push(relay);
    const url = `http://127.0.0.1:${await relay.start()}`;
    const m = run({ url, intervalMs: 1000 }, false);
    m.acquire(DEFAULT);
    await usageOfNginx(m);

    await relay.stop();
    const down = await eventually(async () => (m.status().state === 'error' ? m.status() : false), 30_000, 'an error status');
    expect(down.source).toBe(url);
    expect(down.reason).toMatch(new RegExp(`^cannot reach ${url.replace(/[.]/g, '\\.')}: (ECONNREFUSED|ECONNRESET|other side closed)`));
    expect(m.snapshot(DEFAULT).usage.size).toBe(0);

    await relay.start();
    await usageOfNginx(m);
    expect(m.status()).toEqual({ state: 'ok', source: url });
  });
});

describe('several Prometheus Services', () => {
  const ns = `kt-metrics-e2e-${Date.now().toString(36)}`;
  afterEach(async () => {
    await core.deleteNamespace({ name: ns }).catch(() => undefined);
  });

  it('are listed in discovery order; the one that answers is used; select() switches, with the reason when it fails', async () => {
    await core.createNamespace({ body: { metadata: { name: ns } } });
    const port = [{ name: 'web', port: 9090 }];
    // An operator-style Service and a Helm-style one, neither with a Prometheus behind it.
    await core.createNamespacedService({ namespace: ns, body: { metadata: { name: 'prometheus-operated', labels: { 'operated-prometheus': 'true' } }, spec: { ports: port } } });
    await core.createNamespacedService({ namespace: ns, body: { metadata: { name: 'prometheus-server' }, spec: { ports: [{ name: 'http', port: 80 }] } } });

    const names = (await discoverPrometheus(client)).found.map(endpointName);
    expect(names[0]).toBe('monitoring/prometheus-k8s:web');
    expect(names.indexOf(`${ns}/prometheus-operated:web`)).toBeGreaterThan(0);
    expect(names.indexOf(`${ns}/prometheus-server:http`)).toBeGreaterThan(names.indexOf(`${ns}/prometheus-operated:web`));

    const m = run({ intervalMs: 1000 });
    m.acquire(DEFAULT);
    await usageOfNginx(m);
    expect(m.status().source).toBe('monitoring/prometheus-k8s:web (API proxy)');
    const dead = `${ns}/prometheus-operated:web (API proxy)`;
    expect(m.candidates()).toContain(dead);

    m.select(dead);
    const failed = await eventually(async () => (m.status().state === 'error' ? m.status() : false), 30_000, 'an error from the Service without endpoints');
    expect(failed.source).toBe(dead);
    // A Service without an Endpoints object: the API server's proxy answers 404 for it.
    expect(failed.reason).toMatch(/^kt-metrics-e2e-\S+\/prometheus-operated:web \(API proxy\): HTTP 404: services "prometheus-operated" not found$/);

    m.select('monitoring/prometheus-k8s:web (API proxy)');
    await usageOfNginx(m);
    expect(m.status()).toEqual({ state: 'ok', source: 'monitoring/prometheus-k8s:web (API proxy)' });
  });
});

describe('kt finds its Prometheus', () => {
  const kt = (args: string[], env: Record<string, string> = {}) => {
    const pty = spawnKt(['--kubeconfig', kubeconfigPath, '-n', 'default', ...args], { cols: 200, rows: 40, env });
    ptys.push(pty);
    return pty;
  };

  it('through the API service proxy by default', async () => {
    await kt([]).waitFor('monitoring/prometheus-k8s:web (API proxy)', 30_000);
  });

  it("at the URL from the context's config entry", async () => {
    const relay = new TcpProxy({ host: '127.0.0.1', port: Number(new URL(prometheusUrl).port) });
    proxies.push(relay);
    const url = `http://127.0.0.1:${await relay.start()}`;
    const dir = mkdtempSync(join(tmpdir(), 'kt-metrics-config-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ contexts: { 'kt-sandbox': { favourites: [], prometheus: { url, interval: '2s' } } } }));
    await kt([], { KT_CONFIG_DIR: dir }).waitFor(url, 30_000);
  });

  it('refuses an unreadable token file in one line', async () => {
    const t = kt(['--prometheus-url', prometheusUrl, '--prometheus-token-file', '/nonexistent/kt-token']);
    expect((await t.exit).exitCode).toBe(1);
    expect(t.screen().trim()).toBe('kt: cannot read --prometheus-token-file /nonexistent/kt-token: ENOENT');
  });
});
