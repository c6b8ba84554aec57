// Timing helpers for the benchmarks: warm up, sample, report medians. Nothing here asserts on a
// time; the machine is shared, so figures are only compared within one run.
import { performance } from 'node:perf_hooks';

export interface Sample {
  /** Milliseconds per operation, sorted ascending. */
  ms: number[];
}

export interface TimeOptions {
  warmup?: number;
  runs?: number;
  /** Operations per sample, for work too quick to time one at a time. */
  inner?: number;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Times `fn` `runs` times after `warmup` untimed calls; `fn` gets the call number. */
export function time(fn: (i: number) => unknown, options: TimeOptions = {}): Sample {
  const { warmup = 3, runs = 15, inner = 1 } = options;
  let call = 0;
  let sink: unknown;
  for (let w = 0; w < warmup * inner; w++) sink = fn(call++);
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (let k = 0; k < inner; k++) sink = fn(call++);
    ms.push((performance.now() - t0) / inner);
  }
  keep(sink);
  return { ms: ms.sort((a, b) => a - b) };
}

/** Async variant: one operation per sample. */
export async function timeAsync(fn: (i: number) => Promise<unknown>, options: TimeOptions = {}): Promise<Sample> {
  const { warmup = 1, runs = 5 } = options;
  let call = 0;
  for (let w = 0; w < warmup; w++) await fn(call++);
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await fn(call++);
    ms.push(performance.now() - t0);
  }
  return { ms: ms.sort((a, b) => a - b) };
}

let kept = 0;
/** Keeps a result observable so the JIT cannot drop the work that produced it. */
function keep(value: unknown): void {
  if (value === kept) kept++;
}

/** "12.3 ms", "45.6 µs", "1.23 s". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  if (ms >= 0.001) return `${(ms * 1000).toFixed(2)} µs`;
  return `${(ms * 1e6).toFixed(0)} ns`;
}

export function formatRatio(r: number): string {
  if (!Number.isFinite(r)) return '—';
  return r >= 100 ? `${Math.round(r).toLocaleString('en-US')}×` : `${r.toFixed(r >= 10 ? 1 : 2)}×`;
}
