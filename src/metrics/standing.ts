// How a metric's value stands against what it is measured by (the node's allocatable, the pod's
// limit): the percentage, the pressure (over 80% is high, 100% and more is over), and the text of
// a % cell. Views only colour what this decides.
import type { Capacity } from './capacity.js';
import { formatPercent, NO_VALUE, percentOf } from './format.js';
import type { MetricDescriptor } from './metric.js';
import type { MetricsStatus } from './types.js';

export type Pressure = 'ok' | 'high' | 'over';
export const PRESSURE_HIGH = 80;

export function pressure(percent: number | undefined): Pressure {
  if (percent === undefined || percent <= PRESSURE_HIGH) return 'ok';
  return percent >= 100 ? 'over' : 'high';
}

export interface Standing {
  /** Of the capacity; undefined without a value or a capacity. */
  percent?: number;
  pressure: Pressure;
  /** The % cell: "85%"; "n/a" for a pod without that limit; "–" without a number. */
  text: string;
}

/** What the metric is measured against in `capacity`, if anything. */
export function capacityFor(metric: MetricDescriptor, capacity: Capacity): number | undefined {
  return metric.capacity ? capacity[metric.capacity] : undefined;
}

export function standing(metric: MetricDescriptor, value: number | undefined, capacity: Capacity): Standing {
  const of = capacityFor(metric, capacity);
  const percent = percentOf(value, of);
  const text = of === undefined ? (capacity.label === 'limit' ? 'n/a' : NO_VALUE) : formatPercent(percent);
  return { percent, pressure: pressure(percent), text };
}

/** Whether the numbers can be trusted: the engine is up (or refreshing with numbers in hand). */
export function metricsAvailable(status: MetricsStatus | undefined): boolean {
  return status?.state === 'ok' || status?.state === 'loading';
}
