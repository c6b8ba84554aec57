// Delete: `kubectl delete TYPE a b [--grace-period=N | --force --grace-period=0] -n ns`, one
// DELETE per object with background propagation, as kubectl does.
import { allows } from '../kinds/types.js';
import { refuseOthers, type FormCommand } from './command.js';
import { objectPath, namespaceOf, quotedRef } from './kinds.js';
import { kubectlLines } from './kubectl-line.js';
import { runEach } from './outcome.js';
import type { ActionTarget, DeleteOptions, PlanResult } from './types.js';
import { parseIntIn } from './validation.js';

const INT64_SAFE = Number.MAX_SAFE_INTEGER;

export function planDelete(targets: readonly ActionTarget[], options: DeleteOptions): PlanResult {
  if (targets.length === 0) return { ok: false, error: 'nothing selected to delete' };
  const refused = refuseOthers(deleteAction, targets);
  if (refused) return refused;
  const text = options.gracePeriod.trim();
  let grace: number | undefined;
  if (text !== '') {
    grace = parseIntIn(text, 0, INT64_SAFE);
    if (grace === undefined) {
      return { ok: false, error: `invalid grace period "${text}": type whole seconds (0 or more), or leave it empty for the default` };
    }
  }
  if (options.force && grace !== undefined && grace > 0) {
    return { ok: false, error: '--force and --grace-period greater than 0 cannot be specified together; clear the grace period or force' };
  }
  // kubectl: --force means --grace-period=0; a bare --grace-period=0 is turned into 1.
  if (options.force) grace = 0;
  else if (grace === 0) grace = 1;

  const body = {
    apiVersion: 'v1',
    kind: 'DeleteOptions',
    propagationPolicy: 'Background',
    ...(grace !== undefined ? { gracePeriodSeconds: grace } : {}),
  };
  const flags = options.force ? '--force --grace-period=0' : grace !== undefined ? `--grace-period=${grace}` : '';
  const verb = options.force ? 'force deleted' : 'deleted';

  return {
    ok: true,
    plan: {
      action: 'delete',
      targets,
      kubectl: kubectlLines('delete', targets, flags),
      confirm: true,
      run: (client) =>
        runEach(
          targets,
          async (t) => {
            await client.request('DELETE', objectPath(t), body);
            const ns = namespaceOf(t);
            return `${quotedRef(t)} ${verb}${ns ? ` from ${ns} namespace` : ''}`;
          },
          { verb, noun: targets[0]?.kind ?? 'objects' },
        ),
    },
  };
}

/** A confirmation with fields: the grace period and force, as kubectl delete's flags. */
export const deleteAction: FormCommand<'delete'> = {
  id: 'delete',
  title: 'Delete',
  keys: ['ctrl+d'],
  description: 'Delete the marked rows, else the cursor row',
  hint: 'delete',
  appliesTo: (k) => allows(k, 'delete'),
  mutating: true,
  access: { verb: 'delete' },
  needs: 'client',
  takesMarks: true,
  opens: 'form',
  open: (targets, { pane }) => ({ type: 'delete', action: 'delete', pane, targets, options: { gracePeriod: '', force: false }, field: 0 }),
  plan: (dialog) => (dialog.type === 'delete' ? planDelete(dialog.targets, dialog.options) : { ok: false, error: 'delete plans from its own dialog' }),
};
