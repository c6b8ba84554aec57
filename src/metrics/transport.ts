// How the engine reaches a Prometheus: straight at a URL (fetch, optional bearer token), or through
// the API server's service proxy with kt's own credentials (no port-forward).
import { type KubeClient } from '../kube/client.js';
import { KubeApiError } from '../kube/api-errors.js';
import { firstLine } from '../text/first-line.js';

export interface PromTransport {
  /** For the header: the URL, or "monitoring/prometheus-k8s:web (API proxy)". */
  readonly source: string;
  /**
   * GET <prefix>/api/v1/<endpoint>?<params>. Resolves with the parsed JSON body, also for
   * Prometheus's own error answers (400/422/503 with a JSON body); rejects with a one-line Error
   * otherwise. Aborting the signal rejects at once.
   */
  get(endpoint: string, params: Readonly<Record<string, string>>, signal: AbortSignal): Promise<unknown>;
}

/** A Prometheus Service found in the cluster. */
export interface PromEndpoint {
  namespace: string;
  service: string;
  /** Port name, or number as a string. */
  port: string;
  /** "https" when the port serves TLS; the API server then dials https. */
  scheme?: 'https';
  /** The Prometheus routePrefix ("" or "/prom"), from its custom resource. */
  prefix: string;
}

export function endpointName(e: PromEndpoint): string {
  return `${e.namespace}/${e.service}:${e.port}`;
}

function query(params: Readonly<Record<string, string>>): string {
  return new URLSearchParams(params as Record<string, string>).toString();
}

function causeOf(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message;
  return err instanceof Error ? err.message : String(err);
}

type Fetch = typeof fetch;

/** Straight at a URL such as http://prometheus.example:9090 or https://host/prometheus. */
export function fetchTransport(url: string, options: { token?: string; fetch?: Fetch } = {}): PromTransport {
  const base = url.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  return {
    source: base,
    async get(endpoint, params, signal) {
      let res: Response;
      try {
        res = await doFetch(`${base}/api/v1/${endpoint}?${query(params)}`, { headers, signal });
      } catch (err) {
        if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('request aborted');
        throw new Error(`cannot reach ${base}: ${causeOf(err)}`);
      }
      const text = await res.text();
      try {
        return JSON.parse(text) as unknown;
      } catch {
        if (res.ok) throw new Error(`unexpected answer from ${base} (not JSON; is it Prometheus?)`);
        const hint = res.status === 401 || res.status === 403 ? ' (check the bearer token)' : '';
        throw new Error(`HTTP ${res.status} from ${base}${hint}`);
      }
    },
  };
}

/** The API server's path to a Service's proxy, e.g. /api/v1/namespaces/monitoring/services/prometheus-k8s:web/proxy. */
export function proxyBase(e: PromEndpoint): string {
  const name = `${e.scheme ? `${e.scheme}:` : ''}${e.service}:${e.port}`;
  return `/api/v1/namespaces/${encodeURIComponent(e.namespace)}/services/${encodeURIComponent(name)}/proxy${e.prefix}`;
}

/** A Prometheus error answer relayed by the API server: its message is "<code> <body's first line>". */
function promBodyIn(err: KubeApiError): unknown {
  const text = err.message.replace(/^\d{3} /, '');
  if (!text.startsWith('{')) return undefined;
  try {
    const body = JSON.parse(text) as { status?: unknown };
    return body.status === 'error' ? body : undefined;
  } catch {
    return undefined;
  }
}

export function proxyTransport(client: KubeClient, e: PromEndpoint): PromTransport {
  const base = proxyBase(e);
  const source = `${endpointName(e)} (API proxy)`;
  return {
    source,
    get(endpoint, params, signal) {
      // KubeClient.request takes no signal: the answer of an abandoned call is ignored.
      return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('request aborted'));
        if (signal.aborted) {
          onAbort();
          return;
        }
        signal.addEventListener('abort', onAbort, { once: true });
        client.request<unknown>('GET', `${base}/api/v1/${endpoint}?${query(params)}`).then(
          (body) => {
            signal.removeEventListener('abort', onAbort);
            resolve(body);
          },
          (err: unknown) => {
            signal.removeEventListener('abort', onAbort);
            if (err instanceof KubeApiError) {
              const body = promBodyIn(err);
              if (body) resolve(body);
              else reject(new Error(`${source}: ${err.statusCode ? `HTTP ${err.statusCode}: ` : ''}${firstLine(err)}`));
            } else {
              reject(new Error(`${source}: ${err instanceof Error ? err.message : String(err)}`));
            }
          },
        );
      });
    },
  };
}
