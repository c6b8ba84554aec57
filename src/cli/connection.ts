// One context's connection: its kubeconfig view, data source, metrics, discovery and header
// session. kt starts with one and `:ctx` swaps it for another without a restart; the kubeconfig
// file is only read, never written (kubectl's use-context writes it; kt does not).
import { homedir } from 'node:os';
import type { CliArgs } from './args.js';
import type { Deps, LoadedKubeconfig } from './deps.js';
import { fetchServerVersion } from './server-version.js';
import type { ContextChoice, SessionInfo } from '../app/types.js';
import type { PrefsStore } from '../config/types.js';
import { registry } from '../kinds/registry.js';
import { sessionDiscovery } from '../kinds/startup.js';
import { resolveMetricsSettings, startMetrics } from '../metrics/settings.js';
import type { MetricsEngine } from '../metrics/engine.js';
import type { KubeSource } from '../store/create-source.js';

export interface Connection {
  loaded: LoadedKubeconfig;
  session: SessionInfo;
  source: KubeSource;
  metrics: MetricsEngine;
  serverVersion: Promise<string | undefined>;
  /** Starts what waits for the first frame (discovery from the server). */
  start(): void;
  dispose(): void;
}

/** The kubeconfig's contexts in file order. */
export function contextRows(loaded: LoadedKubeconfig): ContextChoice[] {
  return loaded.kc.getContexts().map((c) => ({ name: c.name, cluster: c.cluster, authInfo: c.user, namespace: c.namespace ?? '' }));
}

/** Until kt remembers a namespace for this context, start in the one its kubeconfig names. */
export function withContextNamespace(store: PrefsStore, context: string, namespace: string | undefined): PrefsStore {
  if (!namespace) return store;
  return {
    get(name) {
      const prefs = store.get(name);
      return name === context && prefs.namespace === undefined ? { ...prefs, namespace } : prefs;
    },
    set: (name, patch) => store.set(name, patch),
  };
}

/**
 * Connects to one context of the kubeconfig (loadKubeconfig throws a KubeconfigError for an unknown
 * one). Nothing here waits for the server: an unreachable cluster shows in the panes and the header.
 */
export function connect(deps: Deps, args: CliArgs, prefs: PrefsStore, loaded: LoadedKubeconfig): Connection {
  const metricsSettings = resolveMetricsSettings(args, prefs.get(loaded.contextName).prometheus);
  // Credentials rewritten under kt (a rotated token) are read again on the next 401.
  const reload = () => deps.loadKubeconfig({ kubeconfig: args.kubeconfig, context: loaded.contextName, env: process.env, home: homedir() }).kc;
  const source = deps.createSource(loaded, { requestTimeoutMs: args.requestTimeoutMs, reload });
  // The kinds of this cluster: none of the last one's, this one's disk cache at once.
  registry.beginSession();
  const discovery = sessionDiscovery(loaded, source.client);
  discovery.loadCache();
  const metrics = startMetrics(metricsSettings, source.client);
  return {
    loaded,
    session: { context: loaded.contextName, cluster: loaded.clusterName, user: loaded.userName, server: loaded.server },
    source,
    metrics,
    serverVersion: fetchServerVersion(source.client),
    start: () => discovery.start(),
    dispose() {
      metrics.dispose();
      discovery.close();
      source.dispose();
    },
  };
}
