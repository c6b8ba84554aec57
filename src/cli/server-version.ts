// The API server's version for the header, fetched in the background; never fails loudly.
import { VersionApi, type KubeConfig } from '@kubernetes/client-node';

/** Resolves with e.g. "v1.34.1", or undefined when the server cannot be asked. */
export async function fetchServerVersion(kc: KubeConfig): Promise<string | undefined> {
  try {
    const info = await kc.makeApiClient(VersionApi).getCode();
    return info.gitVersion || undefined;
  } catch {
    return undefined;
  }
}
