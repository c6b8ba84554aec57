// Roll back: `kubectl rollout undo deployment/NAME --to-revision=N`, from one of the Deployment's
// ReplicaSets (k9s's ctrl-l on a ReplicaSet; `:rollout history NAME` lists them as revisions).
// The run reads the Deployment and its ReplicaSets as they are then and rolls back as kubectl
// does (rollout.ts).
import type { KubeObject } from '../kube/types.js';
import { refuseOthers, type ConfirmCommand } from './command.js';
import { resourceRef } from './kinds.js';
import { nsFlag } from './kubectl-line.js';
import { REVISION, planUndo, revisionsOf } from './rollout.js';
import type { ActionTarget, PlanResult } from './types.js';
import { selectorString, type LabelSelector } from '../render/selector.js';

/** The Deployment that controls a ReplicaSet, and the revision the ReplicaSet holds. */
export function revisionOf(rs: KubeObject): { deployment: string; revision: number } | undefined {
  const owner = (rs.metadata as { ownerReferences?: { kind: string; name: string; controller?: boolean }[] }).ownerReferences?.find((o) => o.controller);
  const revision = Number(rs.metadata.annotations?.[REVISION]);
  return owner?.kind === 'Deployment' && Number.isInteger(revision) && revision > 0 ? { deployment: owner.name, revision } : undefined;
}

export function planRollback(rs: ActionTarget): PlanResult {
  const refused = refuseOthers(undoAction, [rs]);
  if (refused) return refused;
  const of = revisionOf(rs.object);
  if (!of) return { ok: false, error: `${resourceRef(rs)} is no revision of a Deployment (no owner Deployment or no ${REVISION} annotation)` };
  const ns = rs.namespace ?? rs.object.metadata.namespace ?? 'default';
  const base = `/apis/apps/v1/namespaces/${encodeURIComponent(ns)}`;
  return {
    ok: true,
    plan: {
      action: 'undo',
      targets: [rs],
      kubectl: [`kubectl rollout undo deployment/${of.deployment} --to-revision=${of.revision}${nsFlag(ns)}`],
      confirm: true,
      async run(client) {
        const object = await client.request<KubeObject>('GET', `${base}/deployments/${encodeURIComponent(of.deployment)}`);
        const selector = selectorString((object.spec as { selector?: LabelSelector } | undefined)?.selector);
        const sets = await client.list(`${base}/replicasets`, selector ? { labelSelector: selector } : {});
        const deployment: ActionTarget = { kind: 'deployments', name: of.deployment, namespace: ns, object };
        const undo = planUndo(deployment, revisionsOf(object, sets.items), of.revision);
        return undo.ok ? undo.plan.run(client) : { ok: false, message: undo.error };
      },
    },
  };
}

export const undoAction: ConfirmCommand<'undo'> = {
  id: 'undo',
  title: 'Roll back',
  keys: ['ctrl+l'],
  description: 'ReplicaSet: roll its Deployment back to it (kubectl rollout undo)',
  hint: 'rollback',
  appliesTo: (k) => Boolean(k.offers?.includes('rollback')),
  mutating: true,
  // What kubectl rollout undo sends: a patch of the Deployment.
  access: { verb: 'patch', resource: 'deployments' },
  needs: 'client',
  opens: 'confirm',
  plan: (targets) => {
    const rs = targets[0];
    return rs ? planRollback(rs) : { ok: false, error: 'nothing selected to roll back' };
  },
};
