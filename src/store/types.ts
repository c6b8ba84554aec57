import type { KubeObject, WatchKey, WatchStatus } from '../kube/types.js';

/** An immutable view of one watched collection; a new object whenever anything in it changed. */
export interface ResourceSnapshot {
  key: WatchKey;
  items: readonly KubeObject[];
  /** Increases on every change; views memoise on it. */
  version: number;
  status: WatchStatus;
  /**
   * Optional hint for incremental consumers: `items` is `base` without `removed` plus `added` (a
   * modified object appears in both). Absent after a relist or a large change: recompute then.
   */
  changes?: SnapshotChanges;
}

export interface SnapshotChanges {
  /** The items array of the snapshot this one was derived from. */
  base: readonly KubeObject[];
  removed: readonly KubeObject[];
  added: readonly KubeObject[];
}

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'unauthorized' | 'forbidden' | 'error' | 'stale' | 'no-answer';

/** The context's connection as the header and pane titles draw it (see store/connection.ts). */
export interface ConnectionStatus {
  state: ConnectionState;
  /** Why: "connect ECONNREFUSED 127.0.0.1:6443", the forbidden or unauthorized message. */
  reason?: string;
  /** reconnecting: the number of the retry to come and when it is due (epoch ms). */
  attempt?: number;
  retryAt?: number;
  /** The rows on screen are no longer known current since then (epoch ms). */
  staleSince?: number;
  /** no-answer: the server (host:port) and since when a request has waited for it (epoch ms). */
  server?: string;
  since?: number;
}

/**
 * What the UI reads. The real one is fed by supervised list+watch informers; tests inject fakes.
 * acquire/release is reference-counted: a watch runs while at least one pane holds it.
 */
export interface DataSource {
  acquire(key: WatchKey): () => void;
  snapshot(key: WatchKey): ResourceSnapshot;
  connection(): ConnectionStatus;
  /** Called at most once per coalescing interval (100-250 ms) however many events arrived. */
  subscribe(listener: () => void): () => void;
}
