// `kubectl rollout history` and `kubectl rollout undo` for a Deployment: its revisions are its
// ReplicaSets (annotation deployment.kubernetes.io/revision, CHANGE-CAUSE from
// kubernetes.io/change-cause), and undo puts a revision's pod template back, as kubectl's
// DeploymentRollbacker does (the template without its pod-template-hash label, and the
// ReplicaSet's annotations).
import type { KubeObject } from '../kube/types.js';
import { namespaceOf, objectPath, resourceRef } from './kinds.js';
import { nsFlag } from './kubectl-line.js';
import type { ActionTarget, PlanResult } from './types.js';

export const REVISION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const HASH_LABEL = 'pod-template-hash';
/** Annotations kubectl leaves as the Deployment has them when rolling back. */
const SKIPPED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

export interface Revision {
  revision: number;
  changeCause: string;
  replicaSet: KubeObject;
}

/** The Deployment's ReplicaSets (those it controls), as revisions, oldest first. */
export function revisionsOf(deployment: KubeObject, replicaSets: readonly KubeObject[]): Revision[] {
  const owned = replicaSets.filter((rs) =>
    (rs.metadata as { ownerReferences?: { uid: string; controller?: boolean }[] }).ownerReferences?.some((o) => o.controller && o.uid === deployment.metadata.uid),
  );
  return owned
    .map((rs) => ({ revision: Number(rs.metadata.annotations?.[REVISION] ?? 0), changeCause: rs.metadata.annotations?.[CHANGE_CAUSE] ?? '<none>', replicaSet: rs }))
    .filter((r) => Number.isInteger(r.revision) && r.revision > 0)
    .sort((a, b) => a.revision - b.revision);
}

/** kubectl rollout history's table: REVISION and CHANGE-CAUSE, padded as its tabwriter does. */
export function historyLines(revisions: readonly Revision[]): string[] {
  const width = Math.max('REVISION'.length, ...revisions.map((r) => String(r.revision).length)) + 2;
  return ['REVISION'.padEnd(width) + 'CHANGE-CAUSE', ...revisions.map((r) => String(r.revision).padEnd(width) + r.changeCause)];
}

type Template = { metadata?: { labels?: Record<string, string> } & Record<string, unknown> } & Record<string, unknown>;

function templateOf(obj: KubeObject): Template {
  return ((obj.spec as { template?: Template } | undefined)?.template ?? {}) as Template;
}

function withoutHash(t: Template): Template {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[HASH_LABEL];
  return { ...t, metadata: { ...t.metadata, labels } };
}

/** Key order does not matter when comparing templates. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The rollback to `to` (0: the revision before the current one), as kubectl computes it. */
export function planUndo(deployment: ActionTarget, revisions: readonly Revision[], to: number): PlanResult {
  const obj = deployment.object;
  const ref = resourceRef(deployment);
  if ((obj.spec as { paused?: boolean } | undefined)?.paused) {
    return { ok: false, error: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again" };
  }
  const current = Number(obj.metadata.annotations?.[REVISION] ?? 0);
  const wanted = to === 0 ? revisions.filter((r) => r.revision !== current).at(-1) : revisions.find((r) => r.revision === to);
  if (!wanted) return { ok: false, error: to === 0 ? `no rollout history found for deployment "${deployment.name}"` : `unable to find specified revision ${to} in history` };
  const template = withoutHash(templateOf(wanted.replicaSet));
  if (canonical(template) === canonical(withoutHash(templateOf(obj)))) {
    return { ok: false, error: `${ref} skipped rollback (current template already matches revision ${wanted.revision})` };
  }
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj.metadata.annotations ?? {})) if (SKIPPED.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(wanted.replicaSet.metadata.annotations ?? {})) if (!SKIPPED.has(k)) annotations[k] = v;
  const patch = [
    { op: 'replace', path: '/spec/template', value: template },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ];
  return {
    ok: true,
    plan: {
      action: 'undo',
      targets: [deployment],
      kubectl: [`kubectl rollout undo deployment/${deployment.name} --to-revision=${wanted.revision}${nsFlag(namespaceOf(deployment))}`],
      confirm: true,
      run: async (client) => {
        await client.request('PATCH', objectPath(deployment), patch, 'application/json-patch+json');
        return { ok: true, message: `${ref} rolled back` };
      },
    },
  };
}
