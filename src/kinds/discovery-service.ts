// Keeps the registry in step with what the server serves: the disk cache at once, the server's
// discovery in the background (never on the first frame's path), and again whenever a
// CustomResourceDefinition is added, changed or removed (a watch on CRDs), so a new CRD opens
// within seconds.
import type { KubeClient, WatchHandle } from '../kube/client.js';
import { discoverResources, specFromDiscovery, type DiscoveredResource } from './discovery.js';
import { readDiscoveryCache, writeDiscoveryCache } from './discovery-cache.js';
import type { KindSpec } from './types.js';

const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

export interface DiscoveryServiceOptions {
  /** Sends AGGREGATED_ACCEPT. */
  discoveryClient: KubeClient;
  /** Watches CRDs. */
  client: KubeClient;
  server: string;
  cacheFile?: string;
  apply(specs: KindSpec[]): void;
  /** CRD events within this window make one refresh. */
  debounceMs?: number;
  /** Wait before re-watching CRDs after the watch ended or failed. */
  retryMs?: number;
  onError?(message: string): void;
  /** After each answer from the server, or failure to get one. */
  onAnswered?(): void;
}

export interface DiscoveryService {
  /** Applies the disk cache, if any (synchronous, small); true when it had one. */
  loadCache(): boolean;
  /** Asks the server now; concurrent calls share one request. */
  refresh(): Promise<void>;
  /** refresh() and the CRD watch, in the background. */
  start(): void;
  dispose(): void;
}

export function createDiscoveryService(options: DiscoveryServiceOptions): DiscoveryService {
  const debounceMs = options.debounceMs ?? 300;
  const retryMs = options.retryMs ?? 5_000;
  let inFlight: Promise<void> | undefined;
  let again = false;
  let disposed = false;
  let watch: WatchHandle | undefined;
  let timer: NodeJS.Timeout | undefined;
  /** What was applied last, so an answer that changes nothing re-renders nothing. */
  let applied = '';

  const apply = (resources: DiscoveredResource[]) => {
    const text = JSON.stringify(resources);
    if (text === applied) return false;
    applied = text;
    options.apply(resources.map(specFromDiscovery));
    return true;
  };

  async function fetchOnce(): Promise<void> {
    try {
      const resources = await discoverResources(options.discoveryClient);
      if (disposed) return;
      if (apply(resources) && options.cacheFile) writeDiscoveryCache(options.cacheFile, options.server, resources);
    } catch (err) {
      options.onError?.(`discovery failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!disposed) options.onAnswered?.();
  }

  function refresh(): Promise<void> {
    if (inFlight) {
      // A CRD changed while a request was out: its answer may predate the change.
      again = true;
      return inFlight;
    }
    inFlight = fetchOnce().finally(() => {
      inFlight = undefined;
      if (again && !disposed) {
        again = false;
        void refresh();
      }
    });
    return inFlight;
  }

  function schedule(fn: () => void, ms: number): void {
    clearTimeout(timer);
    if (!disposed) timer = setTimeout(fn, ms);
  }

  async function watchCrds(): Promise<void> {
    let resourceVersion: string;
    try {
      resourceVersion = (await options.client.list(CRDS, { limit: 1 })).resourceVersion;
    } catch {
      // Forbidden or unreachable: kinds stay as discovered; try again later.
      schedule(() => void watchCrds(), retryMs * 6);
      return;
    }
    if (disposed) return;
    watch = options.client.watch(
      CRDS,
      { resourceVersion, allowWatchBookmarks: true },
      (...[type]) => {
        if (type !== 'BOOKMARK') schedule(() => void refresh(), debounceMs);
      },
      () => {
        // Events may have been missed while it was down: discover again, then watch from now.
        watch = undefined;
        schedule(() => {
          void refresh();
          void watchCrds();
        }, retryMs);
      },
    );
  }

  return {
    loadCache() {
      const cached = options.cacheFile ? readDiscoveryCache(options.cacheFile, options.server) : undefined;
      if (cached) apply(cached);
      return cached !== undefined;
    },
    refresh,
    start() {
      void refresh();
      void watchCrds();
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
      watch?.abort();
    },
  };
}
