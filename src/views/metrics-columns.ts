// The metrics columns of the node and pod panes, as each metric's descriptor lists them (CPU and
// MEM like `kubectl top`, their % of the node's allocatable or of the pod's limit, a CPU sparkline,
// restarts over the last hour). They go before the first -o wide column; narrow terminals drop
// them by priority. Cells show `–` whenever the engine has no numbers.
import { capacityOf, type Capacity } from '../metrics/capacity.js';
import { PANE_COLUMNS, type PlacedColumn } from '../metrics/catalog.js';
import { NO_VALUE } from '../metrics/format.js';
import type { MetricsTarget, Usage } from '../metrics/metric.js';
import { sparkline } from '../metrics/sparkline.js';
import { metricsAvailable, standing, type Pressure } from '../metrics/standing.js';
import type { MetricsSnapshot, MetricsStatus } from '../metrics/types.js';
import type { Column } from '../render/types.js';
import type { ExtraCell, ExtraColumns } from './extra-columns.js';
import { theme } from './theme.js';

/** Samples in a sparkline column. */
export const TREND_WIDTH = 10;

function toColumn({ column }: PlacedColumn): Column {
  const align = column.shows === 'trend' ? {} : { align: 'right' as const };
  return { name: column.name, ...align, priority: column.priority, ktOnly: true };
}

export const METRICS_COLUMNS: Record<MetricsTarget, readonly Column[]> = {
  nodes: PANE_COLUMNS.nodes.map(toColumn),
  pods: PANE_COLUMNS.pods.map(toColumn),
};

/** Before the first -o wide column, or at the end. */
export function metricsInsertAt(base: readonly Column[]): number {
  const at = base.findIndex((c) => c.wide);
  return at < 0 ? base.length : at;
}

export const PRESSURE_COLOUR: Record<Pressure, string | undefined> = { ok: undefined, high: theme.warning, over: theme.error };

const BLANK: Record<MetricsTarget, readonly ExtraCell[]> = {
  nodes: PANE_COLUMNS.nodes.map(() => ({ text: NO_VALUE })),
  pods: PANE_COLUMNS.pods.map(() => ({ text: NO_VALUE })),
};

function cell({ metric, column }: PlacedColumn, usage: Usage, capacity: Capacity, plain: boolean): ExtraCell {
  const reading = usage[metric.id];
  if (column.shows === 'trend') return { text: reading?.history.length ? sparkline(reading.history, TREND_WIDTH) : NO_VALUE };
  const value = reading?.value;
  const s = standing(metric, value, capacity);
  const colour = plain ? undefined : PRESSURE_COLOUR[s.pressure];
  if (column.shows === 'percent') return { text: s.text, colour };
  return { text: value === undefined ? NO_VALUE : metric.format(value), colour };
}

/** The metric cells of one row of a node or pod pane. */
export function usageCells(target: MetricsTarget, usage: Usage | undefined, capacity: Capacity, plain: boolean): readonly ExtraCell[] {
  if (!usage || !Object.values(usage).some((r) => r?.value !== undefined)) return BLANK[target];
  return PANE_COLUMNS[target].map((placed) => cell(placed, usage, capacity, plain));
}

/** The extra columns for a node or pod pane, reading the snapshot only for the rows on screen. */
export function metricsExtra(
  target: MetricsTarget,
  base: readonly Column[],
  snapshot: MetricsSnapshot | undefined,
  status: MetricsStatus | undefined,
  plain: boolean,
): ExtraColumns {
  const up = metricsAvailable(status) && snapshot !== undefined;
  return {
    at: metricsInsertAt(base),
    columns: METRICS_COLUMNS[target],
    cells: (item) => (up ? usageCells(target, snapshot.usage.get(item.row.key), capacityOf(target, item.obj), plain) : BLANK[target]),
  };
}
