// A KubeClient that answers from recorded sandbox responses (test/fixtures/describe/sandbox.json),
// keyed by path and sorted query, and fails like the API server for anything not recorded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KubeApiError, type KubeClient, type ListResult, type Query } from '../../../src/kube/client.js';

export interface RecordedCase {
  kind: string;
  namespace?: string;
  name: string;
  /** The instant kubectl's ages were computed at (epoch ms). */
  now: number;
  kubectl: string;
}

interface Recording {
  routes: Record<string, unknown>;
  cases: RecordedCase[];
}

export const recording = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/describe/sandbox.json'), 'utf8')) as Recording;

export function routeKey(path: string, query?: Query): string {
  const entries = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => [k, String(v)]);
  return entries.length ? `${path}?${new URLSearchParams(entries).toString()}` : path;
}

export class ReplayClient implements KubeClient {
  calls: string[] = [];
  constructor(readonly routes: Record<string, unknown> = recording.routes) {}

  private answer(key: string): unknown {
    this.calls.push(key);
    const found = this.routes[key] as { error?: string; statusCode?: number } | undefined;
    if (!found) throw new KubeApiError(`not recorded: ${key}`, { statusCode: 404, reason: 'NotFound' });
    if (found.error) throw new KubeApiError(found.error, { statusCode: found.statusCode });
    return structuredClone(found);
  }

  list(path: string, query?: Query): Promise<ListResult> {
    try {
      return Promise.resolve(this.answer(routeKey(path, query)) as ListResult);
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  request<T>(method: string, path: string): Promise<T> {
    if (method !== 'GET') return Promise.reject(new Error(`describe sent ${method} ${path}`));
    try {
      return Promise.resolve(this.answer(routeKey(path)) as T);
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  watch(): never {
    throw new Error('describe does not watch');
  }

  serverVersion(): Promise<string> {
    return Promise.resolve('v1.36.3');
  }
}
