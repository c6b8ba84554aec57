// Turning per-target results into one outcome line, and server errors into kubectl's wording.
import { KubeApiError } from '../kube/api-errors.js';
import type { ActionOutcome, ActionTarget } from './types.js';
import { namespaceOf, resourceRef } from './kinds.js';

/** One line, as kubectl prints a failed call: `Error from server (NotFound): pods "x" not found`. */
export function errorLine(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  const message = raw.replace(/\s*\n\s*/g, ' ').trim();
  if (err instanceof KubeApiError && err.statusCode !== undefined) {
    return `Error from server${err.reason ? ` (${err.reason})` : ''}: ${message}`;
  }
  return message;
}

/**
 * The connection dropped after the request was sent: the server may or may not have done it. Not a
 * failure (the object may well have changed): the line says how to look.
 */
export function unknownOutcome(err: unknown, target: ActionTarget | undefined): string | undefined {
  if (!(err instanceof KubeApiError) || err.statusCode !== undefined || !err.afterSend || err.code === 'EABORTED') return undefined;
  const check = target ? checkCommand(target) : 'kubectl get';
  return `unknown outcome (${errorLine(err)}): check with ${check}`;
}

/** The kubectl line that shows a target as it is now. */
export function checkCommand(target: ActionTarget): string {
  const ns = namespaceOf(target);
  return `kubectl get ${resourceRef(target)}${ns ? ` -n ${ns}` : ''}`;
}

/** What one target's request(s) came to: kubectl's success line, or the error line. */
export type TargetResult = { ok: true; message: string } | { ok: false; message: string; unknown?: boolean };

/** Summary wording for several successes, e.g. { verb: 'labeled', noun: 'nodes' } → "3 nodes labeled". */
export interface ManyWording {
  verb: string;
  noun: string;
}

const LIST_AT_MOST = 3;
/** Requests in flight at once for a many-target action. */
const PARALLEL = 8;

/**
 * Runs `each` for every target, a few at a time (each is its own request, so each target is
 * changed completely or not at all) and reports every failure by name with the server's message.
 */
export async function runEach(
  targets: readonly ActionTarget[],
  each: (target: ActionTarget) => Promise<string>,
  many: ManyWording,
): Promise<ActionOutcome> {
  const results: { target: ActionTarget; result: TargetResult }[] = new Array(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const i = next++;
      const target = targets[i] as ActionTarget;
      try {
        results[i] = { target, result: { ok: true, message: await each(target) } };
      } catch (err) {
        const unknown = unknownOutcome(err, target);
        results[i] = { target, result: { ok: false, message: unknown ?? errorLine(err), ...(unknown ? { unknown: true } : {}) } };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, targets.length) }, worker));
  return summarize(results, many);
}

export function summarize(results: readonly { target: ActionTarget; result: TargetResult }[], many: ManyWording): ActionOutcome {
  const failed = results.filter((r) => !r.result.ok);
  const succeeded = results.filter((r) => r.result.ok);
  if (failed.length === 0) {
    const lines = succeeded.map((r) => r.result.message);
    const message = lines.length <= LIST_AT_MOST ? lines.join(', ') : `${lines.length} ${many.noun} ${many.verb}`;
    return { ok: true, message };
  }
  const only = failed[0]?.result;
  if (results.length === 1) return { ok: false, message: only?.message ?? '', ...(only && !only.ok && only.unknown ? { unknown: true } : {}) };
  const why = failed.map((r) => `${resourceRef(r.target)}: ${r.result.message}`).join('; ');
  const rest = succeeded.length > 0 ? ` (the other ${succeeded.length} ${many.verb})` : '';
  return { ok: false, message: `failed on ${failed.length} of ${results.length}${rest}: ${why}` };
}
