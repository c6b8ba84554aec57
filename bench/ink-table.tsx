// Why kt draws its own table: @alcalzone/ink-table (a devDependency for this item only) against
// kt's ResourcePane, the same 1,000 and 10,000 pod rows in a 200x50 terminal, both through Ink
// (ink-testing-library's debug mode: every commit laid out and written at once). ink-table lays
// out and writes every row; ResourcePane only the rows on screen, and drops columns by priority.
import { Table } from '@alcalzone/ink-table';
import { render } from 'ink-testing-library';
import { performance } from 'node:perf_hooks';
import { computeLayout } from '../src/app/layout.js';
import { columnsFor } from '../src/render/columns.js';
import type { KubeObject } from '../src/kube/types.js';
import { ResourcePane, type ResourcePaneProps } from '../src/views/ResourcePane.js';
import { add, timeRedraw } from './ink-pane.js';
import { renderer, type Data } from './pipeline.js';
import { renderAll, sortRows, type RowItem } from './rows.js';
import { withOneChange } from './source.js';
import type { Sample } from './stats.js';
import { Section } from './table.js';

const COLS = 200;
const ROWS = 50;

type Cells = Record<string, string>;

/** Samples per row count: ink-table takes seconds a frame at 1,000 rows, so it gets few. */
const RUNS = {
  kt: { warmup: 2, runs: 9 },
  table: (count: number) => (count > 5_000 ? { warmup: 0, runs: 1 } : { warmup: 1, runs: 3 }),
};

/** Times mounting until the first frame, then unmounting. */
function timeMount(mount: () => { lastFrame: () => string | undefined; unmount: () => void }, { warmup, runs }: { warmup: number; runs: number }): { sample: Sample; lines: number } {
  let lines = 0;
  const ms: number[] = [];
  for (let r = 0; r < warmup + runs; r++) {
    const t0 = performance.now();
    const view = mount();
    const frame = view.lastFrame() ?? '';
    const took = performance.now() - t0;
    view.unmount();
    lines = frame.split('\n').length;
    if (r >= warmup) ms.push(took);
  }
  return { sample: { ms: ms.sort((a, b) => a - b) }, lines };
}

export async function inkTableSection(data: Data, counts: readonly number[] = [1_000, 10_000]): Promise<Section> {
  const section = new Section(`4. kt's pane vs @alcalzone/ink-table 1.1.1, the same pod rows through Ink (${COLS}x${ROWS}, React development build)`);
  const pods = renderer('pods');
  const ctx = { now: data.now, allNamespaces: true };
  const columns = columnsFor(pods, true);
  const height = computeLayout(COLS, ROWS, 3, 1, false).panes.find((p) => p.index === 1)?.height ?? 20;
  for (const count of counts) {
    const items = sortRows(renderAll(data.pods.slice(0, count), pods, ctx), { by: 'name', desc: false });
    const first = items[0] as RowItem;
    const changed = withOneChange([first.obj], 0, 7)[0] as KubeObject;
    const itemsB = [{ obj: changed, row: pods.render(changed, ctx) }, ...items.slice(1)];
    const toCells = (list: readonly RowItem[]): Cells[] => list.map((i) => Object.fromEntries(columns.map((c, k) => [c.name, i.row.cells[k] ?? ''])));
    const cellsA = toCells(items);
    const cellsB = toCells(itemsB);
    const n = count.toLocaleString('en-US');

    const props: ResourcePaneProps = {
      title: 'Pods(all)', columns, items, total: items.length, filter: '',
      status: { state: 'live', stale: false }, sort: { by: 'name', desc: false },
      cursor: 0, scroll: 0, focused: true, width: COLS, height, plain: false,
    };
    const kt = timeMount(() => render(<ResourcePane {...props} />), RUNS.kt);
    const ktMount = section.add(`kt ResourcePane, ${n} rows: mount → first frame`, kt.sample, `${kt.lines} lines written`);
    const ktView = render(<ResourcePane {...props} />);
    const ktChange = add(section, `kt ResourcePane, ${n} rows: one row changed → frame`, await timeRedraw(ktView, (i) => ktView.rerender(<ResourcePane {...props} items={i % 2 ? items : itemsB} />), RUNS.kt));
    ktView.unmount();

    const table = timeMount(() => render(<Table data={cellsA} />), RUNS.table(count));
    const tableMount = section.add(`ink-table, ${n} rows: mount → first frame`, table.sample, `${table.lines.toLocaleString('en-US')} lines written`);
    const tableView = render(<Table data={cellsA} />);
    const tableChange = add(section, `ink-table, ${n} rows: one row changed → frame`, await timeRedraw(tableView, (i) => tableView.rerender(<Table data={i % 2 ? cellsA : cellsB} />), RUNS.table(count)));
    tableView.unmount();

    section.ratio(`${n} rows, mount: ink-table / kt`, tableMount / ktMount);
    section.ratio(`${n} rows, one row changed: ink-table / kt`, tableChange / ktChange);
  }
  section.info('ink-table has no', 'cursor, scrolling window, column priorities for narrow terminals, colours per cell: kt would still need them');
  return section;
}
