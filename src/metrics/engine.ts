// The metrics engine: finds Prometheus (a configured URL, else a Service through the API proxy),
// refreshes every acquired scope with one batched query per metric, keeps bounded history, and
// turns every failure into a status line with backoff and automatic recovery. Never throws.
import type { KubeClient } from '../kube/client.js';
import { allocatableFromNodes, allocatableFromSamples, type Allocatable } from './allocatable.js';
import { discoverPrometheus, type Discovery } from './discovery.js';
import { extendUsage, sumHistories, usageFromRange } from './history.js';
import { parseMatrix, parseVector, type MatrixSeries, type VectorSample } from './parse.js';
import * as q from './promql.js';
import { endpointName, proxyTransport, type PromEndpoint, type PromTransport } from './transport.js';
import type { ClusterUsage, MetricsScope, MetricsSnapshot, MetricsSource, MetricsStatus, RangeName, RangeResult, Samples } from './types.js';

export interface MetricsOptions {
  /** Refresh period; also the history step. */
  intervalMs: number;
  /** Per request. */
  timeoutMs: number;
  /** Points of history per pod/node (60 at 15 s = 15 minutes). */
  historyPoints: number;
  /** rate() window. */
  rateWindow: string;
}

export const DEFAULT_METRICS_OPTIONS: MetricsOptions = { intervalMs: 15_000, timeoutMs: 5_000, historyPoints: 60, rateWindow: '2m' };

export interface MetricsDeps {
  /** For discovery, the service-proxy transport and the nodes' allocatable. */
  client?: KubeClient;
  /** The configured Prometheus (--prometheus-url / config); discovery then only lists candidates. */
  direct?: PromTransport;
  /** Builds the transport for a discovered Service (default: proxyTransport over client). */
  proxy?: (endpoint: PromEndpoint) => PromTransport;
  /** Default: discoverPrometheus(client). */
  discover?: () => Promise<Discovery>;
  /** Milliseconds since the epoch (default Date.now). */
  now?: () => number;
}

export interface MetricsEngine extends MetricsSource {
  /** Resolves once no refresh is running or queued (for tests). */
  idle(): Promise<void>;
}

interface ScopeState {
  scope: MetricsScope;
  refs: number;
  loaded: boolean;
  snapshot: MetricsSnapshot;
}

const NONE_RETRY_MS = 60_000;
const ALLOCATABLE_EVERY = 20; // refreshes
const RANGES: Readonly<Record<RangeName, { seconds: number; step: number }>> = {
  '15m': { seconds: 900, step: 10 },
  '1h': { seconds: 3600, step: 30 },
  '6h': { seconds: 21_600, step: 180 },
};

// "" as a namespace means all namespaces, as in the prefs.
const scopeKey = (s: MetricsScope) => (s.target === 'nodes' ? 'nodes' : `pods/${s.namespace || '*'}`);
const normalize = (s: MetricsScope): MetricsScope => (s.target === 'nodes' ? { target: 'nodes' } : { target: 'pods', namespace: s.namespace || undefined });
const proxyName = (e: PromEndpoint) => `${endpointName(e)} (API proxy)`;
const oneLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]?.slice(0, 200) ?? 'error';

export function createMetricsSource(deps: MetricsDeps, options: Partial<MetricsOptions> = {}): MetricsEngine {
  const opts: MetricsOptions = { ...DEFAULT_METRICS_OPTIONS, ...options };
  const qopts: q.QueryOptions = { rateWindow: opts.rateWindow };
  const now = deps.now ?? Date.now;
  const makeProxy = deps.proxy ?? ((e: PromEndpoint) => proxyTransport(deps.client as KubeClient, e));
  const discover = deps.discover ?? (deps.client ? () => discoverPrometheus(deps.client as KubeClient) : undefined);

  let transport = deps.direct;
  let pinned = deps.direct !== undefined;
  let endpoints: PromEndpoint[] = [];
  let status: MetricsStatus = transport || discover ? { state: 'loading', source: transport?.source } : { state: 'none', reason: 'no Prometheus configured' };
  let family: q.NodeFamily | undefined;
  let failures = 0;
  let refreshes = 0;
  let alloc: Allocatable = {};
  let cluster: ClusterUsage = { cpuHistory: [], memHistory: [] };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<boolean> | undefined;
  let pending: 'full' | 'load' | undefined;
  let disposed = false;
  const listeners = new Set<() => void>();
  const scopes = new Map<string, ScopeState>();
  const empties = new Map<string, MetricsSnapshot>();
  const emptySnapshot = (scope: MetricsScope, version: number): MetricsSnapshot => ({ scope, usage: new Map(), version });
  // The nodes scope is always refreshed: the header's cluster totals come from it.
  scopes.set('nodes', { scope: { target: 'nodes' }, refs: 0, loaded: false, snapshot: emptySnapshot({ target: 'nodes' }, 0) });

  const notify = () => {
    for (const l of [...listeners]) {
      try {
        l();
      } catch {
        // a listener's problem is not the engine's
      }
    }
  };

  async function call(t: PromTransport, endpoint: string, params: Record<string, string>): Promise<unknown> {
    const ctl = new AbortController();
    const timeout = setTimeout(() => ctl.abort(new Error(`no answer from ${t.source} within ${opts.timeoutMs / 1000}s`)), opts.timeoutMs);
    try {
      return await t.get(endpoint, params, ctl.signal);
    } finally {
      clearTimeout(timeout);
    }
  }
  async function instant(t: PromTransport, query: string): Promise<VectorSample[]> {
    const parsed = parseVector(await call(t, 'query', { query }));
    if ('error' in parsed) throw new Error(parsed.error);
    return parsed.ok;
  }
  async function range(t: PromTransport, query: string, start: number, end: number, step: number): Promise<MatrixSeries[]> {
    const parsed = parseMatrix(await call(t, 'query_range', { query, start: String(start), end: String(end), step: String(step) }));
    if ('error' in parsed) throw new Error(parsed.error);
    return parsed.ok;
  }

  let noneReason = 'no Prometheus found';
  async function resolveTransport(): Promise<void> {
    if (!discover) return;
    const found = await discover();
    endpoints = found.found;
    noneReason = found.problems.length ? `no Prometheus found (${found.problems.join('; ')})` : 'no Prometheus found';
    // Several can match: the first in discovery order that answers, else the first. A select()
    // made meanwhile wins.
    for (const e of endpoints) {
      const t = makeProxy(e);
      const body = await call(t, 'query', { query: 'vector(1)' }).catch(() => undefined);
      if (transport) return;
      if ((body as { status?: unknown } | undefined)?.status === 'success') {
        transport = t;
        return;
      }
    }
    if (endpoints[0] && !transport) transport = makeProxy(endpoints[0]);
  }

  async function detectFamily(t: PromTransport): Promise<q.NodeFamily> {
    const answers = await Promise.all(q.NODE_FAMILY_PROBES.map(([, probe]) => instant(t, probe)));
    const i = answers.findIndex((a) => a.some((s) => s.value > 0));
    return i < 0 ? 'kubelet' : (q.NODE_FAMILY_PROBES[i] as readonly [q.NodeFamily, string])[0];
  }

  async function fetchScope(t: PromTransport, s: ScopeState, fam: q.NodeFamily) {
    const queries = q.scopeQueries(s.scope, fam, qopts);
    const keyOf = (labels: Readonly<Record<string, string>>) => q.seriesKey(s.scope.target, labels);
    if (s.loaded) {
      const [cpu, mem] = await Promise.all([instant(t, queries.cpu), instant(t, queries.mem)]);
      return extendUsage(s.snapshot.usage, cpu, mem, keyOf, opts.historyPoints);
    }
    const step = Math.max(1, Math.round(opts.intervalMs / 1000));
    const end = Math.floor(now() / 1000);
    const start = end - (opts.historyPoints - 1) * step;
    const [cpu, mem] = await Promise.all([range(t, queries.cpu, start, end, step), range(t, queries.mem, start, end, step)]);
    return usageFromRange(cpu, mem, keyOf, opts.historyPoints, end - 3 * step);
  }

  function updateCluster(nodes: MetricsSnapshot, fromRange: boolean) {
    const usages = [...nodes.usage.values()];
    const total = (pick: (u: (typeof usages)[number]) => number | undefined) => {
      const values = usages.map(pick).filter((v): v is number => v !== undefined);
      return values.length ? values.reduce((a, b) => a + b, 0) : undefined;
    };
    const cpu = total((u) => u.cpu);
    const mem = total((u) => u.mem);
    const extend = (h: readonly number[], v: number | undefined) => (v === undefined ? [...h] : [...h, v]).slice(-opts.historyPoints);
    cluster = {
      cpu,
      mem,
      cpuHistory: fromRange ? sumHistories(usages.map((u) => u.cpuHistory)) : extend(cluster.cpuHistory, cpu),
      memHistory: fromRange ? sumHistories(usages.map((u) => u.memHistory)) : extend(cluster.memHistory, mem),
      cpuAllocatable: alloc.cpu,
      memAllocatable: alloc.mem,
    };
  }

  async function refreshAllocatable(t: PromTransport) {
    try {
      alloc = allocatableFromSamples(await instant(t, q.ALLOCATABLE_QUERY));
      if (alloc.cpu === undefined && alloc.mem === undefined && deps.client) {
        alloc = allocatableFromNodes((await deps.client.list('/api/v1/nodes')).items);
      }
    } catch {
      // allocatable is a nicety; usage still shows without it
    }
    cluster = { ...cluster, cpuAllocatable: alloc.cpu, memAllocatable: alloc.mem };
  }

  function schedule(ms: number) {
    clearTimeout(timer);
    if (disposed) return;
    timer = setTimeout(() => request('full'), ms);
    (timer as { unref?: () => void }).unref?.();
  }

  function backoffMs(): number {
    const cap = Math.max(opts.intervalMs, Math.min(4 * opts.intervalMs, 30_000));
    return Math.min(opts.intervalMs * 2 ** Math.max(0, failures - 1), cap);
  }

  function reset() {
    for (const s of scopes.values()) {
      s.loaded = false;
      s.snapshot = emptySnapshot(s.scope, s.snapshot.version + 1);
    }
    cluster = { cpuHistory: [], memHistory: [], cpuAllocatable: alloc.cpu, memAllocatable: alloc.mem };
  }

  /** One refresh; false when it failed (a retry is then scheduled with backoff). */
  async function run(kind: 'full' | 'load'): Promise<boolean> {
    try {
      if (!transport) await resolveTransport();
      const t = transport;
      if (!t) {
        status = { state: 'none', reason: noneReason };
        notify();
        schedule(NONE_RETRY_MS);
        return false;
      }
      if (status.source !== t.source) {
        status = { state: 'loading', source: t.source };
        notify();
      }
      family ??= await detectFamily(t);
      const fam = family;
      const work = [...scopes.values()].filter((s) => kind === 'full' || !s.loaded);
      const results = await Promise.all(work.map((s) => fetchScope(t, s, fam)));
      if (t !== transport || disposed) return true; // switched by select() meanwhile
      work.forEach((s, i) => {
        const fromRange = !s.loaded;
        s.snapshot = { scope: s.scope, usage: results[i] as MetricsSnapshot['usage'], version: s.snapshot.version + 1 };
        s.loaded = true;
        if (s.scope.target === 'nodes') {
          updateCluster(s.snapshot, fromRange);
          if (s.snapshot.usage.size === 0) family = undefined; // the node series went away: look again
        }
      });
      if (kind === 'full' && refreshes++ % ALLOCATABLE_EVERY === 0) await refreshAllocatable(t);
      failures = 0;
      status = { state: 'ok', source: t.source };
      notify();
      if (kind === 'full') schedule(opts.intervalMs);
      return true;
    } catch (err) {
      failures++;
      family = undefined;
      status = { state: 'error', source: transport?.source, reason: oneLine(err) };
      reset();
      // A discovered Service may have gone; look again after repeated failures.
      if (!pinned && failures >= 2) transport = undefined;
      notify();
      schedule(backoffMs());
      return false;
    }
  }

  function request(kind: 'full' | 'load') {
    if (disposed) return;
    if (inFlight) {
      if (pending !== 'full') pending = kind;
      return;
    }
    inFlight = run(kind);
    void inFlight.then((ok) => {
      inFlight = undefined;
      const next = pending;
      pending = undefined;
      // After a failure the backoff timer decides when to try again.
      if (next && ok) request(next);
    });
  }

  if (deps.direct && discover) {
    discover().then(
      (found) => {
        endpoints = found.found;
        notify();
      },
      () => undefined,
    );
  }
  request('full');

  return {
    acquire(scope) {
      const key = scopeKey(scope);
      let s = scopes.get(key);
      if (!s) {
        s = { scope: normalize(scope), refs: 0, loaded: false, snapshot: emptySnapshot(normalize(scope), 0) };
        scopes.set(key, s);
      }
      s.refs++;
      if (!s.loaded) request('load');
      let released = false;
      const state = s;
      return () => {
        if (released) return;
        released = true;
        state.refs--;
        if (state.refs <= 0 && key !== 'nodes') scopes.delete(key);
      };
    },
    snapshot(scope) {
      const key = scopeKey(scope);
      const s = scopes.get(key);
      if (s) return s.snapshot;
      let empty = empties.get(key);
      if (!empty) empties.set(key, (empty = emptySnapshot(normalize(scope), 0)));
      return empty;
    },
    cluster: () => cluster,
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async range(target, key, name): Promise<RangeResult | { error: string }> {
      const t = transport;
      if (!t) return { error: status.reason ?? 'no Prometheus' };
      const spec = RANGES[name];
      if (!spec) return { error: `unknown range "${String(name)}"` };
      try {
        let cpuQ: string;
        let memQ: string;
        if (target === 'pods') {
          const slash = key.indexOf('/');
          if (slash <= 0) return { error: `want "namespace/name" for a pod, got "${key}"` };
          const ns = key.slice(0, slash);
          const pod = key.slice(slash + 1);
          cpuQ = q.podCpuQuery(ns, qopts, pod);
          memQ = q.podMemQuery(ns, pod);
        } else {
          const fam = family ?? (await detectFamily(t));
          cpuQ = q.nodeCpuQuery(fam, qopts, key);
          memQ = q.nodeMemQuery(fam, key);
        }
        const end = Math.floor(now() / 1000);
        const start = end - spec.seconds;
        const [cpu, mem] = await Promise.all([range(t, cpuQ, start, end, spec.step), range(t, memQ, start, end, spec.step)]);
        const pick = (series: MatrixSeries[]): Samples => {
          const points = series.filter((s) => q.seriesKey(target, s.labels) === key).flatMap((s) => s.values);
          return points.sort((a, b) => a[0] - b[0]);
        };
        return { cpu: pick(cpu), mem: pick(mem) };
      } catch (err) {
        return { error: oneLine(err) };
      }
    },
    candidates() {
      return [...(deps.direct ? [deps.direct.source] : []), ...endpoints.map(proxyName)];
    },
    select(source) {
      let next: PromTransport | undefined;
      if (deps.direct && source === deps.direct.source) next = deps.direct;
      else {
        const e = endpoints.find((x) => proxyName(x) === source || endpointName(x) === source);
        if (e) next = makeProxy(e);
      }
      if (!next || disposed) return;
      transport = next;
      pinned = true;
      family = undefined;
      failures = 0;
      reset();
      status = { state: 'loading', source: next.source };
      notify();
      request('full');
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
      listeners.clear();
    },
    async idle() {
      while (inFlight) await inFlight;
    },
  };
}
