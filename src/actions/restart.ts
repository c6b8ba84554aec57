// Restart: `kubectl rollout restart TYPE/NAME`, as kubectl does it: a patch of the pod template's
// `kubectl.kubernetes.io/restartedAt` annotation, so the controller rolls every pod. k9s's `r` on
// a Deployment, DaemonSet or StatefulSet (on a node `r` drains: the kind decides).
import { refuseOthers, type ConfirmCommand } from './command.js';
import { kubectlLines } from './kubectl-line.js';
import { objectPath, resourceRef, strict } from './kinds.js';
import { runEach } from './outcome.js';
import type { ActionTarget, PlanResult } from './types.js';

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/** Go's time.RFC3339 in UTC, as kubectl stamps it: "2026-12-07T14:05:00Z". */
export function rfc3339(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function planRestart(targets: readonly ActionTarget[], now: () => Date = () => new Date()): PlanResult {
  if (targets.length === 0) return { ok: false, error: 'nothing selected to restart' };
  const refused = refuseOthers(restartAction, targets);
  if (refused) return refused;
  const paused = targets.find((t) => (t.object.spec as { paused?: boolean } | undefined)?.paused);
  // kubectl's refusal, word for word.
  if (paused) return { ok: false, error: `${resourceRef(paused)}: can't restart paused deployment (run rollout resume first)` };
  return {
    ok: true,
    plan: {
      action: 'restart',
      targets,
      kubectl: kubectlLines('rollout restart', targets, ''),
      confirm: true,
      run: (client) => {
        const patch = { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: rfc3339(now()) } } } } };
        return runEach(
          targets,
          async (t) => {
            await client.request('PATCH', strict(objectPath(t)), patch, 'application/strategic-merge-patch+json');
            return `${resourceRef(t)} restarted`;
          },
          { verb: 'restarted', noun: targets[0]?.kind ?? 'objects' },
        );
      },
    },
  };
}

export const restartAction: ConfirmCommand<'restart'> = {
  id: 'restart',
  title: 'Restart',
  keys: ['r'],
  description: 'Restart a workload: roll its pods (kubectl rollout restart)',
  hint: 'restart',
  appliesTo: (k) => Boolean(k.offers?.includes('restart')),
  mutating: true,
  access: { verb: 'patch' },
  needs: 'client',
  takesMarks: true,
  opens: 'confirm',
  plan: (targets) => planRestart(targets),
};
