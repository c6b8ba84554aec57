// Where an action's target lives and how kubectl names it, from its kind's spec in the registry.
import { apiPath, findKind } from '../kinds/registry.js';
import type { KindSpec } from '../kinds/types.js';
import type { ActionTarget } from './types.js';

/** The target's kind; throws for a kind kt does not know (a programming error, not user input). */
export function kindOf(target: ActionTarget): KindSpec {
  const spec = findKind(target.kind);
  if (!spec) throw new Error(`kt: unknown kind "${target.kind}"`);
  return spec;
}

export function namespaceOf(target: ActionTarget): string | undefined {
  return kindOf(target).namespaced ? (target.namespace ?? target.object.metadata.namespace) : undefined;
}

/** REST path of the object itself, e.g. /apis/apps/v1/namespaces/default/deployments/web. */
export function objectPath(target: ActionTarget, subresource?: string): string {
  const base = `${apiPath(kindOf(target), namespaceOf(target))}/${encodeURIComponent(target.name)}`;
  return subresource ? `${base}/${subresource}` : base;
}

/** kubectl's lowercase singular type: "deployment", "node". */
export function kubectlType(kindId: string): string {
  const spec = findKind(kindId);
  return spec ? spec.kind.toLowerCase() : kindId;
}

function qualifiedType(spec: KindSpec): string {
  return spec.group ? `${spec.kind.toLowerCase()}.${spec.group}` : spec.kind.toLowerCase();
}

/** kubectl's resource/name as printed after a change: "deployment.apps/web", "node/n1". */
export function resourceRef(target: ActionTarget): string {
  return `${qualifiedType(kindOf(target))}/${target.name}`;
}

/** kubectl delete's `deployment.apps "web"`. */
export function quotedRef(target: ActionTarget): string {
  return `${qualifiedType(kindOf(target))} "${target.name}"`;
}

/** Adds server-side field validation to a create/update/patch path. */
export function strict(path: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}fieldValidation=Strict`;
}

/** kubectl's TYPE/NAME: "deployment/web", "node/k8snode01". */
export function targetRef(target: ActionTarget): string {
  return `${kubectlType(target.kind)}/${target.name}`;
}

/** One target as "deployment/web", several as "3 pods": dialog titles. */
export function targetsTitle(targets: readonly ActionTarget[]): string {
  const first = targets[0];
  if (!first) return 'nothing';
  if (targets.length === 1) return targetRef(first);
  const kinds = new Set(targets.map((t) => t.kind));
  return `${targets.length} ${kinds.size === 1 ? first.kind : 'objects'}`;
}

/** Every target by name, with its namespace when it has one: "default/web-1". */
export function targetNames(targets: readonly ActionTarget[]): string[] {
  return targets.map((t) => (t.namespace ? `${t.namespace}/${t.name}` : t.name));
}
