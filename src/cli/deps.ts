// The modules the UI needs from the rest of kt, gathered behind one small interface so that
// startUi can be exercised with fakes.
import type { ComponentType } from 'react';
import type { AppProps } from '../app/types.js';
import { KubeconfigError, loadKubeconfig, type LoadedKubeconfig } from '../kube/kubeconfig.js';
import { createDataSource, type KubeSource } from '../store/create-source.js';

export type { LoadedKubeconfig };

export interface Deps {
  loadKubeconfig: typeof loadKubeconfig;
  isKubeconfigError(err: unknown): boolean;
  createSource(loaded: LoadedKubeconfig, options: { requestTimeoutMs?: number; reload?: () => LoadedKubeconfig['kc'] }): KubeSource;
  loadApp(): Promise<ComponentType<AppProps>>;
}

export async function loadDeps(): Promise<Deps> {
  return {
    loadKubeconfig,
    isKubeconfigError: (err) => err instanceof KubeconfigError,
    createSource: (loaded, options) => createDataSource(loaded, { requestTimeoutMs: options.requestTimeoutMs, reload: options.reload }),
    // React and the views load only once the kubeconfig is known good.
    loadApp: async () => (await import('../views/App.js')).App,
  };
}
