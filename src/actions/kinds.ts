// Where an action's target lives and how kubectl names it: the registry's kinds plus the few
// kinds actions reach that kt does not list yet (ReplicationController, for scale and expose).
import { apiPath, KINDS, type KindSpec } from '../kube/registry.js';
import type { ActionTarget } from './types.js';

/** The part of a KindSpec an action needs. */
export type ActionKind = Pick<KindSpec, 'id' | 'kind' | 'group' | 'version' | 'plural' | 'namespaced'>;

const EXTRA: readonly ActionKind[] = [
  { id: 'replicationcontrollers', kind: 'ReplicationController', group: '', version: 'v1', plural: 'replicationcontrollers', namespaced: true },
];

export function actionKind(kindId: string): ActionKind | undefined {
  return KINDS.find((k) => k.id === kindId) ?? EXTRA.find((k) => k.id === kindId);
}

/** The target's kind; throws for a kind kt does not know (a programming error, not user input). */
export function kindOf(target: ActionTarget): ActionKind {
  const spec = actionKind(target.kind);
  if (!spec) throw new Error(`kt: unknown kind "${target.kind}"`);
  return spec;
}

export function namespaceOf(target: ActionTarget): string | undefined {
  return kindOf(target).namespaced ? (target.namespace ?? target.object.metadata.namespace) : undefined;
}

/** REST path of the object itself, e.g. /apis/apps/v1/namespaces/default/deployments/web. */
export function objectPath(target: ActionTarget, subresource?: string): string {
  const spec = kindOf(target);
  const base = `${apiPath(spec as KindSpec, namespaceOf(target))}/${encodeURIComponent(target.name)}`;
  return subresource ? `${base}/${subresource}` : base;
}

/** kubectl's lowercase singular type: "deployment", "node". */
export function kubectlType(kindId: string): string {
  const spec = actionKind(kindId);
  return spec ? spec.kind.toLowerCase() : kindId;
}

/** kubectl's resource/name as printed after a change: "deployment.apps/web", "node/n1". */
export function resourceRef(target: ActionTarget): string {
  const spec = kindOf(target);
  const type = spec.group ? `${spec.kind.toLowerCase()}.${spec.group}` : spec.kind.toLowerCase();
  return `${type}/${target.name}`;
}

/** kubectl delete's `deployment.apps "web"`. */
export function quotedRef(target: ActionTarget): string {
  const spec = kindOf(target);
  const type = spec.group ? `${spec.kind.toLowerCase()}.${spec.group}` : spec.kind.toLowerCase();
  return `${type} "${target.name}"`;
}

/** Adds server-side field validation to a create/update/patch path. */
export function strict(path: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}fieldValidation=Strict`;
}
