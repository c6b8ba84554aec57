// Whether the current user may run an action on a kind (its command's `access`, logs' pods/log
// included): a SelfSubjectAccessReview per (verb, group, resource, subresource, namespace), cached
// for a minute so menus can ask freely.
import type { KubeClient } from '../kube/client.js';
import { ACTION_COMMANDS } from './index.js';
import { findKind } from '../kinds/registry.js';
import { errorLine } from './outcome.js';
import type { ActionId, ActionTarget } from './types.js';

export interface AccessAnswer {
  allowed: boolean;
  /** Why not (the authorizer's reason, or the error that stopped the check). */
  reason?: string;
}

export interface AccessChecker {
  check(action: ActionId, kindId: string, namespace?: string): Promise<AccessAnswer>;
  /** The cached answer while it is fresh, else undefined (no request). */
  peek(action: ActionId, kindId: string, namespace?: string): AccessAnswer | undefined;
}

export interface AccessCheckerOptions {
  ttlMs?: number;
  now?: () => number;
}

export interface ResourceAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
}

/** What the action's request needs (on its own kind unless the command names another resource). */
export function accessAttributes(action: ActionId, kindId: string, namespace?: string): ResourceAttributes | undefined {
  const need = ACTION_COMMANDS[action].access;
  if (!need) return undefined;
  const { verb, subresource } = need;
  const spec = findKind(need.resource ?? kindId);
  if (!spec) return undefined;
  return {
    verb,
    group: spec.group,
    resource: spec.plural,
    ...(subresource ? { subresource } : {}),
    ...(spec.namespaced && namespace ? { namespace } : {}),
  };
}

/** The answer for every target's namespace when all are cached (no request); else undefined. */
export function peekTargets(checker: AccessChecker, action: ActionId, kind: string, targets: readonly ActionTarget[]): AccessAnswer | undefined {
  for (const ns of new Set(targets.map((t) => t.namespace))) {
    const answer = checker.peek(action, kind, ns);
    if (!answer?.allowed) return answer;
  }
  return { allowed: true };
}

/** The answer for every target's namespace, asking the server where not cached. */
export async function checkTargets(checker: AccessChecker, action: ActionId, kind: string, targets: readonly ActionTarget[]): Promise<AccessAnswer> {
  for (const ns of new Set(targets.map((t) => t.namespace))) {
    const answer = checker.peek(action, kind, ns) ?? (await checker.check(action, kind, ns));
    if (!answer.allowed) return answer;
  }
  return { allowed: true };
}

function describe(a: ResourceAttributes): string {
  const what = `resource "${a.resource}${a.subresource ? `/${a.subresource}` : ''}" in API group "${a.group}"`;
  return `cannot ${a.verb} ${what}${a.namespace ? ` in the namespace "${a.namespace}"` : ''}`;
}

interface ReviewStatus {
  status?: { allowed?: boolean; denied?: boolean; reason?: string; evaluationError?: string };
}

export function createAccessChecker(client: KubeClient, options: AccessCheckerOptions = {}): AccessChecker {
  const ttl = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; answer: AccessAnswer }>();
  const inFlight = new Map<string, Promise<AccessAnswer>>();

  const keyOf = (a: ResourceAttributes) => [a.verb, a.group, a.resource, a.subresource ?? '', a.namespace ?? ''].join('|');

  function fresh(key: string): AccessAnswer | undefined {
    const hit = cache.get(key);
    if (!hit) return undefined;
    if (now() - hit.at >= ttl) {
      cache.delete(key);
      return undefined;
    }
    return hit.answer;
  }

  async function review(attrs: ResourceAttributes): Promise<AccessAnswer> {
    const body = {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: attrs },
    };
    const res = await client.request<ReviewStatus>('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', body);
    if (res?.status?.allowed) return { allowed: true };
    const why = res?.status?.reason || res?.status?.evaluationError;
    return { allowed: false, reason: why ? `${describe(attrs)}: ${why}` : describe(attrs) };
  }

  return {
    check(action, kindId, namespace) {
      if (!ACTION_COMMANDS[action].access) return Promise.resolve({ allowed: true });
      const attrs = accessAttributes(action, kindId, namespace);
      if (!attrs) return Promise.resolve({ allowed: false, reason: `kt does not know the kind "${kindId}"` });
      const key = keyOf(attrs);
      const hit = fresh(key);
      if (hit) return Promise.resolve(hit);
      const pending = inFlight.get(key);
      if (pending) return pending;
      const p = review(attrs).then(
        (answer) => {
          cache.set(key, { at: now(), answer });
          return answer;
        },
        // Not cached: the next check asks again.
        (err: unknown) => ({ allowed: false, reason: `cannot check access: ${errorLine(err)}` }),
      );
      const tracked = p.finally(() => inFlight.delete(key));
      inFlight.set(key, tracked);
      return tracked;
    },
    peek(action, kindId, namespace) {
      if (!ACTION_COMMANDS[action].access) return { allowed: true };
      const attrs = accessAttributes(action, kindId, namespace);
      return attrs ? fresh(keyOf(attrs)) : undefined;
    },
  };
}
