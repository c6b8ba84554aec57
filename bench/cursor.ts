// Part 3, pure half: what a j/k keypress costs in the reducer against what a data change costs in
// the row pipeline (useRows: render → filter → sort), both on 10,000 pods.
import { computeLayout } from '../src/app/layout.js';
import { reducer, type AppEvent } from '../src/app/reducer.js';
import { initialState, type AppState } from '../src/app/state.js';
import { compileFilter } from '../src/store/select.js';
import type { ResourceSnapshot } from '../src/store/types.js';
import type { Data } from './pipeline.js';
import { renderer } from './pipeline.js';
import { filterRows, renderAll, sortRows } from './rows.js';
import { time } from './stats.js';
import { Section } from './table.js';

/** The App's state at 200x50 with -A, the Pods pane focused and its cursor mid-table. */
function startState(count: number): { state: AppState; height: number } {
  const state = initialState({ prefs: { favourites: [] }, allNamespaces: true });
  const layout = computeLayout(200, 50, state.panes.length, state.focus, state.zoom);
  const slot = layout.panes.find((p) => p.index === state.focus);
  const height = Math.max(1, (slot?.height ?? 20) - 3);
  const mid = Math.floor(count / 2);
  const panes = state.panes.map((p, i) =>
    i === state.focus ? { ...p, stack: p.stack.map((f) => ({ ...f, cursor: mid, scroll: mid - 3 })) } : p,
  );
  return { state: { ...state, panes }, height };
}

export function snapshotOf(data: Data, items = data.pods, version = 1): ResourceSnapshot {
  return { key: { kind: 'pods' }, items, version, status: { state: 'live', stale: false } };
}

export function cursorSection(data: Data): Section {
  const count = data.pods.length;
  const section = new Section(`3a. Cursor move vs full recompute, pure (${count.toLocaleString('en-US')}-row Pods pane)`);
  const { state: start, height } = startState(count);
  const pane = start.focus;
  const down: AppEvent = { type: 'move', pane, move: 'down', count, height };
  const up: AppEvent = { type: 'move', pane, move: 'up', count, height };
  let state = start;
  const moveMs = section.add(
    'reducer: move down/up (j/k)',
    time((i) => (state = reducer(state, i % 2 ? up : down)), { warmup: 3, runs: 15, inner: 10_000 }),
    'per action; 10,000 per sample',
  );
  const pageDown: AppEvent = { type: 'move', pane, move: 'pageDown', count, height };
  const pageUp: AppEvent = { type: 'move', pane, move: 'pageUp', count, height };
  section.add('reducer: page down/up', time((i) => (state = reducer(state, i % 2 ? pageUp : pageDown)), { warmup: 3, runs: 15, inner: 10_000 }), 'per action');

  const pods = renderer('pods');
  const snap = snapshotOf(data);
  const noFilter = compileFilter('');
  const recompute = (filter = noFilter) =>
    sortRows(filterRows(renderAll(snap.items, pods, { now: data.now, allNamespaces: true }), filter), { by: 'name', desc: false });
  const fullMs = section.add('full recompute: render + filter("") + sort(name)', time(() => recompute(), { warmup: 3, runs: 15 }), 'useRows on a new snapshot');
  const nginx = compileFilter('nginx');
  const filteredMs = section.add('full recompute with filter "nginx"', time(() => recompute(nginx), { warmup: 3, runs: 15 }));
  section.ratio('full recompute / reducer cursor move', fullMs / moveMs, 'how much a keypress saves by not touching rows');
  section.ratio('filtered recompute / reducer cursor move', filteredMs / moveMs);
  section.info(
    'not measured here',
    'the view work of a keypress (LivePane + visible-window formatting + Ink layout/output): see 3b',
  );
  return section;
}
