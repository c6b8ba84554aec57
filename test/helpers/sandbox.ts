// Paths and clients for end-to-end tests against the sandbox cluster (see sandbox/up.sh).
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const stateDir = process.env.KT_SANDBOX_DIR ?? join(repoRoot, '.sandbox');
export const kubeconfigPath = join(stateDir, 'kubeconfig');
export const prometheusUrl = `http://127.0.0.1:${process.env.KT_PROM_PORT ?? '9090'}`;

/** The bin directory build.sh fills for the pinned versions. */
export function sandboxBinDir(): string {
  const env = Object.fromEntries(
    readFileSync(join(repoRoot, 'sandbox', 'versions.env'), 'utf8')
      .split('\n')
      .filter((l) => /^[A-Z0-9_]+=/.test(l))
      .map((l) => l.split('=') as [string, string]),
  );
  const setId = `k8s-${env.K8S_VERSION}_etcd-${env.ETCD_VERSION}_kwok-${env.KWOK_VERSION}`;
  const cache = process.env.KT_SANDBOX_CACHE ?? join(homedir(), '.cache', 'kt', 'sandbox');
  return join(cache, setId, 'bin');
}

export const kubectlPath = () => join(sandboxBinDir(), 'kubectl');

/** The API server's port, as the sandbox's kubeconfig names it (the sandbox may run on other ports). */
export function apiServerPort(): number {
  const port = /server: https:\/\/127\.0\.0\.1:(\d+)/.exec(readFileSync(kubeconfigPath, 'utf8'))?.[1];
  if (!port) throw new Error(`no https://127.0.0.1:PORT server in ${kubeconfigPath}`);
  return Number(port);
}

export function sandboxKubeConfig(context = 'kt-sandbox'): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  kc.setCurrentContext(context);
  return kc;
}

export function sandboxApis(context?: string) {
  const kc = sandboxKubeConfig(context);
  return { kc, core: kc.makeApiClient(CoreV1Api), apps: kc.makeApiClient(AppsV1Api) };
}

/** Anything that can send an API request as the sandbox's admin (kt's KubeClient does). */
interface AdminRequester {
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

/**
 * A kubeconfig for a new ServiceAccount `sa` in `namespace`, bound there to the `view` ClusterRole,
 * with a short-lived token from the TokenRequest API: a non-admin user without a sandbox restart.
 */
export async function viewerKubeConfig(admin: AdminRequester, namespace: string, sa: string): Promise<KubeConfig> {
  await admin.request('POST', `/api/v1/namespaces/${namespace}/serviceaccounts`, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa } });
  await admin.request('POST', `/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/rolebindings`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: `${sa}-view` },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
    subjects: [{ kind: 'ServiceAccount', name: sa, namespace }],
  });
  const review = await admin.request<{ status: { token: string } }>('POST', `/api/v1/namespaces/${namespace}/serviceaccounts/${sa}/token`, {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenRequest',
    spec: { expirationSeconds: 600 },
  });
  const cluster = sandboxKubeConfig().getCurrentCluster();
  if (!cluster) throw new Error('the sandbox kubeconfig has no cluster');
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [cluster],
    users: [{ name: sa, token: review.status.token }],
    contexts: [{ name: 'viewer', cluster: cluster.name, user: sa, namespace }],
    currentContext: 'viewer',
  });
  return kc;
}

export interface PromSample {
  metric: Record<string, string>;
  value: [number, string];
}

export async function promQuery(query: string): Promise<PromSample[]> {
  const res = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(query)}`);
  if (!res.ok) throw new Error(`Prometheus query failed: HTTP ${res.status}`);
  const body = (await res.json()) as { data: { result: PromSample[] } };
  return body.data.result;
}

/** Polls fn until it returns a truthy value, or throws with the last value seen. */
export async function eventually<T>(fn: () => Promise<T | undefined | null | false>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      last = await fn();
      if (last) return last as T;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${String(last)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
