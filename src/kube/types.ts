// Shapes shared by the data layer. Objects are kept as the API server's raw JSON
// (timestamps are RFC 3339 strings), with metadata.managedFields stripped.

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  managedFields?: unknown[];
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  // Kind-specific fields (spec, status, and for events type/reason/...) are read by renderers.
  [field: string]: unknown;
}

/** Identifies one watched collection: a kind, in one namespace or all (namespace undefined). */
export interface WatchKey {
  kind: string; // registry id, e.g. "pods"
  namespace?: string; // undefined = all namespaces, or a cluster-scoped kind
  labelSelector?: string;
  fieldSelector?: string;
}

export type WatchState = 'loading' | 'live' | 'reconnecting' | 'unauthorized' | 'forbidden' | 'error';

export interface WatchStatus {
  state: WatchState;
  /** One human line: why it is reconnecting, or the forbidden/error message. */
  message?: string;
  /** True while the data shown may be out of date (after a disconnect, before relist). */
  stale: boolean;
  /** Epoch ms of the last successful list or event. */
  lastSync?: number;
  /** While stale: epoch ms since the items are no longer known current. */
  staleSince?: number;
  /** After a failure: the number of the retry to come (1 = the first) and when it is due (epoch ms). */
  attempt?: number;
  retryAt?: number;
}

export function watchKeyId(key: WatchKey): string {
  return [key.kind, key.namespace ?? '*', key.labelSelector ?? '', key.fieldSelector ?? ''].join('|');
}

export function objectKey(obj: KubeObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name;
}
