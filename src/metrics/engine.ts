// The metrics engine: finds Prometheus (a configured URL, else a Service through the API proxy),
// refreshes every acquired scope with one batched query per metric, keeps bounded history, and
// turns every failure into a status line with backoff and automatic recovery. Never throws.
import type { KubeClient } from '../kube/client.js';
import { firstLine } from '../text/first-line.js';
import { allocatableFromNodes, allocatableFromSamples, type Allocatable } from './allocatable.js';
import { discoverPrometheus, type Discovery } from './discovery.js';
import { sumHistories } from './history.js';
import { chartRange, detectFamily, fetchScopeUsage, promCalls } from './prom-calls.js';
import * as q from './promql.js';
import { normalizeScope as normalize, pageNeedsHistory, RecentUsage, scopeKey } from './scope.js';
import { endpointName, proxyTransport, type PromEndpoint, type PromTransport } from './transport.js';
import type { ClusterUsage, MetricsScope, MetricsSnapshot, MetricsSource, MetricsStatus, RangeResult, Usage } from './types.js';

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
/** Pages rendered but not (yet) acquired that keep their snapshot. */
const MAX_UNCLAIMED = 8;
const ALLOCATABLE_EVERY = 20; // refreshes
const proxyName = (e: PromEndpoint) => `${endpointName(e)} (API proxy)`;
const oneLine = (err: unknown) => firstLine(err).slice(0, 200);

export function createMetricsSource(deps: MetricsDeps, options: Partial<MetricsOptions> = {}): MetricsEngine {
  const opts: MetricsOptions = { ...DEFAULT_METRICS_OPTIONS, ...options };
  const qopts: q.QueryOptions = { rateWindow: opts.rateWindow };
  const calls = promCalls(opts.timeoutMs);
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
  const recentPods = new RecentUsage();
  const empties = new Map<string, MetricsSnapshot>();
  // A pane renders a new page before its effect acquires it: snapshot() hands out what is known of
  // the page's pods, and acquire() adopts that same object, so the page shows its numbers at once
  // and needs no second render.
  const unclaimed = new Map<string, MetricsSnapshot>();
  const unclaimedPage = (key: string, scope: MetricsScope): MetricsSnapshot => {
    let snap = unclaimed.get(key);
    if (!snap) {
      if (unclaimed.size >= MAX_UNCLAIMED) unclaimed.clear();
      const normal = normalize(scope);
      snap = { scope: normal, usage: recentPods.pick(normal.pods ?? []), version: 0 };
      unclaimed.set(key, snap);
    }
    return snap;
  };
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
      const ok = await calls.answers(t);
      if (transport) return;
      if (ok) {
        transport = t;
        return;
      }
    }
    if (endpoints[0] && !transport) transport = makeProxy(endpoints[0]);
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

  /** kube-state-metrics's numbers, else the API's nodes; undefined when neither answers. Never rejects. */
  async function fetchAllocatable(t: PromTransport): Promise<Allocatable | undefined> {
    try {
      const fromProm = allocatableFromSamples(await calls.instant(t, q.ALLOCATABLE_QUERY));
      if (fromProm.cpu !== undefined || fromProm.mem !== undefined || !deps.client) return fromProm;
      return allocatableFromNodes((await deps.client.list('/api/v1/nodes')).items);
    } catch {
      return undefined; // a nicety: usage still shows without it
    }
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
    recentPods.clear();
    unclaimed.clear();
    for (const s of scopes.values()) {
      s.loaded = false;
      s.snapshot = emptySnapshot(s.scope, s.snapshot.version + 1);
    }
    cluster = { cpuHistory: [], memHistory: [], cpuAllocatable: alloc.cpu, memAllocatable: alloc.mem };
  }

  /** One refresh; false when it failed (a retry is then scheduled with backoff). */
  async function run(kind: 'full' | 'load'): Promise<boolean> {
    let t: PromTransport | undefined;
    try {
      if (!transport) await resolveTransport();
      t = transport;
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
      family ??= await detectFamily(calls, t);
      const fam = family;
      const work = [...scopes.values()].filter((s) => kind === 'full' || !s.loaded);
      const step = Math.max(1, Math.round(opts.intervalMs / 1000));
      const nowSeconds = Math.floor(now() / 1000);
      // Allocatable rarely changes: read with the first refresh and every ALLOCATABLE_EVERY-th.
      const allocating = kind === 'full' && refreshes++ % ALLOCATABLE_EVERY === 0 ? fetchAllocatable(t) : undefined;
      const used = t;
      const results = await Promise.all(
        work.map((s) =>
          fetchScopeUsage(calls, used, {
            scope: s.scope,
            prev: s.loaded ? s.snapshot.usage : undefined,
            family: fam,
            queryOptions: qopts,
            step,
            points: opts.historyPoints,
            nowSeconds,
          }),
        ),
      );
      const nextAlloc = await allocating;
      if (t !== transport || disposed) return true; // switched by select() meanwhile
      if (nextAlloc) alloc = nextAlloc;
      work.forEach((s, i) => {
        const fromRange = !s.loaded;
        s.snapshot = { scope: s.scope, usage: results[i] as MetricsSnapshot['usage'], version: s.snapshot.version + 1 };
        s.loaded = true;
        if (s.scope.pods) recentPods.remember(s.snapshot.usage);
        if (s.scope.target === 'nodes') {
          updateCluster(s.snapshot, fromRange);
          if (s.snapshot.usage.size === 0) family = undefined; // the node series went away: look again
        }
      });
      failures = 0;
      status = { state: 'ok', source: t.source };
      notify();
      if (kind === 'full') schedule(opts.intervalMs);
      return true;
    } catch (err) {
      if (disposed || (t && t !== transport)) return true; // a Prometheus no longer in use failed
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
        const normal = normalize(scope);
        // A page starts with what is known of its pods, as snapshot() showed it before this acquire.
        const handed = unclaimed.get(key);
        unclaimed.delete(key);
        const known = handed?.usage ?? (normal.pods ? recentPods.pick(normal.pods) : new Map<string, Usage>());
        const loaded = normal.pods !== undefined && !pageNeedsHistory(normal, known);
        s = { scope: normal, refs: 0, loaded, snapshot: handed ?? { scope: normal, usage: known, version: 0 } };
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
      if (scope.pods) return unclaimedPage(key, scope);
      let empty = empties.get(key);
      if (!empty) {
        empty = emptySnapshot(normalize(scope), 0);
        empties.set(key, empty);
      }
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
      try {
        const fam = () => (family ? Promise.resolve(family) : detectFamily(calls, t));
        return await chartRange(calls, t, fam, target, key, name, qopts, Math.floor(now() / 1000));
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
