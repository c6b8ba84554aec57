// `m`: CPU and memory of one pod or node over 15m, 1h or 6h, as two asciichart line charts with
// now/min/avg/max and, when known, the allocatable (node) or limit (pod) as a flat line. Keys
// 1/2/3 or Tab switch the range; Esc or q close. Pressure (over 80% of the capacity) colours the
// line; the percentages say it without colour.
import { type Dispatch } from 'react';
import type { MetricsViewState } from '../app/metrics-state.js';
import { RANGES } from '../app/metrics-state.js';
import type { AppEvent } from '../app/reducer.js';
import { useMetricsRange, type RangeState } from '../hooks/useMetrics.js';
import { useKeymap } from '../hooks/useKeymap.js';
import type { CommandId } from '../keys/bindings.js';
import { formatCpu, formatMem, formatPercent, percentOf, pressure } from '../metrics/format.js';
import type { MetricsSource, RangeName, Samples } from '../metrics/types.js';
import { ansiSegments, CHART_COLOURS, chartLines, stats, timeAxis } from './chart.js';
import { PRESSURE_COLOUR } from './metrics-columns.js';
import { Panel, type PanelLine, type Segment } from './Panel.js';
import { theme } from './theme.js';

export interface MetricsViewProps {
  metrics: MetricsSource;
  view: MetricsViewState;
  width: number;
  /** Lines, borders included. */
  height: number;
  plain: boolean;
  active: boolean;
  dispatch: Dispatch<AppEvent>;
}

const RANGE_KEYS: Partial<Record<CommandId, RangeName>> = { 'metrics.range15m': '15m', 'metrics.range1h': '1h', 'metrics.range6h': '6h' };

const MI = 1024 * 1024;
const AXIS = {
  cpu: (cores: number) => `${Math.round(cores * 1000)}m`,
  mem: (bytes: number) => `${Math.round(bytes / MI)}Mi`,
};

interface Section {
  name: 'CPU' | 'MEM';
  samples: Samples;
  capacity?: number;
  format: (v: number) => string;
  axis: (v: number) => string;
  colour: string;
}

function rangeLine(current: RangeName): PanelLine {
  const segments: Segment[] = [{ text: 'range ', color: theme.muted }];
  for (const r of RANGES) {
    const on = r === current;
    segments.push({ text: on ? `[${r}]` : ` ${r} `, bold: on, color: on ? theme.title : undefined }, { text: ' ' });
  }
  segments.push({ text: '  1/2/3 or tab: range  esc: close', color: theme.muted });
  return { key: 'range', segments };
}

function summary(s: Section, label: string, plain: boolean): PanelLine {
  const st = stats(s.samples);
  if (!st) return { key: `${s.name}-head`, segments: [{ text: `${s.name}  no samples`, bold: true }] };
  const pct = percentOf(st.last, s.capacity);
  const colour = plain ? undefined : PRESSURE_COLOUR[pressure(pct)];
  const now = `now ${s.format(st.last)}${pct === undefined ? '' : ` ${formatPercent(pct)}`}`;
  const rest = `  min ${s.format(st.min)}  avg ${s.format(st.avg)}  max ${s.format(st.max)}`;
  const cap = s.capacity === undefined ? '' : `  ${label} ${s.format(s.capacity)}`;
  return {
    key: `${s.name}-head`,
    segments: [{ text: `${s.name}  `, bold: true }, { text: now, color: colour, bold: true }, { text: rest }, { text: cap, color: theme.muted }],
  };
}

function chart(s: Section, rows: number, width: number, plain: boolean): PanelLine[] {
  const st = stats(s.samples);
  const pct = st ? percentOf(st.last, s.capacity) : undefined;
  const level = pressure(pct);
  const colour = level === 'over' ? CHART_COLOURS.red : level === 'high' ? CHART_COLOURS.yellow : s.colour;
  const lines = chartLines({
    samples: s.samples,
    capacity: s.capacity,
    rows,
    width,
    format: s.axis,
    colour: plain ? undefined : colour,
    capacityColour: plain ? undefined : CHART_COLOURS.gray,
  });
  return lines.map((line, i) => ({ key: `${s.name}-${i}`, segments: ansiSegments(line) }));
}

function bodyLines(p: MetricsViewProps, result: RangeState, inner: number, rows: number): PanelLine[] {
  const lines: PanelLine[] = [rangeLine(p.view.range)];
  if (result.state === 'loading') return [...lines, { key: 'status', segments: [{ text: 'loading…', color: theme.muted }] }];
  if (result.state === 'error') return [...lines, { key: 'status', segments: [{ text: `metrics: ${result.error}`, color: theme.error }] }];
  const { capacity } = p.view;
  const sections: Section[] = [
    { name: 'CPU', samples: result.data.cpu, capacity: capacity.cpu, format: formatCpu, axis: AXIS.cpu, colour: CHART_COLOURS.cyan },
    { name: 'MEM', samples: result.data.mem, capacity: capacity.mem, format: formatMem, axis: AXIS.mem, colour: CHART_COLOURS.magenta },
  ];
  // What is left after the range line, the two summaries and the time axis, shared by the two charts.
  const free = rows - 2 - sections.length;
  const chartRows = Math.floor(free / sections.length);
  sections.forEach((s, i) => {
    lines.push(summary(s, capacity.label, p.plain));
    // CPU takes the odd line left over.
    const own = chartRows + (i === 0 ? free % sections.length : 0);
    if (chartRows >= 2) lines.push(...chart(s, own, inner, p.plain));
  });
  const longest = sections.reduce<Samples>((a, s) => (s.samples.length > a.length ? s.samples : a), []);
  const axis = chartRows >= 2 ? timeAxis(longest, Date.now() / 1000, inner) : '';
  if (axis) lines.push({ key: 'axis', segments: [{ text: axis, color: theme.muted }] });
  return lines;
}

export function MetricsView(p: MetricsViewProps) {
  const { view, dispatch } = p;
  const result = useMetricsRange(p.metrics, view.target, view.key, view.range);
  useKeymap(
    ['metrics'],
    {
      onCommand(id) {
        const range = RANGE_KEYS[id];
        if (range) dispatch({ type: 'metricsRange', range });
        else if (id === 'metrics.nextRange') dispatch({ type: 'metricsRange', range: 'next' });
        else if (id === 'metrics.close') dispatch({ type: 'cancel' });
      },
    },
    p.active,
  );
  const inner = Math.max(1, p.width - 2);
  const rows = Math.max(0, p.height - 2);
  const what = view.target === 'nodes' ? 'node' : 'pod';
  const title = `Metrics: ${what} ${view.key} [${view.range}]`;
  return <Panel title={title} width={p.width} height={p.height} focused lines={bodyLines(p, result, inner, rows)} />;
}
