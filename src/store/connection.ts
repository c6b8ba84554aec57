// One connection line for the header, from the statuses of every running watch.
import type { WatchStatus } from '../kube/types.js';
import type { ConnectionStatus } from './types.js';

/**
 * `reconnecting` (with the first reason) while any watch has a connection-level failure;
 * otherwise `live` once the server has answered at all (a list, or even a 403), else `connecting`.
 */
export function summariseConnection(
  statuses: readonly WatchStatus[],
  everLive: boolean,
): { status: ConnectionStatus; everLive: boolean } {
  let answered = everLive;
  let reason: string | undefined;
  let failing = false;
  for (const s of statuses) {
    if (s.state === 'reconnecting') {
      failing = true;
      reason ??= s.message;
    } else if (s.state !== 'loading') {
      answered = true;
    }
  }
  if (failing) return { status: reason ? { state: 'reconnecting', reason } : { state: 'reconnecting' }, everLive: answered };
  return { status: { state: answered ? 'live' : 'connecting' }, everLive: answered };
}
