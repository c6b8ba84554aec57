// The actions, what each asks of a kind, and the permission each needs (for
// SelfSubjectAccessReview). Whether an action applies is a question to the kind's spec.
import { allKinds, findKind } from '../kinds/registry.js';
import { allows, serves, type KindSpec } from '../kinds/types.js';
import type { ActionId } from './types.js';

export interface ActionInfo {
  title: string;
  /** Whether the kind can take the action (its verbs, subresources or offers). */
  appliesTo(kind: KindSpec): boolean;
  /** Changes the cluster: needs the user's confirmation and is hidden in --readonly. */
  mutating: boolean;
  /** The RBAC verb (and subresource) kt's request needs on the target's resource, or on `kind`'s. */
  access: { verb: string; subresource?: string; kind?: string };
}

export const ACTIONS: Record<ActionId, ActionInfo> = {
  describe: { title: 'Describe', appliesTo: (k) => allows(k, 'get'), mutating: false, access: { verb: 'get' } },
  delete: { title: 'Delete', appliesTo: (k) => allows(k, 'delete'), mutating: true, access: { verb: 'delete' } },
  scale: {
    title: 'Scale',
    appliesTo: (k) => serves(k, 'scale'),
    mutating: true,
    access: { verb: 'update', subresource: 'scale' },
  },
  edit: { title: 'Edit', appliesTo: (k) => allows(k, 'update'), mutating: true, access: { verb: 'update' } },
  // The `:apply`, `:create` and `:run` commands: on no row; the API server checks them.
  apply: { title: 'Apply', appliesTo: () => false, mutating: true, access: { verb: 'patch' } },
  create: { title: 'Create', appliesTo: () => false, mutating: true, access: { verb: 'create' } },
  label: { title: 'Label', appliesTo: (k) => allows(k, 'patch'), mutating: true, access: { verb: 'patch' } },
  taint: { title: 'Taint', appliesTo: (k) => Boolean(k.offers?.includes('taint')), mutating: true, access: { verb: 'patch' } },
  // Expose creates a Service: the access check is on services, not on the exposed kind.
  expose: {
    title: 'Expose',
    appliesTo: (k) => Boolean(k.offers?.includes('expose')),
    mutating: true,
    access: { verb: 'create' },
  },
  // Sessions and forwards go to pods (a Service's or Deployment's forward, to one of its pods).
  // A shell or a forwarded connection can change anything, so they are off with --readonly.
  shell: { title: 'Shell', appliesTo: (k) => serves(k, 'exec'), mutating: true, access: { verb: 'create', subresource: 'exec', kind: 'pods' } },
  attach: { title: 'Attach', appliesTo: (k) => serves(k, 'attach'), mutating: true, access: { verb: 'create', subresource: 'attach', kind: 'pods' } },
  portForward: {
    title: 'Port-forward',
    appliesTo: (k) => serves(k, 'portforward') || Boolean(k.offers?.includes('portForward')),
    mutating: true,
    access: { verb: 'create', subresource: 'portforward', kind: 'pods' },
  },
};

const ORDER: readonly ActionId[] = ['describe', 'delete', 'edit', 'scale', 'label', 'taint', 'expose', 'shell', 'attach', 'portForward'];

/** Whether the action applies to the kind; never for a kind kt does not know. */
export function appliesTo(action: ActionId, kindId: string): boolean {
  const spec = findKind(kindId);
  return spec !== undefined && ACTIONS[action].appliesTo(spec);
}

/** The actions a kind offers, in a stable order. */
export function actionsFor(kindId: string): ActionId[] {
  return ORDER.filter((a) => appliesTo(a, kindId));
}

/** "cannot scale pods; scale applies to deployments, replicasets, …" for a planner's refusal. */
export function notApplicable(action: ActionId, kindId: string): string {
  if (!findKind(kindId)) return `cannot ${action} ${kindId}: kt does not know that kind`;
  const kinds = allKinds().filter((k) => ACTIONS[action].appliesTo(k)).map((k) => k.id);
  return `cannot ${action} ${kindId}; ${action} applies to ${kinds.length ? kinds.join(', ') : 'no kind this server serves'}`;
}
