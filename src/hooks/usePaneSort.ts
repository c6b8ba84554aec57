// The pane's sort as its rows pipeline runs it: a column's cells found by their header, or, sorted
// by a metrics column (CPU, %MEM/L …), each row's number. For that the pane asks the metrics engine
// about every pod it holds, which it does only up to PAGE_ABOVE_ROWS pods (beyond, Prometheus is
// asked about the rows around the screen, and a sort needs them all): larger pod panes do not
// offer the metrics columns to sort by. A node pane always has every node's numbers.
import { useMemo } from 'react';
import { metricsTarget } from '../metrics/capacity.js';
import { metricSortValue, sortableMetricColumns } from '../metrics/sort-value.js';
import type { MetricsSource } from '../metrics/types.js';
import { resolveSort, type ResolvedSort, type SortSpec } from '../store/select.js';
import { PAGE_ABOVE_ROWS, type MetricsPage } from './useMetricsPage.js';
import { usePaneMetrics } from './usePaneMetrics.js';

export interface PaneSort {
  sort: ResolvedSort;
  /** The metrics columns the pane may be sorted by (none without metrics, or in a large pod pane). */
  metricColumns: readonly string[];
  /** 'all' while sorted by a metrics column: the pane's own metrics ask for every pod too. */
  page: MetricsPage;
}

const NONE: readonly string[] = [];

export function usePaneSort(
  sort: SortSpec,
  headers: readonly string[],
  metrics: MetricsSource | undefined,
  kindId: string | undefined,
  namespace: string | undefined,
  objects: number,
): PaneSort {
  const target = metrics ? metricsTarget(kindId) : undefined;
  const offered = target === 'nodes' || (target === 'pods' && objects <= PAGE_ABOVE_ROWS);
  const metricColumns = useMemo(() => (target && offered ? sortableMetricColumns(target) : NONE), [target, offered]);
  const byMetric = sort.by === 'column' && sort.column !== undefined && metricColumns.includes(sort.column);
  const page: MetricsPage = byMetric && objects > 0 ? 'all' : undefined;
  const sorting = usePaneMetrics(metrics, byMetric ? kindId : undefined, namespace, page);
  const snapshot = sorting?.snapshot;
  const resolved = useMemo(() => {
    const value = byMetric && target && sort.column ? metricSortValue(target, sort.column, snapshot) : undefined;
    const base = resolveSort(sort, headers);
    return value ? { ...base, value } : base;
  }, [sort, headers, byMetric, target, snapshot]);
  return { sort: resolved, metricColumns, page };
}
