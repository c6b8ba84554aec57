import type { KubeObject } from '../kube/types.js';

/** One column of kubectl's `get -o wide` table for a kind. */
export interface Column {
  /** kubectl's header text, exactly (e.g. "NOMINATED NODE"). */
  name: string;
  /** Extra columns that kubectl shows only with -o wide. */
  wide?: boolean;
  align?: 'left' | 'right';
  /** Lower numbers are dropped first when the terminal is narrow; NAME is never dropped. */
  priority?: number;
  /** Columns kt adds beyond kubectl (e.g. node TAINTS, PODS) are flagged so the kubectl test skips them. */
  ktOnly?: boolean;
}

export type Health = 'ok' | 'warn' | 'error' | 'pending' | 'deleting';

export interface Row {
  /** Stable identity: "namespace/name" or "name". */
  key: string;
  /** Cells in column order, the same strings kubectl prints. */
  cells: string[];
  health: Health;
  /**
   * Values used by k9s-style sort keys. `since` is the epoch ms an age counts from (creation; an
   * event's last seen): a later instant is younger. It does not depend on the clock, so rows
   * rendered at different moments still sort together.
   */
  sort: { name: string; namespace: string; since: number; status: string };
}

/** Facts a renderer may need beyond the object itself. */
export interface RenderContext {
  now: number;
  /** Pods per node name, for the node PODS column. */
  podCountByNode?: ReadonlyMap<string, number>;
  /** Whether a NAMESPACE column is shown (all-namespaces mode), like `kubectl get -A`. */
  allNamespaces: boolean;
  /**
   * false = plain `kubectl get` (no -o wide). Only changes the cells kubectl abbreviates without
   * -o wide (a Service's LoadBalancer EXTERNAL-IP, cut to 16 characters). Default: as -o wide.
   */
  wide?: boolean;
}

export interface Renderer {
  /** kubectl's `-o wide` columns without NAMESPACE; use columnsFor() for the list matching render(). */
  columns: Column[];
  /** Cluster-scoped kinds (nodes, namespaces) never get a NAMESPACE column, even with allNamespaces. */
  clusterScoped?: boolean;
  render(obj: KubeObject, ctx: RenderContext): Row;
}
