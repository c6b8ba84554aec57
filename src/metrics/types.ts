// The contract between the metrics engine (Prometheus discovery, batched PromQL, refresh) and the
// views. Like DataSource: panes acquire a subject, read immutable snapshots, and are told when to redraw.
import type { Allocatable } from './allocatable.js';
import type { Usage } from './metric.js';

/** What a pane shows metrics for (its subject: the nodes, or the pods of a namespace or a page). */
export interface MetricsSubject {
  target: 'pods' | 'nodes';
  /** For pods: the namespace, or undefined for all namespaces. Ignored for nodes. */
  namespace?: string;
  /**
   * For pods: only these ("namespace/name"), the rows around the screen of a large pane, so the
   * work per refresh follows the screen, not the cluster. Undefined = every pod in the subject.
   */
  pods?: readonly string[];
  /**
   * Of `pods`, those created too recently to have a history (churn at the top of a table). They
   * do not count as unknown when the engine decides whether a new page loads history.
   */
  newPods?: readonly string[];
}

export type { Reading, Usage } from './metric.js';

export interface MetricsSnapshot {
  subject: MetricsSubject;
  /** Keyed like rows: "namespace/name" for pods, the node name for nodes. */
  usage: ReadonlyMap<string, Usage>;
  /** Increases on every change; views memoise on it. */
  version: number;
}

export interface MetricsStatus {
  state: 'none' | 'loading' | 'ok' | 'error';
  /** Where the numbers come from: "monitoring/prometheus-k8s:web (API proxy)" or a URL. */
  source?: string;
  /** One line: why there are no metrics ("no Prometheus found", "HTTP 503 from …"). */
  reason?: string;
}

/** Whole-cluster usage for the header sparklines. */
export interface ClusterUsage {
  /** Every node metric summed over the nodes, point by point for the history. */
  totals: Usage;
  /** Sum of the nodes' allocatable, when known. */
  allocatable: Allocatable;
}

export type RangeName = '15m' | '1h' | '6h';

/** [unix seconds, value] samples, oldest first. */
export type Samples = readonly (readonly [number, number])[];

/** What the `m` metrics view charts for one pod or node. */
export interface RangeResult {
  /** By metric id: those charted that have a query for the pod or the node's exporter family. */
  samples: Readonly<Record<string, Samples>>;
}

export interface MetricsSource {
  /** Starts refreshing a subject (reference-counted); the returned function releases it. */
  acquire(subject: MetricsSubject): () => void;
  snapshot(subject: MetricsSubject): MetricsSnapshot;
  cluster(): ClusterUsage;
  status(): MetricsStatus;
  /** Called after each refresh that changed something, and on status changes. */
  subscribe(listener: () => void): () => void;
  /** History of one pod ("ns/name") or node for the metrics view. Never throws. */
  range(target: MetricsSubject['target'], key: string, range: RangeName): Promise<RangeResult | { error: string }>;
  /** The Prometheus instances found, for `:prom`; select() switches to one of them. */
  candidates(): readonly string[];
  select(source: string): void;
  dispose(): void;
}

/** Per-context Prometheus settings in kt's config file (contexts.<name>.prometheus). */
export interface PrometheusPrefs {
  /** http(s) URL of Prometheus; unset = discover it in the cluster. */
  url?: string;
  /** File holding a bearer token for `url`. */
  tokenFile?: string;
  /** Refresh period as a duration, e.g. "15s". */
  interval?: string;
}
