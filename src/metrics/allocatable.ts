// The cluster's allocatable CPU and memory for the header: kube-state-metrics's
// kube_node_status_allocatable when Prometheus has it, else the nodes' status.allocatable from the API.
import type { KubeObject } from '../kube/types.js';
import { nodeAllocatable } from './capacity.js';
import type { CapacityResource } from './metric.js';
import type { VectorSample } from './parse.js';

const RESOURCES: readonly CapacityResource[] = ['cpu', 'memory'];

/** Summed over the nodes, by resource name. */
export type Allocatable = Partial<Record<CapacityResource, number>>;

export function allocatableFromNodes(nodes: readonly KubeObject[]): Allocatable {
  const out: Allocatable = {};
  for (const node of nodes) {
    const alloc = nodeAllocatable(node);
    for (const resource of RESOURCES) {
      const v = alloc[resource];
      if (v !== undefined) out[resource] = (out[resource] ?? 0) + v;
    }
  }
  return out;
}

/** From `sum by (resource) (kube_node_status_allocatable{...})`. */
export function allocatableFromSamples(samples: readonly VectorSample[]): Allocatable {
  const out: Allocatable = {};
  for (const s of samples) {
    const resource = RESOURCES.find((r) => r === s.labels.resource);
    if (resource) out[resource] = s.value;
  }
  return out;
}
