// Per-key usage with a bounded history: built from a query_range answer on first acquire, then
// extended by one point per refresh from instant queries. Pure: every call returns new objects.
import type { Usage } from './types.js';
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

/**
 * Usage from the cpu and mem query_range answers. A key whose newest point is older than
 * `staleBefore` (a pod that went away) has history but no current value, and is left out.
 */
export function usageFromRange(
  cpu: readonly MatrixSeries[],
  mem: readonly MatrixSeries[],
  keyOf: KeyOf,
  max: number,
  staleBefore: number,
): Map<string, Usage> {
  const cpuBy = matrixByKey(cpu, keyOf);
  const memBy = matrixByKey(mem, keyOf);
  const out = new Map<string, Usage>();
  for (const key of new Set([...cpuBy.keys(), ...memBy.keys()])) {
    const c = sorted(cpuBy.get(key));
    const m = sorted(memBy.get(key));
    const lastC = c.at(-1);
    const lastM = m.at(-1);
    const fresh = (p: [number, number] | undefined) => p !== undefined && p[0] >= staleBefore;
    if (!fresh(lastC) && !fresh(lastM)) continue;
    out.set(key, {
      cpu: fresh(lastC) ? lastC?.[1] : undefined,
      mem: fresh(lastM) ? lastM?.[1] : undefined,
      cpuHistory: bounded(c.map((p) => p[1]), max),
      memHistory: bounded(m.map((p) => p[1]), max),
    });
  }
  return out;
}

/** The next usage map: one more point per key present now; keys absent from both answers drop out. */
export function extendUsage(
  prev: UsageMap,
  cpu: readonly VectorSample[],
  mem: readonly VectorSample[],
  keyOf: KeyOf,
  max: number,
): Map<string, Usage> {
  const cpuBy = vectorByKey(cpu, keyOf);
  const memBy = vectorByKey(mem, keyOf);
  const out = new Map<string, Usage>();
  for (const key of new Set([...cpuBy.keys(), ...memBy.keys()])) {
    const before = prev.get(key);
    const c = cpuBy.get(key);
    const m = memBy.get(key);
    out.set(key, {
      cpu: c,
      mem: m,
      cpuHistory: c === undefined ? bounded(before?.cpuHistory ?? [], max) : bounded([...(before?.cpuHistory ?? []), c], max),
      memHistory: m === undefined ? bounded(before?.memHistory ?? [], max) : bounded([...(before?.memHistory ?? []), m], max),
    });
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
