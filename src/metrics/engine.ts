// The metrics engine: finds Prometheus (a configured URL, else a Service through the API proxy),
// refreshes every acquired subject with one batched query per metric, keeps bounded history, and
// turns every failure into a status line with backoff and automatic recovery. Never throws.
import type { KubeClient } from '../kube/client.js';
import { firstLine } from '../text/first-line.js';
import { allocatableFromNodes, allocatableFromSamples, type Allocatable } from './allocatable.js';
import { discoverPrometheus, type Discovery } from './discovery.js';
import { sumHistories } from './history.js';
import { chartRange, detectFamily, fetchSubjectUsage, promCalls } from './prom-calls.js';
import * as q from './promql.js';
import { SubjectRegistry } from './subject-registry.js';
import { endpointName, proxyTransport, type PromEndpoint, type PromTransport } from './transport.js';
import type { Reading } from './metric.js';
import type { ClusterUsage, MetricsSnapshot, MetricsSource, MetricsStatus, RangeResult } from './types.js';

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

const NONE_RETRY_MS = 60_000;
/** After a failure, kt asks again this often for QUICK_RETRY_WINDOW_MS before backing off. */
const QUICK_RETRY_MS = 2_000;
const QUICK_RETRY_WINDOW_MS = 60_000;
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
  let failingSince = 0;
  let refreshes = 0;
  let alloc: Allocatable = {};
  let cluster: ClusterUsage = { totals: {}, allocatable: {} };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<boolean> | undefined;
  let pending: 'full' | 'load' | undefined;
  let disposed = false;
  const listeners = new Set<() => void>();
  const subjects = new SubjectRegistry();

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
    const totals: Record<string, Reading> = {};
    for (const id of new Set(usages.flatMap((u) => Object.keys(u)))) {
      const values = usages.map((u) => u[id]?.value).filter((v): v is number => v !== undefined);
      const value = values.length ? values.reduce((a, b) => a + b, 0) : undefined;
      const before = cluster.totals[id]?.history ?? [];
      const history = fromRange
        ? sumHistories(usages.map((u) => u[id]?.history ?? []))
        : (value === undefined ? [...before] : [...before, value]).slice(-opts.historyPoints);
      totals[id] = { value, history };
    }
    cluster = { totals, allocatable: alloc };
  }

  /** kube-state-metrics's numbers, else the API's nodes; undefined when neither answers. Never rejects. */
  async function fetchAllocatable(t: PromTransport): Promise<Allocatable | undefined> {
    try {
      const fromProm = allocatableFromSamples(await calls.instant(t, q.ALLOCATABLE_QUERY));
      if (Object.keys(fromProm).length > 0 || !deps.client) return fromProm;
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
    // A Prometheus restarting is back within seconds: ask often for a minute, then back off.
    if (now() - failingSince < QUICK_RETRY_WINDOW_MS) return Math.min(QUICK_RETRY_MS, opts.intervalMs);
    const cap = Math.max(opts.intervalMs, Math.min(4 * opts.intervalMs, 30_000));
    return Math.min(opts.intervalMs * 2 ** Math.max(0, failures - 1), cap);
  }

  function reset() {
    subjects.reset();
    cluster = { totals: {}, allocatable: alloc };
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
      const work = subjects.due(kind);
      const step = Math.max(1, Math.round(opts.intervalMs / 1000));
      const nowSeconds = Math.floor(now() / 1000);
      // Allocatable rarely changes: read with the first refresh and every ALLOCATABLE_EVERY-th.
      const allocating = kind === 'full' && refreshes++ % ALLOCATABLE_EVERY === 0 ? fetchAllocatable(t) : undefined;
      const used = t;
      const results = await Promise.all(
        work.map((s) =>
          fetchSubjectUsage(calls, used, {
            subject: s.subject,
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
        subjects.store(s, results[i] as MetricsSnapshot['usage']);
        if (s.subject.target === 'nodes') {
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
      if (failures++ === 0) failingSince = now();
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
    acquire(subject) {
      const { state, release } = subjects.acquire(subject);
      if (!state.loaded) request('load');
      return release;
    },
    snapshot: (subject) => subjects.snapshot(subject),
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
