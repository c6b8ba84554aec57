// What a failed list or watch means for an informer: relist at once (the server's history moved), a
// refusal (forbidden, unauthorized: retried within seconds; a kind not served: slowly), or a
// connection-level failure to retry with backoff while the last items are shown as stale.
import { isResourceVersionTooLarge, type KubeApiError } from './api-errors.js';
import type { WatchState } from './types.js';

export type WatchFailure =
  /** 410 Gone / Expired, or 504 ResourceVersionTooLarge: relist, replacing the cache. */
  | { kind: 'history' }
  /** The server answered no: retry from a fresh list, slowly for a kind it does not serve. */
  | { kind: 'refused'; state: Extract<WatchState, 'forbidden' | 'unauthorized' | 'error'>; message: string; slow: boolean }
  /** Unreachable, reset, timed out, 5xx, 429: back off and resume. */
  | { kind: 'connection'; message: string };

export function classifyFailure(err: KubeApiError, plural: string, scope: string): WatchFailure {
  const status = err.statusCode;
  if (status === 410 || isResourceVersionTooLarge(err)) return { kind: 'history' };
  if (status === 403) return { kind: 'refused', state: 'forbidden', message: `forbidden: cannot list ${plural} ${scope}`, slow: false };
  if (status === 401) return { kind: 'refused', state: 'unauthorized', message: UNAUTHORIZED, slow: false };
  if (status === 404) return { kind: 'refused', state: 'error', message: `not found: the server does not serve ${plural}`, slow: true };
  const message = (err.message || 'watch failed').split('\n')[0] as string;
  if (status === undefined || status >= 500 || status === 429) return { kind: 'connection', message };
  return { kind: 'refused', state: 'error', message, slow: false };
}

export const UNAUTHORIZED = 'unauthorized: the server rejected the credentials of this context';
