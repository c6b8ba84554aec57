// Action targets for the planners' tests.
import type { KubeObject } from '../../../src/kube/types.js';
import type { ActionTarget } from '../../../src/actions/types.js';

export function target(kind: string, name: string, namespace: string | undefined, extra: Partial<KubeObject> = {}): ActionTarget {
  const { metadata, ...rest } = extra;
  return {
    kind,
    name,
    ...(namespace ? { namespace } : {}),
    object: { metadata: { name, ...(namespace ? { namespace } : {}), resourceVersion: '7', ...metadata }, ...rest },
  };
}

export function node(name: string, labels: Record<string, string> = {}, taints?: unknown[]): ActionTarget {
  return target('nodes', name, undefined, { metadata: { name, labels }, spec: taints ? { taints } : {} });
}
