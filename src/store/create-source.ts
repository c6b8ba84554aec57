// Builds the real DataSource from a loaded kubeconfig: one KubeClient, one Informer per watched
// collection, resolved to API paths through the kind registry.
import { createKubeClient, type KubeClient, type KubeClientOptions } from '../kube/client.js';
import { ClusterHistory } from '../kube/cluster-history.js';
import { Informer, type InformerTiming, type WatchTarget } from '../kube/informer.js';
import type { LoadedKubeconfig } from '../kube/kubeconfig.js';
import type { WebSocketDialer } from '../kube/websocket.js';
import type { TextStreamer } from '../kube/text-stream.js';
import { apiPath, findKind } from '../kinds/registry.js';
import { serverTableClient } from '../kinds/server-table.js';
import type { WatchKey, WatchStatus } from '../kube/types.js';
import { startLiveness } from '../kube/health.js';
import { ResourceStore, type ResourceStoreOptions, type Watcher } from './resource-store.js';

export interface SourceOptions {
  /** --request-timeout in ms for lists and actions (not watches); 0/undefined = none. */
  requestTimeoutMs?: number;
  coalesceMs?: number;
  lingerMs?: number;
  informer?: InformerTiming;
  /** Reads the kubeconfig again on a 401 (see KubeClientOptions.reload). */
  reload?: KubeClientOptions['reload'];
  /** Key → API path; defaults to the kind registry. */
  resolve?: (key: WatchKey) => WatchTarget | undefined;
  /** Lists and watches the kinds without a hand-written renderer (the server's Table format). */
  tableClient?: KubeClient;
  /** "The server answers again" (ConnectionHealth.onRecovered): watches waiting to retry try at once. */
  recovered?: (listener: () => void) => () => void;
}

/** The store plus the client it watches through (actions use client.request; log views its streams). */
export type KubeSource = ResourceStore & { readonly client: KubeClient; readonly streamer?: TextStreamer; readonly dialer?: WebSocketDialer };

export function createDataSource(loaded: Pick<LoadedKubeconfig, 'kc'>, options: SourceOptions = {}): KubeSource {
  const client = createKubeClient(loaded.kc, { requestTimeoutMs: options.requestTimeoutMs, reload: options.reload });
  const tableClient = serverTableClient(client);
  const recovered = (listener: () => void) => client.health.onRecovered(listener);
  const source = createStoreForClient(client, { tableClient, recovered, ...options, health: client.health });
  const stopLiveness = startLiveness(client.health, () => client.ping());
  const dispose = source.dispose.bind(source);
  return Object.assign(source, {
    streamer: client,
    dialer: client,
    dispose() {
      stopLiveness();
      dispose();
    },
  });
}

export function createStoreForClient(client: KubeClient, options: SourceOptions & Pick<ResourceStoreOptions, 'health'> = {}): KubeSource {
  const resolve = options.resolve ?? watchTarget;
  const history = new ClusterHistory(); // one API server, one etcd revision counter
  const store = new ResourceStore({
    // At most 4 redraws a second from watch events under churn (each Ink frame costs ~10-40 ms of
    // CPU here); a change after a quiet spell still shows on the next turn (see ResourceStore).
    coalesceMs: options.coalesceMs ?? 250,
    lingerMs: options.lingerMs,
    health: options.health,
    createWatcher(key, onChange) {
      const target = resolve(key);
      if (!target) return failedWatcher(`unknown resource kind "${key.kind}"`);
      const served = options.tableClient && !findKind(key.kind)?.renderer ? options.tableClient : client;
      return new Informer({ ...options.informer, client: served, key, target, onChange, history, recovered: options.recovered });
    },
  });
  return Object.assign(store, { client });
}

/** Where a key is served, from the registry; undefined for an unknown kind. */
export function watchTarget(key: WatchKey): WatchTarget | undefined {
  const spec = findKind(key.kind);
  if (!spec) return undefined;
  const namespace = spec.namespaced && key.namespace ? key.namespace : undefined;
  return { path: apiPath(spec, namespace), plural: spec.plural, namespace };
}

function failedWatcher(message: string): Watcher {
  const status: WatchStatus = { state: 'error', message, stale: false };
  return { items: new Map(), status, start() {}, stop() {} };
}
