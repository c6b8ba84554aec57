// Per-key usage with a bounded history: built from a query_range answer on first acquire, then
// extended by one point per refresh from instant queries. Pure: every call returns new objects.
import type { Reading, Usage } from './metric.js';
import type { MatrixSeries, VectorSample } from './parse.js';

export type UsageMap = ReadonlyMap<string, Usage>;
type KeyOf = (labels: Readonly<Record<string, string>>) => string | undefined;

function bounded(values: readonly number[], max: number): number[] {
  return values.length > max ? values.slice(values.length - max) : [...values];
}

/** Sums same-key series (a key can come from two series when labels differ elsewhere). */
function vectorByKey(samples: readonly VectorSample[], keyOf: KeyOf): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of samples) {
    const key = keyOf(s.labels);
    if (key !== undefined) out.set(key, (out.get(key) ?? 0) + s.value);
  }
  return out;
}

function matrixByKey(series: readonly MatrixSeries[], keyOf: KeyOf): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const s of series) {
    const key = keyOf(s.labels);
    if (key === undefined) continue;
    const points = out.get(key) ?? new Map<number, number>();
    for (const [t, v] of s.values) points.set(t, (points.get(t) ?? 0) + v);
    out.set(key, points);
  }
  return out;
}

function sorted(points: Map<number, number> | undefined): [number, number][] {
  return points ? [...points.entries()].sort((a, b) => a[0] - b[0]) : [];
}

/** Answers by metric id. */
export type Answers<T> = Readonly<Record<string, readonly T[]>>;

/**
 * Usage from each metric's query_range answer. A key whose newest point is older than
 * `staleBefore` in every metric (a pod that went away) is left out; a metric whose newest point
 * is stale has history but no current value.
 */
export function usageFromRange(answers: Answers<MatrixSeries>, keyOf: KeyOf, max: number, staleBefore: number): Map<string, Usage> {
  const by = Object.entries(answers).map(([id, series]) => [id, matrixByKey(series, keyOf)] as const);
  const out = new Map<string, Usage>();
  for (const key of new Set(by.flatMap(([, m]) => [...m.keys()]))) {
    const usage: Record<string, Reading> = {};
    let fresh = false;
    for (const [id, m] of by) {
      const points = m.get(key);
      if (!points) continue;
      const p = sorted(points);
      const last = p.at(-1);
      const isFresh = last !== undefined && last[0] >= staleBefore;
      fresh ||= isFresh;
      usage[id] = { value: isFresh ? last[1] : undefined, history: bounded(p.map((x) => x[1]), max) };
    }
    if (fresh) out.set(key, usage);
  }
  return out;
}

/**
 * The next usage map: one more point per metric of each key present now; a metric absent from
 * its answer keeps its history without a value; keys absent from every answer drop out.
 */
export function extendUsage(prev: UsageMap, answers: Answers<VectorSample>, keyOf: KeyOf, max: number): Map<string, Usage> {
  const by = Object.entries(answers).map(([id, samples]) => [id, vectorByKey(samples, keyOf)] as const);
  const out = new Map<string, Usage>();
  for (const key of new Set(by.flatMap(([, m]) => [...m.keys()]))) {
    const before = prev.get(key);
    const usage: Record<string, Reading> = {};
    for (const [id, m] of by) {
      const v = m.get(key);
      const history = before?.[id]?.history ?? [];
      if (v === undefined && history.length === 0) continue;
      usage[id] = { value: v, history: bounded(v === undefined ? history : [...history, v], max) };
    }
    out.set(key, usage);
  }
  return out;
}

/** Sums every key's history point by point from the newest end (the cluster's sparkline). */
export function sumHistories(histories: readonly (readonly number[])[]): number[] {
  const len = Math.max(0, ...histories.map((h) => h.length));
  const out = new Array<number>(len).fill(0);
  for (const h of histories) {
    const offset = len - h.length;
    h.forEach((v, i) => (out[offset + i] = (out[offset + i] ?? 0) + v));
  }
  return out;
}
