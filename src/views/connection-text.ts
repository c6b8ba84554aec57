// The words for a connection state, shared by the header (in full) and the pane titles (short).
import type { WatchStatus } from '../kube/types.js';
import { humanDuration } from '../render/age.js';
import type { ConnectionStatus } from '../store/types.js';
import { theme } from './theme.js';

/** HH:MM:SS of an epoch ms, local time. */
export function clockTime(ms: number): string {
  return new Date(ms).toTimeString().slice(0, 8);
}

function staleText(since: number, now: number): string {
  return `stale since ${clockTime(since)} (data ${humanDuration(Math.max(0, now - since))} old)`;
}

/** The header's connection line, e.g. `reconnecting (attempt 3, next in 4s): connect ECONNREFUSED …`. */
export function connectionText(c: ConnectionStatus, now: number): { text: string; colour: string } {
  const stale = c.staleSince !== undefined && c.state !== 'stale' ? ` · ${staleText(c.staleSince, now)}` : '';
  switch (c.state) {
    case 'live':
      return { text: 'live', colour: theme.live };
    case 'connecting':
      return { text: 'connecting…', colour: theme.warning };
    case 'stale':
      return { text: staleText(c.staleSince ?? now, now), colour: theme.warning };
    case 'no-answer':
      return { text: `no answer from ${c.server ?? 'the server'} for ${humanDuration(Math.max(0, now - (c.since ?? now)))}${stale}`, colour: theme.error };
    case 'reconnecting': {
      const retry = c.attempt !== undefined && c.retryAt !== undefined ? ` (attempt ${c.attempt}, next in ${Math.max(0, Math.ceil((c.retryAt - now) / 1000))}s)` : '';
      return { text: `reconnecting${retry}${c.reason ? `: ${c.reason}` : ''}${stale}`, colour: theme.error };
    }
    case 'error':
      return { text: `error: ${c.reason ?? 'watch failed'}${stale}`, colour: theme.error };
    default: // unauthorized, forbidden: the reason starts with the word
      return { text: `${c.reason ?? c.state}${stale}`, colour: theme.error };
  }
}

/**
 * A pane title's note on its state, undefined while live: the context's trouble when the whole
 * connection has it (no answer, credentials, reconnecting), and whether this pane's rows are stale.
 */
export function paneStateLabel(status: WatchStatus | undefined, c: ConnectionStatus): string | undefined {
  const shared = c.state === 'no-answer' ? 'no answer' : c.state === 'unauthorized' || c.state === 'reconnecting' ? c.state : undefined;
  const stale = status?.stale && status.staleSince !== undefined ? `stale since ${clockTime(status.staleSince)}` : undefined;
  if (shared && stale) return `${shared} · ${stale}`;
  return shared ?? stale;
}
