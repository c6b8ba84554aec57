// What a usage is measured against: a node's allocatable, a pod's limits (the one rule of
// resources/pod-resources.ts, so %CPU/L agrees with describe's Limits).
import type { KubeObject } from '../kube/types.js';
import { podLimit } from '../resources/pod-resources.js';
import { parseQuantity, quantityNumber } from '../resources/quantity.js';
import type { CapacityResource, MetricsTarget } from './metric.js';

/** CPU (cores) and memory (bytes) a usage is measured against, by resource name. */
export type Capacity = Partial<Record<CapacityResource, number>> & {
  /** "allocatable" for a node, "limit" for a pod. */
  label: 'allocatable' | 'limit';
};

function numberOf(text: unknown): number | undefined {
  const q = parseQuantity(text);
  return q ? quantityNumber(q) : undefined;
}

/** A node's status.allocatable. */
export function nodeAllocatable(node: KubeObject): Capacity {
  const alloc = (node as { status?: { allocatable?: Record<string, unknown> } }).status?.allocatable;
  return { cpu: numberOf(alloc?.cpu), memory: numberOf(alloc?.memory), label: 'allocatable' };
}

/** A pod's effective limits; a resource the pod is not bounded in is undefined. */
export function podLimits(pod: KubeObject): Capacity {
  const of = (resource: string): number | undefined => {
    const q = podLimit(pod, resource);
    return q ? quantityNumber(q) : undefined;
  };
  return { cpu: of('cpu'), memory: of('memory'), label: 'limit' };
}

export function metricsTarget(kindId: string | undefined): MetricsTarget | undefined {
  return kindId === 'pods' || kindId === 'nodes' ? kindId : undefined;
}

const capacities = new WeakMap<KubeObject, Capacity>();

/** A node's allocatable or a pod's limits, parsed once per object version. */
export function capacityOf(target: MetricsTarget, obj: KubeObject): Capacity {
  let c = capacities.get(obj);
  if (!c) {
    c = target === 'nodes' ? nodeAllocatable(obj) : podLimits(obj);
    capacities.set(obj, c);
  }
  return c;
}
