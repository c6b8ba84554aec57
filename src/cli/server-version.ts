// The API server's version for the header, fetched in the background; never fails loudly.
import type { KubeClient } from '../kube/client.js';

/** Resolves with e.g. "v1.36.3", or undefined when the server cannot be asked. */
export async function fetchServerVersion(client: Pick<KubeClient, 'serverVersion'>): Promise<string | undefined> {
  try {
    return (await client.serverVersion()) || undefined;
  } catch {
    return undefined;
  }
}
