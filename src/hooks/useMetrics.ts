// The metrics engine as React state. useMetrics holds a subject while mounted and re-renders when
// its snapshot's version moves; useClusterMetrics gives the header the cluster usage and the
// engine's status. Both cache what they return, so an engine that builds fresh objects per call
// cannot loop useSyncExternalStore.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { subjectKey } from '../metrics/subject.js';
import type { ClusterUsage, MetricsSubject, MetricsSnapshot, MetricsSource, MetricsStatus, RangeName, RangeResult, Usage } from '../metrics/types.js';

function subjectId(subject: MetricsSubject | undefined): string | undefined {
  return subject ? subjectKey(subject) : undefined;
}

function useMetricsSubscribe(metrics: MetricsSource | undefined): (listener: () => void) => () => void {
  return useCallback((listener: () => void) => (metrics ? metrics.subscribe(listener) : () => {}), [metrics]);
}

/** The usage snapshot for `subject` (and its status), or undefined without a source or subject. */
export function useMetrics(metrics: MetricsSource | undefined, subject: MetricsSubject | undefined): MetricsSnapshot | undefined {
  const id = subjectId(subject);
  const stable = useMemo(() => subject, [id]);
  useEffect(() => (metrics && stable ? metrics.acquire(stable) : undefined), [metrics, stable]);
  const last = useRef<MetricsSnapshot | undefined>(undefined);
  const read = useCallback((): MetricsSnapshot | undefined => {
    if (!metrics || !stable) return undefined;
    const next = metrics.snapshot(stable);
    const prev = last.current;
    if (prev && prev.version === next.version && subjectId(prev.subject) === subjectId(next.subject)) return prev;
    last.current = next;
    return next;
  }, [metrics, stable]);
  return useSyncExternalStore(useMetricsSubscribe(metrics), read, read);
}

export interface ClusterMetrics {
  usage: ClusterUsage;
  status: MetricsStatus;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a === b || (a.length === b.length && a.every((v, i) => v === b[i]));
}

function sameUsage(a: Usage, b: Usage): boolean {
  const ids = Object.keys(a);
  if (ids.length !== Object.keys(b).length) return false;
  return ids.every((id) => {
    const [x, y] = [a[id], b[id]];
    return x === y || (x !== undefined && y !== undefined && x.value === y.value && sameNumbers(x.history, y.history));
  });
}

function sameCluster(a: ClusterMetrics, b: ClusterMetrics): boolean {
  const [u, v] = [a.usage, b.usage];
  const [s, t] = [a.status, b.status];
  return (
    s.state === t.state &&
    s.source === t.source &&
    s.reason === t.reason &&
    u.allocatable.cpu === v.allocatable.cpu &&
    u.allocatable.memory === v.allocatable.memory &&
    sameUsage(u.totals, v.totals)
  );
}

/** Cluster usage and the engine's status; undefined without a metrics source. */
export function useClusterMetrics(metrics: MetricsSource | undefined): ClusterMetrics | undefined {
  const last = useRef<ClusterMetrics | undefined>(undefined);
  const read = useCallback((): ClusterMetrics | undefined => {
    if (!metrics) return undefined;
    const next = { usage: metrics.cluster(), status: metrics.status() };
    if (last.current && sameCluster(last.current, next)) return last.current;
    last.current = next;
    return next;
  }, [metrics]);
  return useSyncExternalStore(useMetricsSubscribe(metrics), read, read);
}

/** The engine's status alone (for the metrics columns' `–` and the `:prom` picker). */
export function useMetricsStatus(metrics: MetricsSource | undefined): MetricsStatus | undefined {
  return useClusterMetrics(metrics)?.status;
}

export type RangeState = { state: 'loading' } | { state: 'ok'; data: RangeResult } | { state: 'error'; error: string };

/**
 * The history of one pod or node over `range`, fetched when the view opens or the range changes,
 * and again after each refresh the engine announces (one request at a time).
 */
export function useMetricsRange(metrics: MetricsSource, target: MetricsSubject['target'], key: string, range: RangeName): RangeState {
  const [result, setResult] = useState<RangeState>({ state: 'loading' });
  useEffect(() => {
    let alive = true;
    let inFlight = false;
    let again = false;
    setResult({ state: 'loading' });
    const load = (): void => {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      void metrics.range(target, key, range).then(
        (r) => settle('error' in r ? { state: 'error', error: r.error } : { state: 'ok', data: r }),
        (e: unknown) => settle({ state: 'error', error: e instanceof Error ? e.message : String(e) }),
      );
    };
    const settle = (next: RangeState): void => {
      inFlight = false;
      if (!alive) return;
      setResult(next);
      if (again) {
        again = false;
        load();
      }
    };
    load();
    const unsubscribe = metrics.subscribe(load);
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [metrics, target, key, range]);
  return result;
}
