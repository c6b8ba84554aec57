import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMetricsSource, type MetricsEngine, type MetricsOptions } from '../../../src/metrics/engine.js';
import type { Discovery } from '../../../src/metrics/discovery.js';
import type { PromEndpoint } from '../../../src/metrics/transport.js';
import { FakeProm } from './fake-prom.js';
import { FakeKube } from '../fakes/fake-kube.js';

const OPTS: Partial<MetricsOptions> = { intervalMs: 1000, timeoutMs: 5000, historyPoints: 10 };
const DEFAULT = { target: 'pods', namespace: 'default' } as const;
let engines: MetricsEngine[] = [];
const start = (deps: Parameters<typeof createMetricsSource>[0], opts = OPTS) => {
  const m = createMetricsSource(deps, opts);
  engines.push(m);
  return m;
};
/** "default/p-0" … "default/p-<n-1>". */
const podNames = (n: number) => Array.from({ length: n }, (_, i) => `default/p-${i}`);
/** Pod history loads so far (each asks for every pod metric's range; this counts the CPU one). */
const historyQueries = (prom: FakeProm) => prom.calls.filter((c) => c.endpoint === 'query_range' && c.query.includes('container_cpu_usage_seconds_total')).length;
/** An engine over `total` pods that has loaded the page of pods[from, to) and released it, as a pane scrolled away. */
async function afterFirstPage(total: number, from: number, to: number): Promise<{ prom: FakeProm; m: MetricsEngine }> {
  const prom = new FakeProm();
  prom.pods = podNames(total);
  const m = start({ direct: prom });
  const release = m.acquire({ target: 'pods', pods: prom.pods.slice(from, to) });
  await m.idle();
  release();
  return { prom, m };
}
const tick = async (m: MetricsEngine, ms = 1000) => {
  await vi.advanceTimersByTimeAsync(ms);
  await m.idle();
};

beforeEach(() => {
  vi.useFakeTimers({ now: 1_800_000_000_000 });
});
afterEach(() => {
  for (const m of engines) m.dispose();
  engines = [];
  vi.useRealTimers();
});

describe('metrics engine: refresh and history', () => {
  it('loads history with query_range on first acquire, then extends it with one instant query per metric and refresh', async () => {
    const prom = new FakeProm();
    const m = start({ direct: prom });
    m.acquire(DEFAULT);
    await m.idle();
    let snap = m.snapshot(DEFAULT);
    expect([...snap.usage.keys()]).toEqual(['default/web-1', 'default/web-2']);
    expect(snap.usage.get('default/web-1')?.cpu?.history).toHaveLength(10);
    expect(m.status()).toEqual({ state: 'ok', source: 'http://prom.test' });
    const v1 = snap.version;

    await tick(m);
    snap = m.snapshot(DEFAULT);
    const web1 = snap.usage.get('default/web-1');
    expect(web1?.cpu?.history).toHaveLength(10); // bounded
    expect(web1?.cpu?.history.at(-1)).toBe(web1?.cpu?.value);
    expect(web1?.mem?.history.at(-1)).toBe(web1?.mem?.value);
    expect(snap.version).toBeGreaterThan(v1);
    expect(prom.queries('container_cpu_usage_seconds_total').map((c) => c.endpoint)).toEqual(['query_range', 'query']);
    expect(prom.queries('container_memory_working_set_bytes').map((c) => c.endpoint)).toEqual(['query_range', 'query']);
  });

  it('batches: one query per metric and subject on each refresh, however many rows', async () => {
    const prom = new FakeProm();
    prom.pods = podNames(500);
    const m = start({ direct: prom });
    m.acquire(DEFAULT);
    m.acquire({ target: 'pods' });
    m.acquire({ target: 'nodes' });
    await m.idle();
    const before = prom.calls.length;
    await tick(m);
    // pods(default) cpu+mem+restarts, pods(all) cpu+mem+restarts, nodes cpu+mem
    expect(prom.calls.length - before).toBe(8);
    expect(m.snapshot(DEFAULT).usage.size).toBe(500);
  });

  it('a page of pods: asks only for those, drops same-named pods elsewhere, and starts from what earlier pages knew', async () => {
    const prom = new FakeProm();
    prom.pods = [...Array.from({ length: 1000 }, (_, i) => `default/p-${i}.x`), 'other/p-1.x'];
    const m = start({ direct: prom });
    const first = { target: 'pods', pods: ['default/p-1.x', 'default/p-2.x'] } as const;
    const release = m.acquire(first);
    await m.idle();
    expect([...m.snapshot(first).usage.keys()].sort()).toEqual(['default/p-1.x', 'default/p-2.x']);
    const asked = prom.queries('container_cpu_usage_seconds_total').at(-1)?.query ?? '';
    expect(asked).toContain('pod=~"p-1\\\\.x|p-2\\\\.x"');
    expect(asked).toContain('namespace=~"default"');
    release();
    const next = { target: 'pods', pods: ['default/p-2.x', 'default/p-3.x'] } as const;
    m.acquire(next);
    expect([...m.snapshot(next).usage.keys()]).toEqual(['default/p-2.x']); // known at once
    await m.idle();
    expect([...m.snapshot(next).usage.keys()].sort()).toEqual(['default/p-2.x', 'default/p-3.x']);
    expect(m.snapshot(next).usage.get('default/p-3.x')?.cpu?.history).toHaveLength(10); // its history loaded
  });

  it('a page with under a quarter new pods (churn at the top of the table) loads no history', async () => {
    const { prom, m } = await afterFirstPage(100, 10, 40);
    const page = (from: number) => ({ target: 'pods', pods: prom.pods.slice(from, from + 30) }) as const;
    expect(historyQueries(prom)).toBe(1); // the history of the first page
    m.acquire(page(3)); // seven new pods at the top (a quarter of 30 is 7.5)
    await m.idle();
    expect(historyQueries(prom)).toBe(1);
    await tick(m);
    const snap = m.snapshot(page(3));
    expect(snap.usage.get('default/p-3')?.cpu?.history).toHaveLength(1); // numbers from the next refresh on
    expect(snap.usage.get('default/p-20')?.cpu?.history).toHaveLength(10);
    m.acquire(page(60)); // scrolled to: none known, so its history loads
    await m.idle();
    expect(historyQueries(prom)).toBe(2);
  });

  it('a page whose unknown pods are new (under a minute old) loads no history', async () => {
    const { prom, m } = await afterFirstPage(100, 20, 40);
    expect(historyQueries(prom)).toBe(1);
    // Ten of twenty unknown: half, so this page would load, were those ten not new.
    const churned = { target: 'pods', pods: prom.pods.slice(10, 30), newPods: prom.pods.slice(10, 20) } as const;
    m.acquire(churned);
    await m.idle();
    expect(historyQueries(prom)).toBe(1);
    m.acquire({ target: 'pods', pods: prom.pods.slice(0, 20), newPods: prom.pods.slice(0, 5) }); // 15 unknown and old
    await m.idle();
    expect(historyQueries(prom)).toBe(2);
  });

  it('shows what is known of a page from its first render, and keeps that snapshot once acquired', async () => {
    const { prom, m } = await afterFirstPage(50, 0, 20);
    const next = { target: 'pods', pods: prom.pods.slice(2, 22), newPods: prom.pods.slice(20, 22) } as const;
    const rendered = m.snapshot(next); // the pane renders the page before its effect acquires it
    expect(rendered.usage.size).toBe(18);
    expect(m.snapshot(next)).toBe(rendered);
    m.acquire(next);
    expect(m.snapshot(next)).toBe(rendered); // no new snapshot, so no second render
    await tick(m);
    expect(m.snapshot(next).usage.size).toBe(20);
  });

  it('reads an empty namespace as all namespaces', async () => {
    const prom = new FakeProm();
    const m = start({ direct: prom });
    m.acquire({ target: 'pods', namespace: '' });
    await m.idle();
    expect(m.snapshot({ target: 'pods' }).usage.size).toBe(3);
    expect(prom.queries('namespace=""').length).toBe(0);
  });

  it('shares one subject between panes (reference-counted) and stops refreshing it once released', async () => {
    const prom = new FakeProm();
    const m = start({ direct: prom });
    const r1 = m.acquire(DEFAULT);
    const r2 = m.acquire(DEFAULT);
    await m.idle();
    r1();
    await tick(m);
    expect(m.snapshot(DEFAULT).usage.size).toBe(2);
    r2();
    const n = prom.queries('namespace="default"').length;
    await tick(m);
    expect(prom.queries('namespace="default"').length).toBe(n);
    expect(m.snapshot(DEFAULT).usage.size).toBe(0);
  });

  it('keeps cluster totals from the nodes, with allocatable from kube-state-metrics', async () => {
    const prom = new FakeProm();
    const m = start({ direct: prom });
    await m.idle();
    const nodes = m.snapshot({ target: 'nodes' });
    const c = m.cluster();
    const sum = [...nodes.usage.values()].reduce((a, u) => a + (u.cpu?.value ?? 0), 0);
    expect(c.totals.cpu?.value).toBeCloseTo(sum);
    expect(c.totals.cpu?.history).toHaveLength(10);
    expect(c.allocatable).toEqual({ cpu: 8, memory: 32e9 });
    await tick(m);
    expect(m.cluster().totals.cpu?.history).toHaveLength(10);
    expect(m.cluster().totals.cpu?.history.at(-1)).toBeCloseTo(m.cluster().totals.cpu?.value ?? NaN);
  });

  it("sums the API nodes' allocatable when Prometheus has no kube-state-metrics", async () => {
    const prom = new FakeProm();
    prom.allocatable = false;
    const client = new FakeKube({ routes: {
      '/api/v1/nodes': {
        items: [
          { metadata: { name: 'n1' }, status: { allocatable: { cpu: '4', memory: '8Gi' } } },
          { metadata: { name: 'n2' }, status: { allocatable: { cpu: '3500m', memory: '1024Mi' } } },
        ],
      },
    } });
    const m = start({ direct: prom, client, discover: () => Promise.resolve({ found: [], problems: [] }) });
    await m.idle();
    expect(m.cluster().allocatable).toEqual({ cpu: 7.5, memory: 9 * 2 ** 30 });
  });

  it('tells subscribers about changes, and stops after dispose', async () => {
    const prom = new FakeProm();
    const m = start({ direct: prom });
    const seen = vi.fn();
    const unsubscribe = m.subscribe(seen);
    await m.idle();
    expect(seen).toHaveBeenCalled();
    unsubscribe();
    seen.mockClear();
    await tick(m);
    expect(seen).not.toHaveBeenCalled();
    m.dispose();
    const n = prom.calls.length;
    await tick(m, 10_000);
    expect(prom.calls.length).toBe(n);
  });
});

describe('metrics engine: node families', () => {
  it('prefers node-exporter series with a node label', async () => {
    const prom = new FakeProm();
    prom.families = { kubelet: true, nodeExporter: true, nodeLabel: true };
    const m = start({ direct: prom });
    await m.idle();
    expect(prom.queries('sum by (node) (rate(node_cpu_seconds_total{').length).toBe(1);
    expect(prom.queries('node_cpu_usage_seconds_total{node!=""}[').length).toBe(0);
    expect([...m.snapshot({ target: 'nodes' }).usage.keys()]).toEqual(['n1', 'n2']);
  });

  it('maps node-exporter instances through node_uname_info, else falls back to the kubelet, and looks again after a failure', async () => {
    const prom = new FakeProm();
    prom.families = { kubelet: true, nodeExporter: true, nodeLabel: false };
    const m = start({ direct: prom });
    await m.idle();
    expect(prom.queries('group_left(node)').length).toBeGreaterThan(0);

    prom.families = { kubelet: true, nodeExporter: false, nodeLabel: false };
    prom.mode = 'down';
    await tick(m);
    prom.mode = 'ok';
    await tick(m);
    expect(m.status().state).toBe('ok');
    expect(prom.queries('max by (node) (rate(node_cpu_usage_seconds_total').length).toBeGreaterThan(0);
  });
});

describe('metrics engine: failures', () => {
  it('turns an unreachable Prometheus into an error status, empties the numbers, asks often for a minute, then backs off', async () => {
    const prom = new FakeProm();
    const m = start({ direct: prom });
    m.acquire(DEFAULT);
    await m.idle();
    expect(m.snapshot(DEFAULT).usage.size).toBe(2);

    prom.mode = 'down';
    prom.calls = [];
    await tick(m);
    expect(m.status()).toEqual({ state: 'error', source: 'http://prom.test', reason: 'cannot reach http://prom.test: ECONNREFUSED' });
    expect(m.snapshot(DEFAULT).usage.size).toBe(0);
    const failedAt = prom.calls[0]?.at as number;
    await tick(m, 90_000);
    const attempts = [...new Set(prom.calls.map((c) => c.at))];
    const gaps = attempts.slice(1).map((t, i) => t - (attempts[i] as number));
    const quick = attempts.filter((t) => t - failedAt < 60_000).length;
    // Within the first minute: every min(2 s, interval); after it, interval x 2^n capped at 4 x interval.
    expect(gaps.slice(0, quick - 1).every((g) => g === 1000)).toBe(true);
    expect(quick).toBeGreaterThanOrEqual(55);
    expect(gaps.slice(quick).every((g) => g === 4000)).toBe(true);
    expect(gaps.length - quick).toBeGreaterThanOrEqual(5);
  });

  it('recovers by itself, reloading history', async () => {
    const prom = new FakeProm();
    const m = start({ direct: prom });
    m.acquire(DEFAULT);
    await m.idle();
    prom.mode = 'down';
    await tick(m);
    expect(m.status().state).toBe('error');
    prom.mode = 'ok';
    prom.calls = [];
    await tick(m, 1000);
    expect(m.status()).toEqual({ state: 'ok', source: 'http://prom.test' });
    expect(m.snapshot(DEFAULT).usage.get('default/web-1')?.cpu?.history).toHaveLength(10);
    expect(prom.queries('container_cpu_usage_seconds_total').map((c) => c.endpoint)).toEqual(['query_range']);
  });

  it('reports a PromQL error or an unexpected answer in the status, never by throwing', async () => {
    const prom = new FakeProm();
    prom.mode = 'promql-error';
    const m = start({ direct: prom });
    await m.idle();
    expect(m.status()).toMatchObject({ state: 'error', reason: 'PromQL bad_data: parse error at char 3' });
    prom.mode = 'garbage';
    await tick(m, 2000);
    expect(m.status()).toMatchObject({ state: 'error', reason: 'unexpected answer from Prometheus (not a JSON object)' });
  });

  it('times every request out, and never runs two refreshes at once', async () => {
    const prom = new FakeProm();
    prom.mode = 'hang';
    const m = start({ direct: prom });
    m.acquire(DEFAULT);
    await vi.advanceTimersByTimeAsync(10);
    const calls = prom.calls.length;
    const inFlight = prom.inFlight;
    await vi.advanceTimersByTimeAsync(3000); // three intervals, still inside the timeout
    expect(prom.calls.length).toBe(calls);
    expect(prom.maxInFlight).toBe(inFlight);
    await vi.advanceTimersByTimeAsync(2000);
    expect(m.status()).toMatchObject({ state: 'error', reason: 'no answer from http://prom.test within 5s' });
    expect(prom.inFlight).toBe(0);
  });
});

describe('metrics engine: discovery', () => {
  const e = (service: string): PromEndpoint => ({ namespace: 'monitoring', service, port: 'web', prefix: '' });

  it('uses the first discovered Service that answers, lists all of them, and switches on select()', async () => {
    const dead = new FakeProm('monitoring/a:web (API proxy)');
    dead.mode = 'down';
    const live = new FakeProm('monitoring/b:web (API proxy)');
    const found: Discovery = { found: [e('a'), e('b')], problems: [] };
    const m = start({ client: new FakeKube(), discover: () => Promise.resolve(found), proxy: (x) => (x.service === 'a' ? dead : live) });
    await m.idle();
    expect(m.status()).toEqual({ state: 'ok', source: 'monitoring/b:web (API proxy)' });
    expect(m.candidates()).toEqual(['monitoring/a:web (API proxy)', 'monitoring/b:web (API proxy)']);

    m.select('monitoring/a:web (API proxy)');
    expect(m.status()).toEqual({ state: 'loading', source: 'monitoring/a:web (API proxy)' });
    await m.idle();
    expect(m.status()).toMatchObject({ state: 'error', source: 'monitoring/a:web (API proxy)' });
  });

  it("says 'none' with the reason when nothing is found, and looks again later", async () => {
    const discover = vi.fn(() => Promise.resolve<Discovery>({ found: [], problems: ['services: forbidden'] }));
    const m = start({ client: new FakeKube(), discover });
    await m.idle();
    expect(m.status()).toEqual({ state: 'none', reason: 'no Prometheus found (services: forbidden)' });
    await tick(m, 60_000);
    expect(discover).toHaveBeenCalledTimes(2);
  });

  it('looks for the Service again after repeated failures', async () => {
    const prom = new FakeProm('monitoring/a:web (API proxy)');
    const discover = vi.fn(() => Promise.resolve<Discovery>({ found: [e('a')], problems: [] }));
    const m = start({ client: new FakeKube(), discover, proxy: () => prom });
    await m.idle();
    prom.mode = 'down';
    await tick(m, 1000);
    await tick(m, 2000);
    await tick(m, 4000);
    expect(discover.mock.calls.length).toBeGreaterThan(1);
  });

  it('with a configured URL, uses it and still lists what discovery finds', async () => {
    const prom = new FakeProm();
    const m = start({ direct: prom, client: new FakeKube(), discover: () => Promise.resolve({ found: [e('a')], problems: [] }) });
    await m.idle();
    expect(m.status().source).toBe('http://prom.test');
    expect(m.candidates()).toEqual(['http://prom.test', 'monitoring/a:web (API proxy)']);
  });

  it("says 'none' without a URL or a cluster to look in", () => {
    expect(start({}).status()).toEqual({ state: 'none', reason: 'no Prometheus configured' });
  });
});

describe('metrics engine: range', () => {
  it('returns the samples of one pod or node for the chart', async () => {
    const prom = new FakeProm();
    const m = start({ direct: prom });
    await m.idle();
    const pod = await m.range('pods', 'default/web-1', '1h');
    expect('error' in pod).toBe(false);
    if ('error' in pod) return;
    expect(pod.samples.cpu).toHaveLength(121); // 3600 s at a 30 s step, both ends
    expect(pod.samples.cpu?.[0]?.[0]).toBeLessThan(pod.samples.cpu?.[1]?.[0] ?? 0);
    expect(Object.keys(pod.samples)).toEqual(['cpu', 'mem', 'netRx', 'netTx']); // each charted metric once
    expect(prom.queries('pod="web-1"').length).toBe(4);
    const node = await m.range('nodes', 'n2', '15m');
    expect('error' in node ? node.error : node.samples.mem?.length).toBe(91);
  });

  it('answers with an error instead of throwing', async () => {
    const prom = new FakeProm();
    const m = start({ direct: prom });
    await m.idle();
    expect(await m.range('pods', 'no-namespace', '15m')).toEqual({ error: 'want "namespace/name" for a pod, got "no-namespace"' });
    prom.mode = 'down';
    expect(await m.range('pods', 'default/web-1', '6h')).toEqual({ error: 'cannot reach http://prom.test: ECONNREFUSED' });
  });
});

describe('metrics engine: select during discovery', () => {
  it("keeps the user's choice when discovery finishes after it", async () => {
    const slow = new FakeProm('monitoring/a:web (API proxy)');
    slow.mode = 'hang';
    const other = new FakeProm('monitoring/b:web (API proxy)');
    const e = (service: string): PromEndpoint => ({ namespace: 'monitoring', service, port: 'web', prefix: '' });
    const m = start({
      client: new FakeKube(),
      discover: () => Promise.resolve({ found: [e('a'), e('b')], problems: [] }),
      proxy: (x) => (x.service === 'a' ? slow : other),
    });
    await vi.advanceTimersByTimeAsync(10); // probing a, which hangs
    expect(m.candidates()).toHaveLength(2);
    // Discovery alone would pick b (a does not answer); the user picks a.
    m.select('monitoring/a:web (API proxy)');
    await vi.advanceTimersByTimeAsync(6000); // the probe of a times out; b answers
    expect(m.status().source).toBe('monitoring/a:web (API proxy)');
    expect(other.queries('container_').length + other.queries('node_').length).toBe(0);
  });
});

describe('metrics engine: select during a refresh', () => {
  it('ignores the failure of the Prometheus it left and refreshes the chosen one at once', async () => {
    const a = new FakeProm('monitoring/a:web (API proxy)');
    const b = new FakeProm('monitoring/b:web (API proxy)');
    const e = (service: string): PromEndpoint => ({ namespace: 'monitoring', service, port: 'web', prefix: '' });
    const m = start({
      client: new FakeKube(),
      discover: () => Promise.resolve({ found: [e('a'), e('b')], problems: [] }),
      proxy: (x) => (x.service === 'a' ? a : b),
    });
    m.acquire(DEFAULT);
    await m.idle();
    expect(m.status().source).toBe('monitoring/a:web (API proxy)');
    a.mode = 'hang';
    await vi.advanceTimersByTimeAsync(1000); // a refresh starts and hangs on a
    m.select('monitoring/b:web (API proxy)');
    await vi.advanceTimersByTimeAsync(5000); // a's requests time out
    await m.idle();
    expect(m.status()).toEqual({ state: 'ok', source: 'monitoring/b:web (API proxy)' });
    expect(m.snapshot(DEFAULT).usage.size).toBe(2);
  });
});
