// An in-memory MetricsSource for component tests: set usage per subject, the status, the cluster
// usage and range answers; it records acquires, range() calls and select().
import type {
  ClusterUsage,
  MetricsSubject,
  MetricsSnapshot,
  MetricsSource,
  MetricsStatus,
  RangeName,
  RangeResult,
  Usage,
} from '../../../src/metrics/types.js';

const subjectId = (s: MetricsSubject) => (s.target === 'nodes' ? 'nodes' : `pods|${s.namespace ?? ''}`);

/** A pod's or node's usage: CPU and memory now, and the CPU history. */
export function usage(cpu: number | undefined, mem: number | undefined, cpuHistory: number[] = cpu === undefined ? [] : [cpu]): Usage {
  return { cpu: { value: cpu, history: cpuHistory }, mem: { value: mem, history: mem === undefined ? [] : [mem] } };
}

export class FakeMetrics implements MetricsSource {
  private readonly snaps = new Map<string, MetricsSnapshot>();
  private readonly listeners = new Set<() => void>();
  private clock = 0;
  state: MetricsStatus = { state: 'ok', source: 'monitoring/prometheus-k8s:web (API proxy)' };
  clusterUsage: ClusterUsage = { totals: {}, allocatable: {} };
  found: string[] = ['monitoring/prometheus-k8s:web'];
  selected: string[] = [];
  acquired: string[] = [];
  rangeCalls: { target: string; key: string; range: RangeName }[] = [];
  /** What range() answers, by range name. */
  answers: Partial<Record<RangeName, RangeResult | { error: string }>> = {};

  set(subject: MetricsSubject, entries: Record<string, Usage>): void {
    this.snaps.set(subjectId(subject), { subject, usage: new Map(Object.entries(entries)), version: ++this.clock });
    this.notify();
  }

  setStatus(status: MetricsStatus): void {
    this.state = status;
    this.notify();
  }

  setCluster(cluster: ClusterUsage): void {
    this.clusterUsage = cluster;
    this.notify();
  }

  /** The subjects acquired, in order (with a large pane's page of pods). */
  subjects: MetricsSubject[] = [];

  acquire(subject: MetricsSubject): () => void {
    this.acquired.push(subjectId(subject));
    this.subjects.push(subject);
    return () => {};
  }

  snapshot(subject: MetricsSubject): MetricsSnapshot {
    return this.snaps.get(subjectId(subject)) ?? { subject, usage: new Map(), version: 0 };
  }

  cluster(): ClusterUsage {
    // A fresh object each call, as an engine may build one: the hooks must cache.
    return { ...this.clusterUsage };
  }

  status(): MetricsStatus {
    return { ...this.state };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  range(target: MetricsSubject['target'], key: string, range: RangeName): Promise<RangeResult | { error: string }> {
    this.rangeCalls.push({ target, key, range });
    return Promise.resolve(this.answers[range] ?? { samples: {} });
  }

  candidates(): readonly string[] {
    return this.found;
  }

  select(source: string): void {
    this.selected.push(source);
  }

  dispose(): void {}

  notify(): void {
    for (const l of [...this.listeners]) l();
  }
}

/** `n` samples 15 s apart ending now, values from `f(i)`. */
export function series(n: number, f: (i: number) => number): [number, number][] {
  const end = Math.floor(Date.now() / 1000);
  return Array.from({ length: n }, (_, i) => [end - (n - 1 - i) * 15, f(i)]);
}
