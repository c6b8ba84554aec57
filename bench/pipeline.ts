// Parts 1 and 2: rendering rows through the kind registry, then filtering and sorting them with
// the pure helpers the UI uses (src/store/select.ts).
import { findKind } from '../src/kinds/registry.js';
import type { KubeObject } from '../src/kube/types.js';
import type { RenderContext, Renderer } from '../src/render/types.js';
import { columnsFor } from '../src/render/columns.js';
import { compileFilter, resolveSort, type NamedSort } from '../src/store/select.js';
import { filterRows, renderAll, sortRows, type RowItem } from './rows.js';
import { countPodsByNode } from '../src/hooks/usePodCounts.js';
import { time } from './stats.js';
import { Section } from './table.js';

export interface Data {
  now: number;
  pods: KubeObject[];
  nodes: KubeObject[];
}

export function renderer(kind: string): Renderer {
  const spec = findKind(kind);
  if (!spec?.renderer) throw new Error(`kind ${kind} has no hand-written renderer`);
  return spec.renderer;
}

const RUNS = { warmup: 3, runs: 15 };

export function renderSection(data: Data): { section: Section; podsMs: number } {
  const section = new Section(`1. Rendering (kind registry → Row), ${data.pods.length.toLocaleString('en-US')} pods / ${data.nodes.length.toLocaleString('en-US')} nodes`);
  const pods = renderer('pods');
  const nodes = renderer('nodes');
  const all: RenderContext = { now: data.now, allNamespaces: true };
  const one: RenderContext = { now: data.now, allNamespaces: false };
  const podsMs = section.add('render pods, all namespaces (-A)', time(() => renderAll(data.pods, pods, all), RUNS), 'as useRows on a new snapshot');
  section.add('render pods, one namespace', time(() => renderAll(data.pods, pods, one), RUNS));
  const counts = countPodsByNode(data.pods);
  section.add('count pods per node (PODS column)', time(() => countPodsByNode(data.pods), RUNS), 'usePodCounts, per pods snapshot');
  const nodesMs = section.add('render nodes', time(() => renderAll(data.nodes, nodes, { ...all, podCountByNode: counts }), RUNS));
  section.info('  → per pod row (median / count)', `${((podsMs / data.pods.length) * 1000).toFixed(2)} µs`);
  section.info('  → per node row (median / count)', `${((nodesMs / data.nodes.length) * 1000).toFixed(2)} µs`);
  return { section, podsMs };
}

const FILTERS: [label: string, input: string, note?: string][] = [
  ['substring "nginx"', 'nginx', 'compiled as a case-insensitive regex'],
  ['substring "node-0042" (rare)', 'node-0042'],
  ['substring "web(" (not a regex)', 'web(', 'falls back to includes()'],
  ['regex "^(web|api)-.*CrashLoop"', '^(web|api)-.*CrashLoop', 'spans cells: joined-line pass'],
  ['regex "Running|Completed"', 'Running|Completed'],
  ['inverted "!Running"', '!Running'],
  ['label "-l app=web"', '-l app=web'],
  ['label "-l tier in (frontend,data),release!=r3"', '-l tier in (frontend,data),release!=r3'],
];

const SORTS: NamedSort[] = ['name', 'age', 'status', 'namespace'];
/** Shift-←/→ columns: numbers, text in natural order (IPs), durations. */
const COLUMN_SORTS = ['RESTARTS', 'IP', 'NODE'];

export function filterSortSection(items: readonly RowItem[]): { section: Section; filterSortMs: number } {
  const section = new Section(`2. Filter + sort (src/store/select.ts), ${items.length.toLocaleString('en-US')} rendered pod rows`);
  for (const [label, input, note] of FILTERS) {
    const matched = filterRows(items, compileFilter(input)).length;
    const sample = time(() => filterRows(items, compileFilter(input)), RUNS);
    section.add(`filter ${label}`, sample, [`${matched.toLocaleString('en-US')} match`, note].filter(Boolean).join('; '));
  }
  for (const by of SORTS) {
    section.add(`sort by ${by}`, time(() => sortRows(items, { by, desc: false }), RUNS), 'from list order (namespace/name)');
  }
  section.add('sort by age, desc', time(() => sortRows(items, { by: 'age', desc: true }), RUNS));
  // The rows are rendered with -A, as run.ts renders them: NAMESPACE leads.
  const headers = columnsFor(renderer('pods'), true).map((c) => c.name);
  for (const column of COLUMN_SORTS) {
    const sort = resolveSort({ by: 'column', column, desc: false }, headers);
    section.add(`sort by column ${column}`, time(() => sortRows(items, sort), RUNS), 'each sort parses the cells again (a new sort)');
  }
  const sorted = sortRows(items, { by: 'name', desc: false });
  section.add('sort by name, already sorted', time(() => sortRows(sorted, { by: 'name', desc: false }), RUNS), 'a re-sort after a small change');
  const filterSortMs = section.add(
    'filter "nginx" + sort by status',
    time(() => sortRows(filterRows(items, compileFilter('nginx')), { by: 'status', desc: false }), RUNS),
  );
  return { section, filterSortMs };
}
