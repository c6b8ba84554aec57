// Markdown for the live benchmark: one table per sandbox size with the median of each figure for
// kt, k9s and kubectl, and the ratios kt/k9s and kt/kubectl computed from this run's medians.
import { median } from '../stats.js';
import type { ToolResult } from './session.js';

export interface SizeResult {
  label: string;
  pods: number;
  nodes: number;
  loadBefore: number;
  kubectlMs: number[];
  tools: ToolResult[];
}

/** p-th percentile (nearest rank) of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
}

const fmt = (v: number | undefined, unit: string, digits = 0) => (v === undefined || !Number.isFinite(v) ? '—' : `${v.toFixed(digits)} ${unit}`.trim());
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || !Number.isFinite(a / b) || b === 0 ? '—' : `${(a / b).toFixed(2)}×`);

interface Metric {
  name: string;
  unit: string;
  digits?: number;
  get(t: ToolResult): number | undefined;
  kubectl?: (s: SizeResult) => number | undefined;
}

const med = (v: readonly number[] | undefined) => (v && v.length ? median(v) : undefined);
const churn = (t: ToolResult, rate: number, key: 'cpuPct' | 'bytesPerSec' | 'framesPerSec') => t.churn.find((c) => c.rate === rate)?.[key];

function metrics(rates: readonly number[]): Metric[] {
  return [
    { name: 'first complete frame, Pods(all) (median of launches)', unit: 'ms', get: (t) => med(t.firstFrameMs), kubectl: (s) => med(s.kubectlMs) },
    { name: 'RSS steady (idle, median)', unit: 'MB', get: (t) => t.steadyRssMb },
    { name: 'RSS peak (VmHWM)', unit: 'MB', get: (t) => t.peakRssMb },
    { name: 'CPU idle (% of one core)', unit: '%', digits: 2, get: (t) => t.idle?.cpuPct },
    { name: 'bytes/s idle', unit: 'B/s', get: (t) => t.idle?.bytesPerSec },
    ...rates.flatMap((r): Metric[] => [
      { name: `CPU under churn ${r} writes/s`, unit: '%', digits: 1, get: (t) => churn(t, r, 'cpuPct') },
      { name: `bytes/s under churn ${r} writes/s`, unit: 'B/s', get: (t) => churn(t, r, 'bytesPerSec') },
      // Counted from synchronized-update starts; a program that writes none shows as —.
      { name: `frames/s under churn ${r} writes/s`, unit: '/s', digits: 1, get: (t) => churn(t, r, 'framesPerSec') || undefined },
    ]),
    { name: 'event → screen p50', unit: 'ms', get: (t) => percentile(t.e2sMs ?? [], 50) },
    { name: 'event → screen p99', unit: 'ms', get: (t) => percentile(t.e2sMs ?? [], 99) },
    { name: 'cursor key → frame p50 (first change)', unit: 'ms', digits: 1, get: (t) => percentile(t.cursor?.firstMs ?? [], 50) },
    { name: 'cursor key → frame p99 (first change)', unit: 'ms', digits: 1, get: (t) => percentile(t.cursor?.firstMs ?? [], 99) },
    { name: 'cursor key → output settled p99', unit: 'ms', digits: 1, get: (t) => percentile(t.cursor?.settledMs ?? [], 99) },
    { name: 'filter key → frame p50 (first change)', unit: 'ms', digits: 1, get: (t) => percentile(t.filter?.firstMs ?? [], 50) },
    { name: 'filter key → frame p99 (first change)', unit: 'ms', digits: 1, get: (t) => percentile(t.filter?.firstMs ?? [], 99) },
    { name: 'filter key → output settled p99', unit: 'ms', digits: 1, get: (t) => percentile(t.filter?.settledMs ?? [], 99) },
    { name: 'bytes per cursor move (median)', unit: 'B', get: (t) => med(t.cursor?.bytes) },
    { name: 'bytes per filter keystroke (median)', unit: 'B', get: (t) => med(t.filter?.bytes) },
  ];
}

export function sizeTable(size: SizeResult, rates: readonly number[]): string {
  const kt = size.tools.find((t) => t.tool === 'kt');
  const k9s = size.tools.find((t) => t.tool === 'k9s');
  const before = size.tools.find((t) => t.tool === 'kt-before');
  const out = [
    `### ${size.label}: ${size.pods.toLocaleString('en-US')} pods, ${size.nodes.toLocaleString('en-US')} nodes (load average before: ${size.loadBefore.toFixed(2)})`,
    '',
    `| metric | kt | k9s ${k9s?.version ?? ''} | kubectl | kt/k9s | kt/kubectl |${before ? ' kt before | kt/before |' : ''}`,
    `|---|---:|---:|---:|---:|---:|${before ? '---:|---:|' : ''}`,
  ];
  for (const m of metrics(rates)) {
    const a = kt ? m.get(kt) : undefined;
    const b = k9s ? m.get(k9s) : undefined;
    const c = m.kubectl?.(size);
    const d = before ? m.get(before) : undefined;
    const extra = before ? ` ${fmt(d, m.unit, m.digits)} | ${ratio(a, d)} |` : '';
    out.push(`| ${m.name} | ${fmt(a, m.unit, m.digits)} | ${fmt(b, m.unit, m.digits)} | ${fmt(c, m.unit, m.digits)} | ${ratio(a, b)} | ${c === undefined ? '—' : ratio(a, c)} |${extra}`);
  }
  const samples = (t: ToolResult) =>
    `${t.tool}: ${t.firstFrameMs.length} launches (${t.firstFrameMs.map((v) => v.toFixed(0)).join(', ')} ms), ${t.cursor?.firstMs.length ?? 0} cursor moves, ${t.filter?.firstMs.length ?? 0} filter keys, ${t.e2sMs?.length ?? 0} probes${t.e2sMissed ? ` (${t.e2sMissed} never shown)` : ''}, idle ${t.idle?.seconds.toFixed(0) ?? '—'} s`;
  out.push('', `Samples — kubectl: ${size.kubectlMs.length} runs (${size.kubectlMs.map((v) => v.toFixed(0)).join(', ')} ms); ${size.tools.map(samples).join('; ')}.`);
  for (const t of size.tools) for (const n of t.notes) out.push(`- ${t.tool}: ${n}`);
  for (const t of size.tools) if (t.peaks?.length) out.push(`- ${t.tool}: peak RSS (MB) after each part: ${t.peaks.join(', ')}`);
  return out.join('\n');
}
