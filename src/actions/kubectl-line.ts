// Pieces of the kubectl command lines plans show and the journal keeps.
import { kubectlType, namespaceOf } from './kinds.js';
import type { ActionTarget } from './types.js';

/** " -n ns" for a namespaced object, "" otherwise. */
export function nsFlag(namespace: string | undefined): string {
  return namespace ? ` -n ${namespace}` : '';
}

/** Targets grouped as kubectl takes them: one group per (namespace, type), names in order. */
export function groupTargets(targets: readonly ActionTarget[]): { type: string; namespace?: string; names: string[] }[] {
  const groups = new Map<string, { type: string; namespace?: string; names: string[] }>();
  for (const t of targets) {
    const type = kubectlType(t.kind);
    const namespace = namespaceOf(t);
    const key = `${namespace ?? ''}\u0000${type}`;
    const group = groups.get(key) ?? { type, namespace, names: [] };
    group.names.push(t.name);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** `kubectl <verb> <type> a b <args> -n ns` per group. */
export function kubectlLines(verb: string, targets: readonly ActionTarget[], args: string): string[] {
  return groupTargets(targets).map(
    (g) => `kubectl ${verb} ${g.type} ${g.names.join(' ')}${args ? ` ${args}` : ''}${nsFlag(g.namespace)}`,
  );
}
