// Finds Prometheus Services to reach through the API server's service proxy, in a fixed order:
// kube-prometheus's monitoring/prometheus-k8s, the operator's prometheus-operated Services (any
// namespace), the Helm chart's prometheus-server. The routePrefix comes from the operator's
// Prometheus resource when the CRD exists.
import { type KubeClient } from '../kube/client.js';
import { KubeApiError } from '../kube/api-errors.js';
import type { KubeObject } from '../kube/types.js';
import { firstLine } from '../text/first-line.js';
import type { PromEndpoint } from './transport.js';
import { endpointName } from './transport.js';

export interface Discovery {
  /** Best first; the same cluster always gives the same order. */
  found: PromEndpoint[];
  /** Why a lookup could not be made ("services: forbidden"), for the status line when none is found. */
  problems: string[];
}

interface ServicePort {
  name?: string;
  port?: number;
}
interface ServiceSpec {
  ports?: ServicePort[];
  selector?: Record<string, string>;
}
interface PrometheusSpec {
  routePrefix?: string;
  externalUrl?: string;
  web?: { tlsConfig?: unknown };
}

const spec = <T>(o: KubeObject): T => ((o as { spec?: T }).spec ?? ({} as T));

/** The port named `want` when there is one, else the first port (by name, else number). */
function portOf(svc: KubeObject, want: string): string | undefined {
  const ports = spec<ServiceSpec>(svc).ports ?? [];
  if (ports.some((p) => p.name === want)) return want;
  const first = ports[0];
  return first ? first.name || (first.port !== undefined ? String(first.port) : undefined) : undefined;
}

function byName(a: KubeObject, b: KubeObject): number {
  const ka = `${a.metadata?.namespace ?? ''}/${a.metadata?.name ?? ''}`;
  const kb = `${b.metadata?.namespace ?? ''}/${b.metadata?.name ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function problem(what: string, err: unknown): string {
  if (err instanceof KubeApiError && err.statusCode === 403) return `${what}: forbidden`;
  return `${what}: ${firstLine(err)}`;
}

/** "/prom/" -> "/prom"; "/" and "" -> "". */
export function normalizePrefix(prefix: string | undefined): string {
  if (!prefix) return '';
  const trimmed = prefix.replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** routePrefix, else the path of externalUrl (the operator's default for the prefix). */
export function prefixOf(prom: KubeObject): string {
  const s = spec<PrometheusSpec>(prom);
  if (s.routePrefix) return normalizePrefix(s.routePrefix);
  if (s.externalUrl) {
    try {
      return normalizePrefix(new URL(s.externalUrl).pathname);
    } catch {
      return '';
    }
  }
  return '';
}

/** The Prometheus resource behind a Service: the one its `prometheus` selector names, else the only one in its namespace. */
function matchResource(svc: KubeObject, resources: readonly KubeObject[]): KubeObject | undefined {
  const ns = svc.metadata?.namespace;
  const here = resources.filter((r) => r.metadata?.namespace === ns);
  const wanted = spec<ServiceSpec>(svc).selector?.prometheus;
  if (wanted) return here.find((r) => r.metadata?.name === wanted);
  return here.length === 1 ? here[0] : undefined;
}

export async function discoverPrometheus(client: KubeClient): Promise<Discovery> {
  const problems: string[] = [];
  const notFound = (err: unknown) => err instanceof KubeApiError && err.statusCode === 404;

  const [kubePrometheus, operated, helm, resources] = await Promise.all([
    client.request<KubeObject>('GET', '/api/v1/namespaces/monitoring/services/prometheus-k8s').catch((err: unknown) => {
      if (!notFound(err)) problems.push(problem('monitoring/prometheus-k8s', err));
      return undefined;
    }),
    client.list('/api/v1/services', { labelSelector: 'operated-prometheus=true' }).then(
      (r) => r.items,
      (err: unknown) => {
        problems.push(problem('services', err));
        return [];
      },
    ),
    client.list('/api/v1/services', { fieldSelector: 'metadata.name=prometheus-server' }).then(
      (r) => r.items,
      (err: unknown) => {
        problems.push(problem('services', err));
        return [];
      },
    ),
    // 404: the operator's CRD is not installed, so no resource can set a prefix.
    client.list('/apis/monitoring.coreos.com/v1/prometheuses').then(
      (r) => r.items,
      () => [],
    ),
  ]);

  const found: PromEndpoint[] = [];
  const seen = new Set<string>();
  const add = (svc: KubeObject, wantPort: string, withResource: boolean) => {
    const port = portOf(svc, wantPort);
    const namespace = svc.metadata?.namespace;
    const service = svc.metadata?.name;
    if (!port || !namespace || !service) return;
    const resource = withResource ? matchResource(svc, resources) : undefined;
    const endpoint: PromEndpoint = { namespace, service, port, prefix: resource ? prefixOf(resource) : '' };
    if (resource && spec<PrometheusSpec>(resource).web?.tlsConfig) endpoint.scheme = 'https';
    const name = endpointName(endpoint);
    if (seen.has(name)) return;
    seen.add(name);
    found.push(endpoint);
  };
  if (kubePrometheus) add(kubePrometheus, 'web', true);
  for (const svc of [...operated].sort(byName)) add(svc, 'web', true);
  for (const svc of [...helm].sort(byName)) add(svc, 'http', false);
  return { found, problems: [...new Set(problems)] };
}
