// Sorting a node or pod pane by one of its metrics columns (Shift-←/→ onto CPU, %MEM/L, …): the
// columns that can be sorted by, and each row's number for one of them.
import type { KubeObject } from '../kube/types.js';
import { capacityOf } from './capacity.js';
import { PANE_COLUMNS } from './catalog.js';
import type { MetricsTarget } from './metric.js';
import { standing } from './standing.js';
import type { MetricsSnapshot } from './types.js';

/** What a row gives: its key (as the snapshot's usage is keyed) and its object (for the capacity). */
interface SortedRow {
  row: { key: string };
  obj: KubeObject;
}

/** The metrics columns a pane can sort by (not the sparklines), in the order they are drawn. */
export function sortableMetricColumns(target: MetricsTarget): string[] {
  return PANE_COLUMNS[target].filter((p) => p.column.shows !== 'trend').map((p) => p.column.name);
}

/**
 * Each row's number for one metrics column, a percent column by its percent (of the node's
 * allocatable or the pod's limit); undefined when `column` is not one `sortableMetricColumns` lists.
 */
export function metricSortValue(target: MetricsTarget, column: string, snapshot: MetricsSnapshot | undefined): ((item: SortedRow) => number | undefined) | undefined {
  const placed = PANE_COLUMNS[target].find((p) => p.column.name === column && p.column.shows !== 'trend');
  if (!placed) return undefined;
  const { metric } = placed;
  return (item) => {
    const value = snapshot?.usage.get(item.row.key)?.[metric.id]?.value;
    return placed.column.shows === 'percent' ? standing(metric, value, capacityOf(target, item.obj)).percent : value;
  };
}
