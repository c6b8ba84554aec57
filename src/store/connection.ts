// One connection state per context, for the header and the pane titles, from the statuses of every
// running watch and from how the API server has been answering the client (health.ts). Never `live`
// while a request is failing or unanswered, or while any open watch is not established.
import type { HealthReport } from '../kube/health.js';
import type { WatchStatus } from '../kube/types.js';
import { UNAUTHORIZED } from '../kube/watch-failure.js';
import type { ConnectionStatus } from './types.js';

/**
 * Worst first: no answer from the server, credentials rejected, a connection-level failure
 * (reconnecting), a watch refused (forbidden) or failed (error), stale rows, a watch still
 * connecting; else live.
 */
export function summariseConnection(statuses: readonly WatchStatus[], health?: HealthReport): ConnectionStatus {
  const staleSince = earliest(statuses.map((s) => s.staleSince));
  const withStale = (c: ConnectionStatus): ConnectionStatus => (staleSince === undefined ? c : { ...c, staleSince });
  if (health?.silentSince !== undefined) return withStale({ state: 'no-answer', server: health.server, since: health.silentSince });
  const unauthorized = statuses.find((s) => s.state === 'unauthorized');
  if (unauthorized || health?.failing?.unauthorized) return withStale({ state: 'unauthorized', reason: unauthorized?.message ?? UNAUTHORIZED });
  const reconnecting = statuses.filter((s) => s.state === 'reconnecting');
  if (reconnecting.length > 0) {
    // The watch retrying soonest says when the next try is.
    const next = reconnecting.reduce((a, b) => ((b.retryAt ?? Infinity) < (a.retryAt ?? Infinity) ? b : a));
    return withStale(retrying(next.message ?? health?.failing?.reason, next.attempt, next.retryAt));
  }
  if (health?.failing) return withStale(retrying(health.failing.reason));
  const refused = statuses.find((s) => s.state === 'forbidden' || s.state === 'error');
  if (refused) return withStale({ state: refused.state === 'forbidden' ? 'forbidden' : 'error', reason: refused.message ?? refused.state });
  if (staleSince !== undefined) return { state: 'stale', staleSince };
  if (statuses.length === 0 || statuses.some((s) => s.state === 'loading')) return { state: 'connecting' };
  return { state: 'live' };
}

function retrying(reason: string | undefined, attempt?: number, retryAt?: number): ConnectionStatus {
  const c: ConnectionStatus = { state: 'reconnecting' };
  if (reason !== undefined) c.reason = reason;
  if (attempt !== undefined) c.attempt = attempt;
  if (retryAt !== undefined) c.retryAt = retryAt;
  return c;
}

function earliest(times: readonly (number | undefined)[]): number | undefined {
  let min: number | undefined;
  for (const t of times) if (t !== undefined && (min === undefined || t < min)) min = t;
  return min;
}

/** Equal statuses draw the same: the store keeps the old object then. */
export function sameConnection(a: ConnectionStatus, b: ConnectionStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
