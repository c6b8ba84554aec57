// Usage as `kubectl top` prints it: CPU in whole millicores rounded up ("250m"), memory in whole
// MiB rounded down ("512Mi"), and a percentage of a capacity cut to a whole number ("12%"); and
// the rates kubectl has no form for ("1.5KiB/s").

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

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** "0B/s", "1.5KiB/s", "120MiB/s": binary units, one decimal below 10. */
export function formatBytesRate(bytesPerSecond: number | undefined): string {
  if (bytesPerSecond === undefined || !Number.isFinite(bytesPerSecond)) return NO_VALUE;
  let v = Math.max(0, bytesPerSecond);
  let unit = 0;
  while (v >= 1024 && unit < UNITS.length - 1) {
    v /= 1024;
    unit++;
  }
  const text = unit > 0 && v < 10 ? v.toFixed(1).replace(/\.0$/, '') : String(Math.round(v));
  return `${text}${UNITS[unit] ?? 'B'}/s`;
}
