// Discovery for a session: its own client (aggregated discovery's Accept), the disk cache of the
// session's cluster, and the registry as the place the kinds go.
import { createKubeClient, type KubeClient } from '../kube/client.js';
import type { LoadedKubeconfig } from '../kube/kubeconfig.js';
import { AGGREGATED_ACCEPT } from './discovery.js';
import { cacheDir, discoveryCacheFile } from './discovery-cache.js';
import { createDiscoveryService, type DiscoveryService } from './discovery-service.js';
import { registry } from './registry.js';

export function sessionDiscovery(loaded: Pick<LoadedKubeconfig, 'kc' | 'server'>, client: KubeClient, requestTimeoutMs?: number): DiscoveryService & { close(): void } {
  const discoveryClient = createKubeClient(loaded.kc, { requestTimeoutMs, accept: AGGREGATED_ACCEPT, userAgent: 'kt' });
  const service = createDiscoveryService({
    discoveryClient,
    client,
    server: loaded.server,
    cacheFile: discoveryCacheFile(cacheDir(), loaded.server),
    apply: (specs) => registry.setDiscovered(specs),
  });
  return {
    ...service,
    close() {
      service.dispose();
      discoveryClient.close();
    },
  };
}
