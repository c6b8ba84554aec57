// The metrics kt knows, in chart order, and what each subject asks of them: the one list a new
// metric is added to (its descriptor file holds the rest).
import { cpu } from './descriptors/cpu.js';
import { memory } from './descriptors/memory.js';
import { netReceive, netTransmit } from './descriptors/network.js';
import { restarts } from './descriptors/restarts.js';
import type { MetricColumn, MetricDescriptor, MetricsTarget, PodSelection } from './metric.js';
import type { NodeFamily, QueryOptions } from './promql.js';
import type { MetricsSubject } from './types.js';

export const METRICS: readonly MetricDescriptor[] = [cpu, memory, restarts, netReceive, netTransmit];

/** A metric's query for pods or for nodes of `family`; undefined when it has none. */
export function queryOf(
  metric: MetricDescriptor,
  target: MetricsTarget,
  family: NodeFamily,
  opts: QueryOptions,
  only: { pods?: PodSelection; node?: string } = {},
): string | undefined {
  if (target === 'pods') return metric.queries.pods?.(only.pods ?? {}, opts);
  return metric.queries.nodes?.[family]?.(opts, only.node);
}

/** [metric id, query] for each metric a refresh of `subject` reads: those with columns there, and the header's. */
export function subjectQueries(subject: MetricsSubject, family: NodeFamily, opts: QueryOptions): [string, string][] {
  const pods: PodSelection = { namespace: subject.namespace, page: subject.pods };
  const out: [string, string][] = [];
  for (const m of METRICS) {
    if (!m.columns?.[subject.target] && !(m.header && subject.target === 'nodes')) continue;
    const query = queryOf(m, subject.target, family, opts, { pods });
    if (query !== undefined) out.push([m.id, query]);
  }
  return out;
}

/** The metrics `m` charts for a pod or node. */
export function chartedMetrics(target: MetricsTarget): MetricDescriptor[] {
  return METRICS.filter((m) => m.chart !== undefined && (target === 'pods' ? m.queries.pods : m.queries.nodes) !== undefined);
}

export interface PlacedColumn {
  metric: MetricDescriptor;
  column: MetricColumn;
}

function place(target: MetricsTarget): readonly PlacedColumn[] {
  return METRICS.flatMap((metric) => (metric.columns?.[target] ?? []).map((column) => ({ metric, column }))).sort(
    (a, b) => a.column.order - b.column.order,
  );
}

/** Every metric column of a node or pod pane, in order. */
export const PANE_COLUMNS: Readonly<Record<MetricsTarget, readonly PlacedColumn[]>> = { nodes: place('nodes'), pods: place('pods') };

/** The metrics on the header's line (summed over the nodes). */
export const HEADER_METRICS: readonly MetricDescriptor[] = METRICS.filter((m) => m.header);
