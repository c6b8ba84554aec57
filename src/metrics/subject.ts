// Subject identity for the metrics engine, and the recent usage of pods that left every subject, so a
// pane that scrolls to a new page of pods shows what is known at once while the page's history loads.
import type { MetricsSubject, Usage } from './types.js';

/** "" as a namespace means all namespaces, as in the prefs. A page of pods is part of the key (newPods, derived from it, is not). */
export function subjectKey(s: MetricsSubject): string {
  if (s.target === 'nodes') return 'nodes';
  const base = `pods/${s.namespace || '*'}`;
  return s.pods ? `${base}|${s.pods.join(',')}` : base;
}

export function normalizeSubject(s: MetricsSubject): MetricsSubject {
  if (s.target === 'nodes') return { target: 'nodes' };
  if (!s.pods) return { target: 'pods', namespace: s.namespace || undefined };
  return { target: 'pods', namespace: s.namespace || undefined, pods: s.pods, ...(s.newPods ? { newPods: s.newPods } : {}) };
}

/**
 * Whether a new page of pods loads its history: not when under a quarter of its pods are unknown
 * (neither in `known` nor new). Churn at the top of a table makes pages of that kind; a scroll makes
 * pages of pods that are old but not yet seen, whose history is worth the range query.
 */
export function pageNeedsHistory(subject: MetricsSubject, known: ReadonlyMap<string, Usage>): boolean {
  if (!subject.pods) return true;
  const fresh = new Set(subject.newPods);
  const unknown = subject.pods.reduce((n, key) => (known.has(key) || fresh.has(key) ? n : n + 1), 0);
  return unknown * 4 >= subject.pods.length;
}

/** The latest usage of up to `limit` pods, least recently refreshed dropped first. */
export class RecentUsage {
  private readonly usage = new Map<string, Usage>();
  constructor(private readonly limit = 2_000) {}

  remember(usage: ReadonlyMap<string, Usage>): void {
    for (const [key, u] of usage) {
      this.usage.delete(key); // re-inserted last: Map order is the refresh order
      this.usage.set(key, u);
    }
    for (const key of this.usage.keys()) {
      if (this.usage.size <= this.limit) break;
      this.usage.delete(key);
    }
  }

  /** What is known of these pods. */
  pick(keys: readonly string[]): Map<string, Usage> {
    const out = new Map<string, Usage>();
    for (const key of keys) {
      const u = this.usage.get(key);
      if (u) out.set(key, u);
    }
    return out;
  }

  clear(): void {
    this.usage.clear();
  }
}
