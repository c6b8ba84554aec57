// The metrics side of a node or pod pane: the CPU/MEM columns merged at draw time (only the
// visible rows' cells are computed), and what `m` opens for the row under the cursor.
import { useMemo, type Dispatch } from 'react';
import type { Action } from '../app/reducer.js';
import type { MetricsScope, MetricsSource } from '../metrics/types.js';
import type { Column } from '../render/types.js';
import type { RowItem } from '../store/select.js';
import type { ExtraColumns } from '../views/extra-columns.js';
import { capacityOf } from '../metrics/capacity.js';
import { metricsExtra, metricsTarget } from '../views/metrics-columns.js';
import type { MetricsPage } from './useMetricsPage.js';
import { useMetrics, useMetricsStatus } from './useMetrics.js';

/** The metrics columns for a pane of `kindId` (undefined for other kinds or without a source). */
export function usePaneMetrics(
  metrics: MetricsSource | undefined,
  kindId: string | undefined,
  namespace: string | undefined,
  columns: readonly Column[],
  plain: boolean,
  /** For a pods pane: which pods to ask about (useMetricsPage); undefined asks for none. No default:
   *  a default would turn "still loading, ask for none" into "ask for every pod". */
  page: MetricsPage,
): ExtraColumns | undefined {
  const target = metrics ? metricsTarget(kindId) : undefined;
  const scope = useMemo<MetricsScope | undefined>(() => {
    if (target === 'nodes') return { target };
    if (target !== 'pods' || page === undefined) return undefined;
    return page === 'all' ? { target, namespace } : { target, namespace, pods: page.keys, newPods: page.fresh };
  }, [target, namespace, page]);
  const snapshot = useMetrics(metrics, scope);
  // Only node and pod panes follow the engine; other panes do not re-render on its refreshes.
  const status = useMetricsStatus(target ? metrics : undefined);
  return useMemo(
    () => (target ? metricsExtra(target, columns, snapshot, status, plain) : undefined),
    [target, columns, snapshot, status, plain],
  );
}

/** `m` on a row: the metrics view for a node or pod, or a one-line reason why not. */
export function openMetrics(metrics: MetricsSource | undefined, kindId: string | undefined, item: RowItem | undefined, dispatch: Dispatch<Action>): void {
  const target = metricsTarget(kindId);
  if (!target) {
    dispatch({ type: 'flash', text: `metrics are shown for nodes and pods, not ${kindId ?? 'this view'}`, level: 'info' });
    return;
  }
  if (!metrics) {
    dispatch({ type: 'flash', text: 'metrics are off: kt was started without a metrics source', level: 'error' });
    return;
  }
  if (!item) return;
  dispatch({ type: 'openMetrics', view: { target, key: item.row.key, capacity: capacityOf(target, item.obj) } });
}
