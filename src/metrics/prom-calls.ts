// The engine's requests to one Prometheus: each with a timeout, answers parsed (an error answer
// rejects with its one-line reason), plus the multi-query steps built on them.
import { chartedMetrics, queryOf, subjectQueries } from './catalog.js';
import { extendUsage, usageFromRange, type Answers } from './history.js';
import type { PodSelection, Usage } from './metric.js';
import { parseMatrix, parseVector, type MatrixSeries, type VectorSample } from './parse.js';
import * as q from './promql.js';
import type { PromTransport } from './transport.js';
import type { MetricsSubject, RangeName, RangeResult, Samples } from './types.js';

export interface PromCalls {
  instant(t: PromTransport, query: string): Promise<VectorSample[]>;
  range(t: PromTransport, query: string, start: number, end: number, step: number): Promise<MatrixSeries[]>;
  /** True when the Prometheus answers a trivial query. Never rejects. */
  answers(t: PromTransport): Promise<boolean>;
}

export function promCalls(timeoutMs: number): PromCalls {
  async function call(t: PromTransport, endpoint: string, params: Record<string, string>): Promise<unknown> {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(new Error(`no answer from ${t.source} within ${timeoutMs / 1000}s`)), timeoutMs);
    try {
      return await t.get(endpoint, params, ctl.signal);
    } finally {
      clearTimeout(timer);
    }
  }
  return {
    async instant(t, query) {
      const parsed = parseVector(await call(t, 'query', { query }));
      if ('error' in parsed) throw new Error(parsed.error);
      return parsed.ok;
    },
    async range(t, query, start, end, step) {
      const parsed = parseMatrix(await call(t, 'query_range', { query, start: String(start), end: String(end), step: String(step) }));
      if ('error' in parsed) throw new Error(parsed.error);
      return parsed.ok;
    },
    async answers(t) {
      const body = await call(t, 'query', { query: 'vector(1)' }).catch(() => undefined);
      return (body as { status?: unknown } | undefined)?.status === 'success';
    },
  };
}

/** Which node series exist: the first family whose probe finds any; the kubelet's when none does. */
export async function detectFamily(calls: PromCalls, t: PromTransport): Promise<q.NodeFamily> {
  const answers = await Promise.all(q.NODE_FAMILY_PROBES.map(([, probe]) => calls.instant(t, probe)));
  const i = answers.findIndex((a) => a.some((s) => s.value > 0));
  return i < 0 ? 'kubelet' : (q.NODE_FAMILY_PROBES[i] as readonly [q.NodeFamily, string])[0];
}

export interface SubjectFetch {
  subject: MetricsSubject;
  /** The current usage; undefined = first load, fetched as history with query_range. */
  prev?: ReadonlyMap<string, Usage>;
  family: q.NodeFamily;
  queryOptions: q.QueryOptions;
  /** The history step in seconds, and how many points to keep. */
  step: number;
  points: number;
  nowSeconds: number;
}

/** Each query's answer by metric id. */
async function askAll<T>(queries: readonly [string, string][], ask: (query: string) => Promise<T[]>): Promise<Answers<T>> {
  const answers = await Promise.all(queries.map(([, query]) => ask(query)));
  return Object.fromEntries(queries.map(([id], i) => [id, answers[i] ?? []]));
}

/** The next usage of a subject: history on first load, else one more point from instant queries. */
export async function fetchSubjectUsage(calls: PromCalls, t: PromTransport, f: SubjectFetch): Promise<Map<string, Usage>> {
  const queries = subjectQueries(f.subject, f.family, f.queryOptions);
  // A page of pods is matched by name (and namespace): drop same-named pods of other namespaces.
  const page = f.subject.pods ? new Set(f.subject.pods) : undefined;
  const keyOf = (labels: Readonly<Record<string, string>>) => {
    const key = q.seriesKey(f.subject.target, labels);
    return key !== undefined && (!page || page.has(key)) ? key : undefined;
  };
  if (f.prev) {
    return extendUsage(f.prev, await askAll(queries, (query) => calls.instant(t, query)), keyOf, f.points);
  }
  const end = f.nowSeconds;
  const start = end - (f.points - 1) * f.step;
  const answers = await askAll(queries, (query) => calls.range(t, query, start, end, f.step));
  return usageFromRange(answers, keyOf, f.points, end - 3 * f.step);
}

const RANGES: Readonly<Record<RangeName, { seconds: number; step: number }>> = {
  '15m': { seconds: 900, step: 10 },
  '1h': { seconds: 3600, step: 30 },
  '6h': { seconds: 21_600, step: 180 },
};

/** The samples of one pod ("ns/name") or node over a range, for each metric charted. Rejects on failure. */
export async function chartRange(
  calls: PromCalls,
  t: PromTransport,
  family: () => Promise<q.NodeFamily>,
  target: MetricsSubject['target'],
  key: string,
  name: RangeName,
  queryOptions: q.QueryOptions,
  nowSeconds: number,
): Promise<RangeResult> {
  const spec = RANGES[name];
  if (!spec) throw new Error(`unknown range "${String(name)}"`);
  let only: { pods?: PodSelection; node?: string };
  let fam: q.NodeFamily = 'kubelet'; // unused for pods
  if (target === 'pods') {
    const slash = key.indexOf('/');
    if (slash <= 0) throw new Error(`want "namespace/name" for a pod, got "${key}"`);
    only = { pods: { namespace: key.slice(0, slash), pod: key.slice(slash + 1) } };
  } else {
    fam = await family();
    only = { node: key };
  }
  const queries: [string, string][] = [];
  for (const m of chartedMetrics(target)) {
    const query = queryOf(m, target, fam, queryOptions, only);
    if (query !== undefined) queries.push([m.id, query]);
  }
  const start = nowSeconds - spec.seconds;
  const answers = await askAll(queries, (query) => calls.range(t, query, start, nowSeconds, spec.step));
  const pick = (series: readonly MatrixSeries[]): Samples =>
    series
      .filter((s) => q.seriesKey(target, s.labels) === key)
      .flatMap((s) => s.values)
      .sort((a, b) => a[0] - b[0]);
  return { samples: Object.fromEntries(Object.entries(answers).map(([id, series]) => [id, pick(series)])) };
}
