// Usage as `kubectl top` prints it: CPU in whole millicores rounded up ("250m"), memory in whole
// MiB rounded down ("512Mi"), and a percentage of a capacity cut to a whole number ("12%").
// Also the capacities the percentages are of: a node's allocatable, a pod's limits.
import type { KubeObject } from '../kube/types.js';

/** Shown in a metrics cell when there is no number (no Prometheus, no sample, an error). */
export const NO_VALUE = '–';

const MI = 1024 * 1024;
/** Float noise (0.1 + 0.2) must not round 300m up to 301m. */
const EPSILON = 1e-9;

/** Millicores as Quantity.MilliValue(): rounded up. */
export function milliCores(cores: number): number {
  return Math.max(0, Math.ceil(cores * 1000 - EPSILON));
}

/** "250m", as `kubectl top` prints CPU(cores). */
export function formatCpu(cores: number | undefined): string {
  if (cores === undefined || !Number.isFinite(cores)) return NO_VALUE;
  return `${milliCores(cores)}m`;
}

/** "512Mi", as `kubectl top` prints MEMORY(bytes): bytes rounded up, then whole MiB rounded down. */
export function formatMem(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return NO_VALUE;
  return `${Math.floor(Math.max(0, Math.ceil(bytes - EPSILON)) / MI)}Mi`;
}

/**
 * "12%", as `kubectl top node` prints CPU(%) and MEMORY(%): the milli-values' ratio, truncated;
 * 0% of a zero capacity. undefined without a capacity.
 */
export function percentOf(used: number | undefined, capacity: number | undefined): number | undefined {
  if (used === undefined || capacity === undefined || !Number.isFinite(used)) return undefined;
  if (capacity <= 0) return 0;
  return Math.trunc((Math.ceil(used * 1000 - EPSILON) / Math.ceil(capacity * 1000 - EPSILON)) * 100);
}

export function formatPercent(percent: number | undefined): string {
  return percent === undefined ? NO_VALUE : `${percent}%`;
}

/** Where a usage stands against its capacity: over 80% is pressure, 100% and more is over. */
export type Pressure = 'ok' | 'high' | 'over';
export const PRESSURE_HIGH = 80;

export function pressure(percent: number | undefined): Pressure {
  if (percent === undefined || percent <= PRESSURE_HIGH) return 'ok';
  return percent >= 100 ? 'over' : 'high';
}

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** A resource quantity ("100m", "64Mi", "2", "1e3") as a number of base units; undefined if not one. */
export function quantityValue(text: unknown): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) ? text : undefined;
  if (typeof text !== 'string') return undefined;
  const m = /^([+-]?\d*(?:\.\d*)?)(?:[eE]([+-]?\d+)|([a-zA-Z]*))$/.exec(text.trim());
  if (!m || !/\d/.test(m[1] ?? '')) return undefined;
  const base = Number(m[1]);
  if (m[2] !== undefined) return base * 10 ** Number(m[2]);
  const suffix = m[3] ?? '';
  const factor = BINARY[suffix] ?? DECIMAL[suffix];
  return factor === undefined ? undefined : base * factor;
}

/** CPU (cores) and memory (bytes) a usage is measured against. */
export interface Capacity {
  cpu?: number;
  mem?: number;
  /** "allocatable" for a node, "limit" for a pod. */
  label: 'allocatable' | 'limit';
}

type Resources = Record<string, unknown> | undefined;

/** A node's status.allocatable. */
export function nodeAllocatable(node: KubeObject): Capacity {
  const status = (node as { status?: { allocatable?: Resources } }).status;
  const alloc = status?.allocatable;
  return { cpu: quantityValue(alloc?.cpu), mem: quantityValue(alloc?.memory), label: 'allocatable' };
}

/**
 * A pod's limit per resource: the sum over its containers, only when every container sets one
 * (a container without a limit can use the whole node, so the pod has none).
 */
export function podLimits(pod: KubeObject): Capacity {
  const spec = (pod as { spec?: { containers?: { resources?: { limits?: Resources } }[] } }).spec;
  const containers = spec?.containers ?? [];
  const sum = (resource: string): number | undefined => {
    if (containers.length === 0) return undefined;
    let total = 0;
    for (const c of containers) {
      const v = quantityValue(c.resources?.limits?.[resource]);
      if (v === undefined) return undefined;
      total += v;
    }
    return total;
  };
  return { cpu: sum('cpu'), mem: sum('memory'), label: 'limit' };
}
