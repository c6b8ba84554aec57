// The subjects the panes hold and their snapshots: reference-counted, the nodes subject always held (the
// header's cluster totals come from it), pages of pods started from the recent usage of their pods.
import { normalizeSubject, pageNeedsHistory, RecentUsage, subjectKey } from './subject.js';
import type { MetricsSubject, MetricsSnapshot } from './types.js';

export interface SubjectState {
  subject: MetricsSubject;
  refs: number;
  /** False until a refresh has loaded its history. */
  loaded: boolean;
  snapshot: MetricsSnapshot;
}

/** Pages rendered but not (yet) acquired that keep their snapshot. */
const MAX_UNCLAIMED = 8;

const emptySnapshot = (subject: MetricsSubject, version: number): MetricsSnapshot => ({ subject, usage: new Map(), version });

export class SubjectRegistry {
  private readonly subjects = new Map<string, SubjectState>();
  private readonly recentPods = new RecentUsage();
  private readonly empties = new Map<string, MetricsSnapshot>();
  // A pane renders a new page before its effect acquires it: snapshot() hands out what is known of
  // the page's pods, and acquire() adopts that same object, so the page shows its numbers at once
  // and needs no second render.
  private readonly unclaimed = new Map<string, MetricsSnapshot>();

  constructor() {
    this.subjects.set('nodes', { subject: { target: 'nodes' }, refs: 0, loaded: false, snapshot: emptySnapshot({ target: 'nodes' }, 0) });
  }

  /** Holds `subject` until the returned release; its state says whether its history still has to load. */
  acquire(subject: MetricsSubject): { state: SubjectState; release: () => void } {
    const key = subjectKey(subject);
    let state = this.subjects.get(key);
    if (!state) {
      const normal = normalizeSubject(subject);
      // A page starts from the snapshot snapshot() handed out for it (or would have).
      const snapshot = normal.pods ? this.unclaimedPage(key, normal) : emptySnapshot(normal, 0);
      this.unclaimed.delete(key);
      const loaded = normal.pods !== undefined && !pageNeedsHistory(normal, snapshot.usage);
      state = { subject: normal, refs: 0, loaded, snapshot };
      this.subjects.set(key, state);
    }
    state.refs++;
    const held = state;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      held.refs--;
      if (held.refs <= 0 && key !== 'nodes') this.subjects.delete(key);
    };
    return { state, release };
  }

  snapshot(subject: MetricsSubject): MetricsSnapshot {
    const key = subjectKey(subject);
    const held = this.subjects.get(key);
    if (held) return held.snapshot;
    if (subject.pods) return this.unclaimedPage(key, subject);
    let empty = this.empties.get(key);
    if (!empty) {
      empty = emptySnapshot(normalizeSubject(subject), 0);
      this.empties.set(key, empty);
    }
    return empty;
  }

  /** The subjects a refresh covers: all of them, or only those whose history has not loaded. */
  due(kind: 'full' | 'load'): SubjectState[] {
    return [...this.subjects.values()].filter((s) => kind === 'full' || !s.loaded);
  }

  /** Stores what a refresh got for `state` as its next snapshot. */
  store(state: SubjectState, usage: MetricsSnapshot['usage']): void {
    state.snapshot = { subject: state.subject, usage, version: state.snapshot.version + 1 };
    state.loaded = true;
    if (state.subject.pods) this.recentPods.remember(usage);
  }

  /** Forgets all usage (a new Prometheus, or a failure): every subject loads again. */
  reset(): void {
    this.recentPods.clear();
    this.unclaimed.clear();
    for (const s of this.subjects.values()) {
      s.loaded = false;
      s.snapshot = emptySnapshot(s.subject, s.snapshot.version + 1);
    }
  }

  private unclaimedPage(key: string, subject: MetricsSubject): MetricsSnapshot {
    let snap = this.unclaimed.get(key);
    if (!snap) {
      if (this.unclaimed.size >= MAX_UNCLAIMED) this.unclaimed.clear();
      const normal = normalizeSubject(subject);
      snap = { subject: normal, usage: this.recentPods.pick(normal.pods ?? []), version: 0 };
      this.unclaimed.set(key, snap);
    }
    return snap;
  }
}
