// The modules the UI needs from other parts of kt, behind the signatures their authors documented.
// TEMPORARY: loaded by a computed specifier until src/kube/kubeconfig.ts, src/kube/client.ts,
// src/store/resource-store.ts and src/views/App.tsx exist; then these become plain imports.
import type { KubeConfig } from '@kubernetes/client-node';
import type { ComponentType } from 'react';
import type { AppProps } from '../app/types.js';
import type { DataSource } from '../store/types.js';

export interface LoadedKubeconfig {
  kc: KubeConfig;
  contextName: string;
  clusterName: string;
  userName: string;
  server: string;
  namespace?: string;
  files: string[];
}

export interface LoadKubeconfigOptions {
  kubeconfig?: string;
  context?: string;
  env: Record<string, string | undefined>;
  home: string;
}

export interface Deps {
  loadKubeconfig(options: LoadKubeconfigOptions): LoadedKubeconfig;
  isKubeconfigError(err: unknown): boolean;
  createSource(loaded: LoadedKubeconfig, options: { requestTimeoutMs?: number }): DataSource & { dispose?(): void };
  loadApp(): Promise<ComponentType<AppProps>>;
}

async function load(specifier: string): Promise<Record<string, unknown>> {
  return (await import(specifier)) as Record<string, unknown>;
}

export async function loadDeps(): Promise<Deps> {
  const kubeconfig = await load(['..', 'kube', 'kubeconfig.js'].join('/'));
  const KubeconfigError = kubeconfig.KubeconfigError as new () => Error;
  return {
    loadKubeconfig: kubeconfig.loadKubeconfig as Deps['loadKubeconfig'],
    isKubeconfigError: (err) => err instanceof KubeconfigError,
    createSource: () => {
      throw new Error('the resource store is not built yet');
    },
    loadApp: async () => {
      const app = await load(['..', 'views', 'App.js'].join('/'));
      return (app.App ?? app.default) as ComponentType<AppProps>;
    },
  };
}
