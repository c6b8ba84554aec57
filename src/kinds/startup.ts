// Discovery for a session: the session's client asking for aggregated discovery, the disk cache of
// the session's cluster, and the registry as the place the kinds go.
import type { KubeClient } from '../kube/client.js';
import type { LoadedKubeconfig } from '../kube/kubeconfig.js';
import { AGGREGATED_ACCEPT } from './discovery.js';
import { cacheDir, discoveryCacheFile } from './discovery-cache.js';
import { createDiscoveryService, type DiscoveryService } from './discovery-service.js';
import { registry } from './registry.js';

export function sessionDiscovery(loaded: Pick<LoadedKubeconfig, 'server'>, client: KubeClient): DiscoveryService & { close(): void } {
  const discoveryClient = client.withAccept(AGGREGATED_ACCEPT);
  const service = createDiscoveryService({
    discoveryClient,
    client,
    server: loaded.server,
    cacheFile: discoveryCacheFile(cacheDir(), loaded.server),
    apply: (specs) => registry.setDiscovered(specs),
    onAnswered: () => registry.markAnswered(),
  });
  return {
    ...service,
    close: () => service.dispose(),
  };
}
