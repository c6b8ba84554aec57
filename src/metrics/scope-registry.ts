// The scopes the panes hold and their snapshots: reference-counted, the nodes scope always held (the
// header's cluster totals come from it), pages of pods started from the recent usage of their pods.
import { normalizeScope, pageNeedsHistory, RecentUsage, scopeKey } from './scope.js';
import type { MetricsScope, MetricsSnapshot } from './types.js';

export interface ScopeState {
  scope: MetricsScope;
  refs: number;
  /** False until a refresh has loaded its history. */
  loaded: boolean;
  snapshot: MetricsSnapshot;
}

/** Pages rendered but not (yet) acquired that keep their snapshot. */
const MAX_UNCLAIMED = 8;

const emptySnapshot = (scope: MetricsScope, version: number): MetricsSnapshot => ({ scope, usage: new Map(), version });

export class ScopeRegistry {
  private readonly scopes = new Map<string, ScopeState>();
  private readonly recentPods = new RecentUsage();
  private readonly empties = new Map<string, MetricsSnapshot>();
  // A pane renders a new page before its effect acquires it: snapshot() hands out what is known of
  // the page's pods, and acquire() adopts that same object, so the page shows its numbers at once
  // and needs no second render.
  private readonly unclaimed = new Map<string, MetricsSnapshot>();

  constructor() {
    this.scopes.set('nodes', { scope: { target: 'nodes' }, refs: 0, loaded: false, snapshot: emptySnapshot({ target: 'nodes' }, 0) });
  }

  /** Holds `scope` until the returned release; its state says whether its history still has to load. */
  acquire(scope: MetricsScope): { state: ScopeState; release: () => void } {
    const key = scopeKey(scope);
    let state = this.scopes.get(key);
    if (!state) {
      const normal = normalizeScope(scope);
      // A page starts from the snapshot snapshot() handed out for it (or would have).
      const snapshot = normal.pods ? this.unclaimedPage(key, normal) : emptySnapshot(normal, 0);
      this.unclaimed.delete(key);
      const loaded = normal.pods !== undefined && !pageNeedsHistory(normal, snapshot.usage);
      state = { scope: normal, refs: 0, loaded, snapshot };
      this.scopes.set(key, state);
    }
    state.refs++;
    const held = state;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      held.refs--;
      if (held.refs <= 0 && key !== 'nodes') this.scopes.delete(key);
    };
    return { state, release };
  }

  snapshot(scope: MetricsScope): MetricsSnapshot {
    const key = scopeKey(scope);
    const held = this.scopes.get(key);
    if (held) return held.snapshot;
    if (scope.pods) return this.unclaimedPage(key, scope);
    let empty = this.empties.get(key);
    if (!empty) {
      empty = emptySnapshot(normalizeScope(scope), 0);
      this.empties.set(key, empty);
    }
    return empty;
  }

  /** The scopes a refresh covers: all of them, or only those whose history has not loaded. */
  due(kind: 'full' | 'load'): ScopeState[] {
    return [...this.scopes.values()].filter((s) => kind === 'full' || !s.loaded);
  }

  /** Stores what a refresh got for `state` as its next snapshot. */
  store(state: ScopeState, usage: MetricsSnapshot['usage']): void {
    state.snapshot = { scope: state.scope, usage, version: state.snapshot.version + 1 };
    state.loaded = true;
    if (state.scope.pods) this.recentPods.remember(usage);
  }

  /** Forgets all usage (a new Prometheus, or a failure): every scope loads again. */
  reset(): void {
    this.recentPods.clear();
    this.unclaimed.clear();
    for (const s of this.scopes.values()) {
      s.loaded = false;
      s.snapshot = emptySnapshot(s.scope, s.snapshot.version + 1);
    }
  }

  private unclaimedPage(key: string, scope: MetricsScope): MetricsSnapshot {
    let snap = this.unclaimed.get(key);
    if (!snap) {
      if (this.unclaimed.size >= MAX_UNCLAIMED) this.unclaimed.clear();
      const normal = normalizeScope(scope);
      snap = { scope: normal, usage: this.recentPods.pick(normal.pods ?? []), version: 0 };
      this.unclaimed.set(key, snap);
    }
    return snap;
  }
}
