// A KubeClient whose GETs answer from a table of routes: "path" or "path?query" -> body or error.
import { KubeApiError, type KubeClient, type ListResult, type Query } from '../../../src/kube/client.js';
import type { KubeObject } from '../../../src/kube/types.js';

export type Route = unknown | KubeApiError | ((path: string) => unknown);

export class RouteClient implements KubeClient {
  readonly calls: string[] = [];
  constructor(public routes: Record<string, Route> = {}) {}

  private answer(key: string): Promise<unknown> {
    this.calls.push(key);
    const route = this.routes[key] ?? this.routes[key.split('?')[0] as string];
    if (route === undefined) return Promise.reject(new KubeApiError('the server could not find the requested resource', { statusCode: 404, reason: 'NotFound' }));
    if (route instanceof KubeApiError) return Promise.reject(route);
    try {
      return Promise.resolve(typeof route === 'function' ? (route as (p: string) => unknown)(key) : structuredClone(route));
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  async list(path: string, query?: Query): Promise<ListResult> {
    const qs = new URLSearchParams(Object.entries(query ?? {}).map(([k, v]) => [k, String(v)])).toString();
    const body = (await this.answer(qs ? `${path}?${qs}` : path)) as { items?: KubeObject[] };
    return { items: body.items ?? [], resourceVersion: '1' };
  }

  watch(): never {
    throw new Error('not used');
  }

  serverVersion(): Promise<string> {
    return Promise.resolve('v1.36.3');
  }

  request<T>(method: string, path: string): Promise<T> {
    return this.answer(method === 'GET' ? path : `${method} ${path}`) as Promise<T>;
  }
}

export const forbidden = () => new KubeApiError('services is forbidden: User "x" cannot list resource "services"', { statusCode: 403, reason: 'Forbidden' });

export function service(namespace: string, name: string, ports: { name?: string; port: number }[], extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { namespace, name }, spec: { ports, ...extra } };
}
