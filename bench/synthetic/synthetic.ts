// The synthetic benchmark: N API-shaped pods and a churn of pod events fed straight into kt's
// store (ResourceStore with a fake watcher) and row pipeline (RowPipeline, as useRows runs it),
// plus the formatting of the visible window (what ResourcePane computes per frame). No API
// server, no terminal. Per frame it times the incremental path against the full recompute it
// replaced (re-sort the store, render + filter + sort every row), and reports heap and RSS.
// Times are CPU time of the process (process.cpuUsage), not wall time: the machine is shared.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { columnsFor } from '../../src/render/columns.js';
import { objectKey, type KubeObject } from '../../src/kube/types.js';
import { ResourceStore } from '../../src/store/resource-store.js';
import { RowPipeline } from '../../src/store/row-pipeline.js';
import { compileFilter, type SortSpec } from '../../src/store/select.js';
import { sortedItems } from '../../src/store/sorted-items.js';
import { fitColumns, formatLine } from '../../src/views/fit-columns.js';
import { makePod, makePods, rng } from '../fixtures.js';
import { renderer } from '../pipeline.js';
import { filterRows, renderAll, sortRows, type RowItem } from '../rows.js';
import { median } from '../stats.js';
import { heapMb, settleGc } from './memory.js';

export interface SyntheticArgs {
  counts: number[];
  out: string;
  command: string;
}

const FRAMES = 60;
const FULL_FRAMES = 8;
/** 100 events/s coalesced over the store's 150 ms window. */
const EVENTS_PER_FRAME = 15;
const VISIBLE = 45;
const WIDTH = 197;
const SORT: SortSpec = { by: 'name', desc: false };
const pods = renderer('pods');
const columns = columnsFor(pods, true);
const heads = columns.map((c) => c.name);
const turn = () => new Promise((r) => setTimeout(r, 2));

/** CPU time (user + system) of this process, in ms: steadier than wall time on a shared machine. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const performance = { now: cpu };

/** What ResourcePane computes for the rows on screen. */
function formatWindow(items: readonly RowItem[]): number {
  const visible = items.slice(0, VISIBLE);
  const fitted = fitColumns(columns, heads, visible.map((v) => v.row), WIDTH);
  let n = 0;
  for (const v of visible) n += formatLine(v.row.cells, fitted, WIDTH).length;
  return n;
}

class FakeWatcher {
  readonly items = new Map<string, KubeObject>();
  readonly status = { state: 'live' as const, stale: false };
  onChange: (key?: string) => void = () => undefined;
  start(): void {}
  stop(): void {}
}

interface Row {
  count: number;
  loadMs: number;
  incMs: number[];
  fullMs: number[];
  filterKeyMs: number[];
  filterKeyFullMs: number;
  heapStoreMb: number;
  heapRowsMb: number;
  rssMb: number;
}

async function measure(count: number): Promise<Row> {
  const now = Date.now();
  const r = rng(count);
  await settleGc();
  const heap0 = heapMb();
  const watcher = new FakeWatcher();
  const store = new ResourceStore({ coalesceMs: 1, lingerMs: 0, createWatcher: (_key, onChange) => ((watcher.onChange = onChange), watcher) });
  const key = { kind: 'pods' };
  store.acquire(key);
  for (const p of makePods(count, Math.max(1, Math.ceil(count / 100)), now)) watcher.items.set(objectKey(p), p);
  watcher.onChange();
  await turn();
  await settleGc();
  const heapStoreMb = heapMb() - heap0;
  const pipeline = new RowPipeline();
  const filter = compileFilter('');
  const frame = (filterText = '') => {
    const snap = store.snapshot(key);
    const out = pipeline.update({ items: snap.items, changes: snap.changes, renderer: pods, allNamespaces: true, now, filter: filterText ? compileFilter(filterText) : filter, sort: SORT });
    return formatWindow(out.items);
  };
  const t0 = performance.now();
  frame();
  const loadMs = performance.now() - t0;
  await settleGc();
  const heapRowsMb = heapMb() - heap0 - heapStoreMb;

  const incMs: number[] = [];
  const fullMs: number[] = [];
  const names = [...watcher.items.keys()];
  let seq = count;
  const churn = (f: number) => {
    for (let e = 0; e < EVENTS_PER_FRAME; e++) {
      const roll = r();
      if (roll < 0.7) {
        const k = names[Math.floor(r() * names.length)] as string;
        const old = watcher.items.get(k);
        if (!old) continue;
        watcher.items.set(k, { ...old, metadata: { ...old.metadata, resourceVersion: `${seq++}` }, status: { ...(old.status as object), startTime: new Date(now - f * 1000).toISOString() } });
        watcher.onChange(k);
      } else if (roll < 0.85) {
        const p = makePod(seq++, now, 100, r);
        watcher.items.set(objectKey(p), p);
        names.push(objectKey(p));
        watcher.onChange(objectKey(p));
      } else {
        const k = names.splice(Math.floor(r() * names.length), 1)[0] as string;
        watcher.items.delete(k);
        watcher.onChange(k);
      }
    }
  };
  for (let f = 0; f < FRAMES; f++) {
    churn(f);
    await turn(); // the store's flush
    const t = performance.now();
    frame();
    incMs.push(performance.now() - t);
  }
  // The same kind of frame before the pipeline: re-sort the store's map, then render, filter, sort all.
  for (let f = 0; f < FULL_FRAMES; f++) {
    churn(f);
    const t = performance.now();
    const items = sortedItems(watcher.items);
    const snap = { key, items, version: 0, status: watcher.status };
    formatWindow(sortRows(filterRows(renderAll(snap.items, pods, { now, allNamespaces: true }), filter), SORT));
    fullMs.push(performance.now() - t);
  }
  await turn();
  frame();
  await settleGc();
  // Typing a filter, one keystroke per frame: "s", "sc", ... "scale".
  const filterKeyMs: number[] = [];
  for (let n = 1; n <= 5; n++) {
    const t = performance.now();
    frame('scale'.slice(0, n));
    filterKeyMs.push(performance.now() - t);
  }
  const t = performance.now();
  const snap = store.snapshot(key);
  formatWindow(sortRows(filterRows(renderAll(snap.items, pods, { now, allNamespaces: true }), compileFilter('scal')), SORT));
  const filterKeyFullMs = performance.now() - t;
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  store.dispose();
  return { count, loadMs, incMs, fullMs, filterKeyMs, filterKeyFullMs, heapStoreMb, heapRowsMb, rssMb };
}

const p95 = (v: number[]) => [...v].sort((a, b) => a - b)[Math.ceil(v.length * 0.95) - 1] ?? NaN;
const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;

export async function runSynthetic(args: SyntheticArgs): Promise<string> {
  const rows: Row[] = [];
  for (const count of args.counts) {
    process.stderr.write(`[synthetic] ${count} pods\n`);
    rows.push(await measure(count));
  }
  const cpus = os.cpus();
  const md = [
    `Command: \`${args.command}\``,
    `Times are CPU ms of the benchmark process (user + system) per frame. Machine: ${cpus.length} cores (${cpus[0]?.model ?? 'unknown'}), node ${process.version}, load average ${os.loadavg()[0]?.toFixed(2)}; ${new Date().toISOString()}.`,
    `${FRAMES} frames per size (${FULL_FRAMES} for the full recompute), ${EVENTS_PER_FRAME} pod events per frame (70% modified, 15% added, 15% deleted: 100 events/s over the store's 150 ms window); all namespaces, sorted by name, ${VISIBLE} visible rows formatted at ${WIDTH} columns.`,
    '',
    '| pods | work per frame, incremental (median / p95) | full recompute it replaced (median / p95) | full / incremental | filter keystrokes "s"…"scale" (first / median / full recompute) | first load (store + all rows) | heap: objects / rows | RSS |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => {
      const inc = median(r.incMs);
      const full = median(r.fullMs);
      return `| ${r.count.toLocaleString('en-US')} | ${ms(inc)} / ${ms(p95(r.incMs))} | ${ms(full)} / ${ms(p95(r.fullMs))} | ${(full / inc).toFixed(0)}× | ${ms(r.filterKeyMs[0] ?? NaN)} / ${ms(median(r.filterKeyMs))} / ${ms(r.filterKeyFullMs)} | ${ms(r.loadMs)} | ${r.heapStoreMb.toFixed(0)} MB / ${r.heapRowsMb.toFixed(0)} MB | ${r.rssMb.toFixed(0)} MB |`;
    }),
  ].join('\n');
  if (args.out) writeFileSync(args.out, `${md}\n`);
  return md;
}
