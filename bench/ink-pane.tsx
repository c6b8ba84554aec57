// Part 3, view half: the real views rendered by Ink (ink-testing-library: debug mode, so each
// commit is laid out and written synchronously) with 10,000 pod rows. Times a cursor move against a
// data change, first for the pure ResourcePane, then for the whole App driven by keys and the source.
import { render } from 'ink-testing-library';
import type { AppProps } from '../src/app/types.js';
import { computeLayout } from '../src/app/layout.js';
import { columnsFor } from '../src/render/columns.js';
import type { KubeObject } from '../src/kube/types.js';
import { App } from '../src/views/App.js';
import { fitColumns, formatLine } from '../src/views/fit-columns.js';
import { ResourcePane, type ResourcePaneProps } from '../src/views/ResourcePane.js';
import { renderer, type Data } from './pipeline.js';
import { renderAll, sortRows, type RowItem } from './rows.js';
import { BenchSource, withOneChange } from './source.js';
import { time, timeAsync, type Sample } from './stats.js';
import { Section } from './table.js';

const COLS = 200;
const ROWS = 50;
const RUNS = { warmup: 5, runs: 31 };

const turn = () => new Promise<void>((r) => setImmediate(r));

/**
 * Times `step` until Ink has written its next frame: at once for a rerender; for a key or a store
 * update a React/Ink scheduling hop later (polled every event-loop turn, so that hop is included,
 * as it is in the app). Fails when no frame comes or the first one shows no change.
 */
export async function timeRedraw(view: { frames: string[] }, step: (i: number) => void, runs = RUNS): Promise<Sample | string> {
  const frame = async (i: number): Promise<string | undefined> => {
    const n = view.frames.length;
    step(i);
    for (let t = 0; view.frames.length === n; t++) {
      if (t > 10_000) return undefined;
      await turn();
    }
    return view.frames[view.frames.length - 1];
  };
  const before = view.frames[view.frames.length - 1];
  const after = await frame(0);
  if (after === undefined || after === before) return 'no new frame after the change; not measurable in isolation';
  return timeAsync((i) => frame(i + 1), runs);
}

export function add(section: Section, name: string, result: Sample | string, note?: string): number {
  if (typeof result === 'string') {
    section.info(name, result);
    return NaN;
  }
  return section.add(name, result, note);
}

export async function paneSection(data: Data, section: Section): Promise<{ moveMs: number; itemsMs: number }> {
  const pods = renderer('pods');
  const ctx = { now: data.now, allNamespaces: true };
  const a = sortRows(renderAll(data.pods, pods, ctx), { by: 'name', desc: false });
  const first = a[0] as RowItem;
  // The same rows with the first (visible) one changed, as after a MODIFIED event.
  const changed = withOneChange([first.obj], 0, 7)[0] as KubeObject;
  const b = [{ obj: changed, row: pods.render(changed, ctx) }, ...a.slice(1)];
  const layout = computeLayout(COLS, ROWS, 3, 1, false);
  const height = layout.panes.find((p) => p.index === 1)?.height ?? 20;
  const props: ResourcePaneProps = {
    title: 'Pods(all)', columns: columnsFor(pods, true), items: a, total: a.length, filter: '',
    status: { state: 'live', stale: false }, sort: { by: 'name', desc: false },
    cursor: 0, scroll: 0, focused: true, width: COLS, height, plain: false,
  };
  const view = render(<ResourcePane {...props} />);
  const rows = `${a.length.toLocaleString('en-US')} rows, ${height} lines`;
  // What ResourcePane itself computes for the visible window, without React or Ink.
  const shown = Math.max(0, height - 3);
  const heads = props.columns.map((c) => c.name);
  const format = (items: readonly RowItem[]) => {
    const visible = items.slice(0, shown);
    const fitted = fitColumns(props.columns, heads, visible.map((v) => v.row), COLS - 3);
    return visible.map((v) => formatLine(v.row.cells, fitted, COLS - 3));
  };
  section.add(`visible window only: fitColumns + formatLine (${shown} rows)`, time(() => format(a), { warmup: 5, runs: 31, inner: 100 }), 'no React, no Ink');
  const moveMs = add(section, `ResourcePane: cursor move (${rows})`, await timeRedraw(view, (i) => view.rerender(<ResourcePane {...props} cursor={i % 2 ? 0 : 1} />)), 'rerender → Ink frame');
  const itemsMs = add(section, 'ResourcePane: new rows array (data change)', await timeRedraw(view, (i) => view.rerender(<ResourcePane {...props} items={i % 2 ? a : b} />)), 'rows precomputed; view only');
  view.unmount();
  return { moveMs, itemsMs };
}

export async function appSection(data: Data, section: Section): Promise<{ keyMs: number; dataMs: number }> {
  const source = new BenchSource();
  source.set({ kind: 'nodes' }, data.nodes);
  source.set({ kind: 'pods' }, data.pods);
  source.set({ kind: 'daemonsets' }, []);
  const props: AppProps = {
    source,
    session: { context: 'bench', cluster: 'bench', user: 'bench', server: 'https://127.0.0.1:6443', serverVersion: 'v1.36.3' },
    prefs: { get: () => ({ favourites: [] }), set: () => undefined },
    allNamespaces: true,
    readonly: false,
    columns: COLS,
    rows: ROWS,
    onQuit: () => undefined,
  };
  const app = render(<App {...props} />);
  const frame = () => app.lastFrame() ?? '';
  // Subscriptions (useInput, useSyncExternalStore) are made in effects, which run after mount.
  await new Promise((r) => setTimeout(r, 100));
  if (!frame().includes(`[${data.pods.length}]`)) {
    section.info('App', `did not show the ${data.pods.length} pods on mount; skipped`);
    app.unmount();
    return { keyMs: NaN, dataMs: NaN };
  }
  const keyMs = add(section, 'App 200x50: j/k keypress → frame', await timeRedraw(app, (i) => app.stdin.write(i % 2 ? 'k' : 'j')), 'stdin → keymap → reducer → Ink');
  // The pod shown first (sorted by name) gets a new restart count on each update.
  const pods = renderer('pods');
  const ctx = { now: data.now, allNamespaces: true };
  const top = sortRows(renderAll(data.pods, pods, ctx), { by: 'name', desc: false })[0]?.obj;
  const index = top ? data.pods.indexOf(top) : 0;
  const dataMs = add(
    section,
    'App 200x50: one pod changed → frame',
    await timeRedraw(app, (i) => source.set({ kind: 'pods' }, withOneChange(data.pods, index, i + 1))),
    'new snapshot: all rows + node PODS recomputed',
  );
  app.unmount();
  return { keyMs, dataMs };
}

export async function viewSection(data: Data, title: string): Promise<Section> {
  const section = new Section(title);
  section.info(
    'caveat',
    'debug mode: no maxFps throttle and full (not incremental) writes, unlike src/cli/start.tsx; React + Yoga + Ink output building are the same',
  );
  const pane = await paneSection(data, section);
  const app = await appSection(data, section);
  section.ratio('ResourcePane: new rows / cursor move', pane.itemsMs / pane.moveMs, 'both draw only the visible window');
  section.ratio('App: data change / keypress', app.dataMs / app.keyMs, 'the keypress skips render/filter/sort');
  return section;
}
