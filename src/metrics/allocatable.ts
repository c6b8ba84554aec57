// The cluster's allocatable CPU and memory for the header: kube-state-metrics's
// kube_node_status_allocatable when Prometheus has it, else the nodes' status.allocatable from the API.
import type { KubeObject } from '../kube/types.js';
import { nodeAllocatable } from './capacity.js';
import type { VectorSample } from './parse.js';

export interface Allocatable {
  cpu?: number;
  mem?: number;
}

export function allocatableFromNodes(nodes: readonly KubeObject[]): Allocatable {
  let cpu: number | undefined;
  let mem: number | undefined;
  for (const node of nodes) {
    const { cpu: c, mem: m } = nodeAllocatable(node);
    if (c !== undefined) cpu = (cpu ?? 0) + c;
    if (m !== undefined) mem = (mem ?? 0) + m;
  }
  return { cpu, mem };
}

/** From `sum by (resource) (kube_node_status_allocatable{...})`. */
export function allocatableFromSamples(samples: readonly VectorSample[]): Allocatable {
  const out: Allocatable = {};
  for (const s of samples) {
    if (s.labels.resource === 'cpu') out.cpu = s.value;
    else if (s.labels.resource === 'memory') out.mem = s.value;
  }
  return out;
}
