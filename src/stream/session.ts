// A shell or attach session from kt's side: dial first (a refusal is one line and kt's screen
// never leaves), then hand the terminal over (terminal/handover.ts) to the session in raw mode,
// and come back with one line saying how it ended.
import { errorLine } from '../actions/outcome.js';
import type { ActionOutcome } from '../actions/types.js';
import type { WebSocketDialer } from '../kube/websocket.js';
import type { SessionEnd } from './channels.js';
import { openSession, type SessionRequest, type TerminalPort } from './exec.js';

/** Runs `run` with the terminal handed over (kt's screen left, its keys not read). */
export type HandOver = <T>(run: () => Promise<T>) => Promise<T>;

export interface SessionDeps {
  dialer: WebSocketDialer;
  handOver: HandOver;
  /** The user's terminal in raw mode, for the session's length. */
  terminal(): TerminalPort & { release(): void };
}

function what(req: SessionRequest): string {
  return `${req.type === 'exec' ? 'shell in' : 'attach to'} ${req.namespace}/${req.pod} (${req.container})`;
}

/** The line kt shows once the session is over. */
export function endLine(req: SessionRequest, end: SessionEnd): ActionOutcome {
  if (!end.ok) return { ok: false, message: `${what(req)}: ${end.message}` };
  if (end.exitCode !== undefined) return { ok: true, message: `${what(req)} ended: ${end.message}` };
  if (end.message === 'detached') return { ok: true, message: `detached from ${req.namespace}/${req.pod} (${req.container}); it keeps running` };
  return { ok: true, message: `${what(req)} ended` };
}

/** Opens the session and gives it the terminal until it ends; never throws. */
export async function runSession(req: SessionRequest, deps: SessionDeps): Promise<ActionOutcome> {
  let session;
  try {
    session = await openSession(deps.dialer, req);
  } catch (err) {
    return { ok: false, message: `${what(req)}: ${errorLine(err)}` };
  }
  const opened = session;
  try {
    const end = await deps.handOver(async () => {
      const term = deps.terminal();
      try {
        return await opened.run(term);
      } finally {
        term.release();
      }
    });
    return endLine(req, end);
  } catch (err) {
    opened.close();
    return { ok: false, message: `${what(req)}: ${errorLine(err)}` };
  }
}
