// A metric as data: what kt asks Prometheus for pods and for nodes, how it prints the number, what
// the number is measured against, and where it shows (pane columns, `m` charts, the header). The
// engine, the history, the columns and the charts work from these descriptors and name no metric.
import type { NodeFamily, QueryOptions } from './promql.js';

/** The kinds that have metrics: a node pane or a pod pane. */
export type MetricsTarget = 'pods' | 'nodes';

/** The resources a value can be a share of: the node's allocatable, the pod's limit. */
export type CapacityResource = 'cpu' | 'memory';

/** Which pods one query covers. */
export interface PodSelection {
  /** Undefined = all namespaces. */
  namespace?: string;
  /** One pod (the `m` charts). */
  pod?: string;
  /** A page of "namespace/name" keys (the rows around a large pane's screen). */
  page?: readonly string[];
}

export interface MetricColumn {
  /** The header. */
  name: string;
  /** The latest value, its share of the capacity, or a sparkline of the last refreshes. */
  shows: 'value' | 'percent' | 'trend';
  /** As render/types.ts Column.priority: lower is dropped first when the terminal is narrow. */
  priority: number;
  /** Position among every metric's columns: they interleave (CPU %CPU MEM %MEM CPU TREND). */
  order: number;
}

export type ChartColour = 'cyan' | 'magenta' | 'green' | 'blue' | 'yellow';

export interface MetricDescriptor {
  /** The key of its readings in a Usage and of its samples in a range answer. */
  id: string;
  /** In the `m` charts ("CPU", "NET RX"); lower-cased in the header. */
  label: string;
  queries: {
    /** Grouped by (namespace, pod). Absent: not measured for pods. */
    pods?: (pods: PodSelection, opts: QueryOptions) => string;
    /**
     * Grouped by (node), per node exporter family; `node` narrows to one node where the family
     * can (the caller keeps only that node's series). A family absent here has no such series.
     */
    nodes?: Partial<Record<NodeFamily, (opts: QueryOptions, node?: string) => string>>;
  };
  /** A cell's text, as `kubectl top` prints it where it has the number ("250m", "512Mi"). */
  format: (value: number) => string;
  /** A chart's axis labels: rounded evenly. */
  axis: (value: number) => string;
  /** Measured against this resource of the node's allocatable and of the pod's limit. */
  capacity?: CapacityResource;
  /** Its columns in node and pod panes; refreshed with the pane when it has any. */
  columns?: Partial<Record<MetricsTarget, readonly MetricColumn[]>>;
  /**
   * Charted in `m` (for the targets it has queries for): its line's colour, and the title of the
   * chart it shares with the metrics of the same group (network's receive and transmit).
   */
  chart?: { colour: ChartColour; group?: string };
  /** Summed over the nodes on the header's metrics line. */
  header?: boolean;
}

/** One metric of one pod or node: the latest sample, and one value per refresh step for sparklines. */
export interface Reading {
  /** Undefined when the last answer had no sample (history may still be known). */
  value?: number;
  /** Oldest first. */
  history: readonly number[];
}

/** Current usage and recent history of one pod or node, by metric id. */
export type Usage = Readonly<Record<string, Reading | undefined>>;
