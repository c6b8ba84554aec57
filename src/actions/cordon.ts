// Cordon and uncordon: `kubectl cordon NODE` / `kubectl uncordon NODE`, a patch of
// spec.unschedulable; kubectl's "node/X cordoned" or "node/X already cordoned". k9s's `c` and `u`
// on a node. Drain (drain.ts) cordons first with the same patch.
import type { KubeClient } from '../kube/client.js';
import { refuseOthers, type ConfirmCommand } from './command.js';
import { objectPath, strict } from './kinds.js';
import { runEach } from './outcome.js';
import type { ActionTarget, PlanResult } from './types.js';

export function isCordoned(node: ActionTarget): boolean {
  return (node.object.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;
}

/** Sets spec.unschedulable as kubectl does (only when it differs); kubectl's line for the node. */
export async function setUnschedulable(client: KubeClient, node: ActionTarget, on: boolean): Promise<string> {
  const word = on ? 'cordoned' : 'uncordoned';
  if (isCordoned(node) === on) return `node/${node.name} already ${word}`;
  await client.request('PATCH', strict(objectPath(node)), { spec: { unschedulable: on ? true : null } }, 'application/merge-patch+json');
  return `node/${node.name} ${word}`;
}

function planSchedulable(command: ConfirmCommand, targets: readonly ActionTarget[], on: boolean): PlanResult {
  if (targets.length === 0) return { ok: false, error: `nothing selected to ${command.id}` };
  const refused = refuseOthers(command, targets);
  if (refused) return refused;
  return {
    ok: true,
    plan: {
      action: command.id,
      targets,
      kubectl: [`kubectl ${command.id} ${targets.map((t) => t.name).join(' ')}`],
      confirm: true,
      run: (client) => runEach(targets, (t) => setUnschedulable(client, t, on), { verb: on ? 'cordoned' : 'uncordoned', noun: 'nodes' }),
    },
  };
}

/** The two commands differ in their key, words and the value they set. */
function schedulableAction<Id extends 'cordon' | 'uncordon'>(id: Id, key: string, on: boolean, description: string): ConfirmCommand<Id> {
  const command: ConfirmCommand<Id> = {
    id,
    title: on ? 'Cordon' : 'Uncordon',
    keys: [key],
    description,
    hint: id,
    appliesTo: (k) => Boolean(k.offers?.includes('drain')),
    mutating: true,
    access: { verb: 'patch' },
    needs: 'client',
    takesMarks: true,
    opens: 'confirm',
    plan: (targets) => planSchedulable(command, targets, on),
  };
  return command;
}

export const cordonAction = schedulableAction('cordon', 'c', true, 'Cordon nodes: mark them unschedulable (kubectl cordon)');
export const uncordonAction = schedulableAction('uncordon', 'u', false, 'Uncordon nodes: mark them schedulable again (kubectl uncordon)');
