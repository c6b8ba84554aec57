// The cluster's allocatable CPU and memory for the header: kube-state-metrics's
// kube_node_status_allocatable when Prometheus has it, else the nodes' status.allocatable from the API.
import type { KubeObject } from '../kube/types.js';
import type { VectorSample } from './parse.js';

export interface Allocatable {
  cpu?: number;
  mem?: number;
}

const SUFFIX: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A Kubernetes quantity ("3500m", "16Gi", "1e9") as a number; undefined when malformed. */
export function parseQuantity(text: string): number | undefined {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/.exec(text.trim());
  if (!m) return undefined;
  const base = Number(m[1]);
  if (m[2] !== undefined) return base * 10 ** Number(m[2]);
  return base * (SUFFIX[m[3] ?? ''] as number);
}

export function allocatableFromNodes(nodes: readonly KubeObject[]): Allocatable {
  let cpu: number | undefined;
  let mem: number | undefined;
  for (const node of nodes) {
    const alloc = (node.status as { allocatable?: Record<string, string> } | undefined)?.allocatable ?? {};
    const c = alloc.cpu === undefined ? undefined : parseQuantity(alloc.cpu);
    const m = alloc.memory === undefined ? undefined : parseQuantity(alloc.memory);
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
