// A usage chart as panel lines: samples resampled to the width by time, drawn by asciichart
// (with the capacity as a flat second line), and asciichart's colour codes turned back into
// segments so the panel can cut and pad lines by their visible width.
import asciichart from 'asciichart';
import type { Samples } from '../metrics/types.js';
import type { Segment } from './Panel.js';

export interface Stats {
  min: number;
  avg: number;
  max: number;
  last: number;
}

export function stats(samples: Samples): Stats | undefined {
  if (samples.length === 0) return undefined;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const [, v] of samples) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
  }
  return { min, max, avg: sum / samples.length, last: samples[samples.length - 1]?.[1] ?? 0 };
}

/**
 * `width` points evenly spaced in time from the first sample to the last: each the mean of the
 * samples in its slot, or the previous point's value when a slot has none (a gap, or fewer samples than points).
 */
export function resample(samples: Samples, width: number): number[] {
  if (samples.length === 0 || width <= 0) return [];
  const first = samples[0]?.[0] ?? 0;
  const last = samples[samples.length - 1]?.[0] ?? first;
  const span = last - first;
  if (span <= 0) return new Array<number>(width).fill(samples[samples.length - 1]?.[1] ?? 0);
  const sums = new Array<number>(width).fill(0);
  const counts = new Array<number>(width).fill(0);
  for (const [t, v] of samples) {
    const slot = Math.min(width - 1, Math.floor(((t - first) / span) * width));
    sums[slot] = (sums[slot] ?? 0) + v;
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  const out: number[] = [];
  let prev = samples[0]?.[1] ?? 0;
  for (let i = 0; i < width; i++) {
    const n = counts[i] ?? 0;
    if (n > 0) prev = (sums[i] ?? 0) / n;
    out.push(prev);
  }
  return out;
}

/** Ink colour names for asciichart's codes (only those used here). */
const CODE_COLOURS: Record<string, string> = {
  [asciichart.red]: 'red',
  [asciichart.green]: 'green',
  [asciichart.yellow]: 'yellow',
  [asciichart.blue]: 'blue',
  [asciichart.magenta]: 'magenta',
  [asciichart.cyan]: 'cyan',
  [asciichart.darkgray]: 'gray',
};
export const CHART_COLOURS = {
  red: asciichart.red,
  yellow: asciichart.yellow,
  green: asciichart.green,
  blue: asciichart.blue,
  cyan: asciichart.cyan,
  magenta: asciichart.magenta,
  gray: asciichart.darkgray,
} as const;

// eslint-disable-next-line no-control-regex
const SGR = /\u001B\[(\d+)m/g;

/** One line of asciichart output as segments; runs of the same colour are merged. */
export function ansiSegments(line: string, base: Omit<Segment, 'text'> = {}): Segment[] {
  const out: Segment[] = [];
  let colour: string | undefined;
  let last = 0;
  const push = (text: string) => {
    if (!text) return;
    const prev = out[out.length - 1];
    if (prev && prev.color === colour) prev.text += text;
    else out.push({ ...base, text, color: colour ?? base.color });
  };
  for (const m of line.matchAll(SGR)) {
    push(line.slice(last, m.index));
    const code = m[0];
    colour = code === asciichart.reset || code === asciichart.default ? undefined : CODE_COLOURS[code];
    last = m.index + code.length;
  }
  push(line.slice(last));
  return out;
}

export interface ChartInput {
  samples: Samples;
  /** Other lines in the same chart, each in its own colour. */
  more?: readonly { samples: Samples; colour?: string }[];
  /** The flat line (allocatable or limit), when known. */
  capacity?: number;
  /** Lines the chart may take, at least 2. */
  rows: number;
  /** Characters the chart may take, labels included. */
  width: number;
  /** Axis labels (rounded, unlike kubectl top's round-up, so the axis reads evenly). */
  format: (value: number) => string;
  /** asciichart colour codes; none without colour. */
  colour?: string;
  capacityColour?: string;
}

/** The chart's lines (at most `rows`), each at most `width` wide. */
export function chartLines({ samples, more = [], capacity, rows, width, format, colour, capacityColour }: ChartInput): string[] {
  const lines = [{ samples, colour }, ...more].filter((l) => l.samples.length > 0);
  const all = lines.map((l) => stats(l.samples)).filter((s): s is Stats => s !== undefined);
  if (all.length === 0 || rows < 2) return [];
  let top = Math.max(...all.map((s) => s.max), capacity ?? 0);
  if (top <= 0) top = 1e-3; // an all-zero series still gets an axis
  // Every row's label, not only the ends: "8.2KiB/s" is wider than "66KiB/s".
  const height = rows - 1;
  const labelWidth = Math.max(...Array.from({ length: height + 1 }, (_, i) => format((top * i) / height).length));
  // asciichart puts the whole label in one cell: with offset 2 a line is the label, axis, points.
  const points = Math.max(2, width - labelWidth - 2);
  const series: number[][] = lines.map((l) => resample(l.samples, points));
  const colors: (string | undefined)[] = lines.map((l) => l.colour);
  if (capacity !== undefined && capacity > 0) {
    series.push(new Array<number>(points).fill(capacity));
    colors.push(capacityColour);
  }
  const text = asciichart.plot(series, {
    min: 0,
    max: top,
    height,
    offset: 2,
    colors,
    format: (x: number) => `${format(Math.max(0, x)).padStart(labelWidth)} `,
  });
  return text.split('\n').slice(0, rows).map((line) => line.trimEnd());
}

/** "14m", "1h", "5h30m": a span of seconds, to the minute. */
export function formatSpan(seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h${m}m`;
}

/** The line under the charts: how long ago the first sample was on the left, "now" on the right. */
export function timeAxis(samples: Samples, nowSeconds: number, width: number): string {
  const first = samples[0]?.[0];
  if (first === undefined || width < 12) return '';
  const left = `└ ${formatSpan(nowSeconds - first)} ago`;
  const right = 'now ┘';
  return `${left}${' '.repeat(Math.max(1, width - left.length - right.length))}${right}`;
}
