// The CPU and memory columns of the node and pod panes, like `kubectl top`: usage, % of the
// node's allocatable (% of the pod's limit, "/L", as k9s), and a CPU sparkline of the last
// refreshes. They go before the first -o wide column; narrow terminals drop the sparkline and the
// percentages before the usage. Cells show `–` whenever the engine has no numbers.
import { capacityOf, type Capacity, type MetricsTarget } from '../metrics/capacity.js';
import type { Pressure } from '../metrics/format.js';
import { formatCpu, formatMem, formatPercent, NO_VALUE, percentOf, pressure } from '../metrics/format.js';
import { sparkline } from '../metrics/sparkline.js';
import type { MetricsSnapshot, MetricsStatus, Usage } from '../metrics/types.js';
import type { Column } from '../render/types.js';
import type { ExtraCell, ExtraColumns } from './extra-columns.js';
import { theme } from './theme.js';

/** Samples in the sparkline column. */
export const TREND_WIDTH = 10;

const PRIORITY = { usage: 60, mem: 58, percent: 45, memPercent: 44, trend: 40, limitPercent: 26 } as const;

function columnsOf(target: MetricsTarget): readonly Column[] {
  const pct = target === 'nodes' ? { cpu: '%CPU', mem: '%MEM', p: PRIORITY.percent } : { cpu: '%CPU/L', mem: '%MEM/L', p: PRIORITY.limitPercent };
  return [
    { name: 'CPU', align: 'right', priority: PRIORITY.usage, ktOnly: true },
    { name: pct.cpu, align: 'right', priority: pct.p, ktOnly: true },
    { name: 'MEM', align: 'right', priority: PRIORITY.mem, ktOnly: true },
    { name: pct.mem, align: 'right', priority: pct.p - 1, ktOnly: true },
    { name: 'CPU TREND', priority: PRIORITY.trend, ktOnly: true },
  ];
}

export const METRICS_COLUMNS: Record<MetricsTarget, readonly Column[]> = { nodes: columnsOf('nodes'), pods: columnsOf('pods') };

/** Before the first -o wide column, or at the end. */
export function metricsInsertAt(base: readonly Column[]): number {
  const at = base.findIndex((c) => c.wide);
  return at < 0 ? base.length : at;
}

export const PRESSURE_COLOUR: Record<Pressure, string | undefined> = { ok: undefined, high: theme.warning, over: theme.error };

/** Whether the numbers can be trusted: the engine is up (or refreshing with numbers in hand). */
export function metricsAvailable(status: MetricsStatus | undefined): boolean {
  return status?.state === 'ok' || status?.state === 'loading';
}

const BLANK: readonly ExtraCell[] = columnsOf('pods').map(() => ({ text: NO_VALUE }));

/** The five cells of one row. */
export function usageCells(usage: Usage | undefined, capacity: Capacity, plain: boolean): readonly ExtraCell[] {
  if (!usage || (usage.cpu === undefined && usage.mem === undefined)) return BLANK;
  const cpuPct = percentOf(usage.cpu, capacity.cpu);
  const memPct = percentOf(usage.mem, capacity.mem);
  const noLimit = capacity.label === 'limit' ? 'n/a' : NO_VALUE;
  const cpuColour = plain ? undefined : PRESSURE_COLOUR[pressure(cpuPct)];
  const memColour = plain ? undefined : PRESSURE_COLOUR[pressure(memPct)];
  return [
    { text: formatCpu(usage.cpu), colour: cpuColour },
    { text: capacity.cpu === undefined ? noLimit : formatPercent(cpuPct), colour: cpuColour },
    { text: formatMem(usage.mem), colour: memColour },
    { text: capacity.mem === undefined ? noLimit : formatPercent(memPct), colour: memColour },
    { text: usage.cpuHistory.length > 0 ? sparkline(usage.cpuHistory, TREND_WIDTH) : NO_VALUE },
  ];
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
    cells: (item) => (up ? usageCells(snapshot.usage.get(item.row.key), capacityOf(target, item.obj), plain) : BLANK),
  };
}
