// Which actions apply to which kinds, and the permission each needs (for SelfSubjectAccessReview).
import { actionKind } from './kinds.js';
import type { ActionId } from './types.js';

export interface ActionInfo {
  title: string;
  /** Registry ids the action applies to, or every kind. */
  kinds: 'all' | readonly string[];
  /** Changes the cluster: needs the user's confirmation and is hidden in --readonly. */
  mutating: boolean;
  /** The RBAC verb (and subresource) kt's request needs on the target's resource. */
  access: { verb: string; subresource?: string };
}

export const ACTIONS: Record<ActionId, ActionInfo> = {
  describe: { title: 'Describe', kinds: 'all', mutating: false, access: { verb: 'get' } },
  delete: { title: 'Delete', kinds: 'all', mutating: true, access: { verb: 'delete' } },
  scale: {
    title: 'Scale',
    kinds: ['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers'],
    mutating: true,
    access: { verb: 'update', subresource: 'scale' },
  },
  edit: { title: 'Edit', kinds: 'all', mutating: true, access: { verb: 'update' } },
  // The `:apply`, `:create` and `:run` commands: on no row; the API server checks them.
  apply: { title: 'Apply', kinds: [], mutating: true, access: { verb: 'patch' } },
  create: { title: 'Create', kinds: [], mutating: true, access: { verb: 'create' } },
  label: { title: 'Label', kinds: 'all', mutating: true, access: { verb: 'patch' } },
  taint: { title: 'Taint', kinds: ['nodes'], mutating: true, access: { verb: 'patch' } },
  // Expose creates a Service: the access check is on services, not on the exposed kind.
  expose: {
    title: 'Expose',
    kinds: ['deployments', 'replicasets', 'replicationcontrollers', 'pods', 'services'],
    mutating: true,
    access: { verb: 'create' },
  },
};

const ORDER: readonly ActionId[] = ['describe', 'delete', 'edit', 'scale', 'label', 'taint', 'expose'];

/** Whether the action applies to the kind; never for a kind kt does not know. */
export function appliesTo(action: ActionId, kindId: string): boolean {
  const kinds = ACTIONS[action].kinds;
  if (!actionKind(kindId)) return false;
  return kinds === 'all' || kinds.includes(kindId);
}

/** The actions a kind offers, in a stable order. */
export function actionsFor(kindId: string): ActionId[] {
  return ORDER.filter((a) => appliesTo(a, kindId));
}

/** "cannot scale pods; scale applies to deployments, replicasets, …" for a planner's refusal. */
export function notApplicable(action: ActionId, kindId: string): string {
  const kinds = ACTIONS[action].kinds;
  if (!actionKind(kindId)) return `cannot ${action} ${kindId}: kt does not know that kind`;
  return `cannot ${action} ${kindId}; ${action} applies to ${kinds === 'all' ? 'every kind' : kinds.join(', ')}`;
}
