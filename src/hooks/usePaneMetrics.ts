// The metrics side of a node or pod pane: the usage snapshot for the rows around the screen (the
// view merges its columns at draw time), and what `m` opens for the row under the cursor.
import { useMemo, type Dispatch } from 'react';
import type { AppEvent } from '../app/reducer.js';
import type { MetricsSubject, MetricsSnapshot, MetricsSource, MetricsStatus } from '../metrics/types.js';
import type { RowItem } from '../store/select.js';
import { capacityOf, metricsTarget, type MetricsTarget } from '../metrics/capacity.js';
import type { MetricsPage } from './useMetricsPage.js';
import { useMetrics, useMetricsStatus } from './useMetrics.js';

export interface PaneMetrics {
  target: MetricsTarget;
  snapshot: MetricsSnapshot | undefined;
  status: MetricsStatus | undefined;
}

/** The usage for a pane of `kindId` (undefined for other kinds or without a source). */
export function usePaneMetrics(
  metrics: MetricsSource | undefined,
  kindId: string | undefined,
  namespace: string | undefined,
  /** For a pods pane: which pods to ask about (useMetricsPage); undefined asks for none. No default:
   *  a default would turn "still loading, ask for none" into "ask for every pod". */
  page: MetricsPage,
): PaneMetrics | undefined {
  const target = metrics ? metricsTarget(kindId) : undefined;
  const subject = useMemo<MetricsSubject | undefined>(() => {
    if (target === 'nodes') return { target };
    if (target !== 'pods' || page === undefined) return undefined;
    return page === 'all' ? { target, namespace } : { target, namespace, pods: page.keys, newPods: page.fresh };
  }, [target, namespace, page]);
  const snapshot = useMetrics(metrics, subject);
  // Only node and pod panes follow the engine; other panes do not re-render on its refreshes.
  const status = useMetricsStatus(target ? metrics : undefined);
  return useMemo(() => (target ? { target, snapshot, status } : undefined), [target, snapshot, status]);
}

/** `m` on a row: the metrics view for a node or pod, or a one-line reason why not. */
export function openMetrics(metrics: MetricsSource | undefined, kindId: string | undefined, item: RowItem | undefined, dispatch: Dispatch<AppEvent>): void {
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
