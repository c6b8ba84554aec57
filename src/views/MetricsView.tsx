// `m`: the charted metrics of one pod or node (CPU, memory, network) over 15m, 1h or 6h, as
// asciichart line charts with now/min/avg/max and, when known, the allocatable (node) or limit
// (pod) as a flat line. Keys 1/2/3 or Tab switch the range; Esc or q close. Pressure (over 80% of
// the capacity) colours the line; the percentages say it without colour.
import { type Dispatch } from 'react';
import type { MetricsViewState } from '../app/metrics-state.js';
import { RANGES } from '../app/metrics-state.js';
import type { AppEvent } from '../app/reducer.js';
import { useMetricsRange, type RangeState } from '../hooks/useMetrics.js';
import { useKeymap } from '../hooks/useKeymap.js';
import type { CommandId } from '../keys/bindings.js';
import { chartedMetrics } from '../metrics/catalog.js';
import { formatPercent, percentOf } from '../metrics/format.js';
import type { ChartColour } from '../metrics/metric.js';
import { capacityFor, pressure } from '../metrics/standing.js';
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

const COLOURS: Record<ChartColour, string> = {
  cyan: CHART_COLOURS.cyan,
  magenta: CHART_COLOURS.magenta,
  green: CHART_COLOURS.green,
  blue: CHART_COLOURS.blue,
  yellow: CHART_COLOURS.yellow,
};

interface Series {
  name: string;
  samples: Samples;
  capacity?: number;
  format: (v: number) => string;
  axis: (v: number) => string;
  colour: string;
}

/** One chart: one metric, or the metrics of a chart group (network's receive and transmit). */
interface Section {
  title: string;
  series: Series[];
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

function summary(section: Section, label: string, plain: boolean): PanelLine {
  const key = `${section.title}-head`;
  const [s, ...more] = section.series;
  if (!s) return { key, segments: [] };
  if (more.length > 0) return groupSummary(section);
  const st = stats(s.samples);
  if (!st) return { key, segments: [{ text: `${s.name}  no samples`, bold: true }] };
  const pct = percentOf(st.last, s.capacity);
  const colour = plain ? undefined : PRESSURE_COLOUR[pressure(pct)];
  const now = `now ${s.format(st.last)}${pct === undefined ? '' : ` ${formatPercent(pct)}`}`;
  const rest = `  min ${s.format(st.min)}  avg ${s.format(st.avg)}  max ${s.format(st.max)}`;
  const cap = s.capacity === undefined ? '' : `  ${label} ${s.format(s.capacity)}`;
  return { key, segments: [{ text: `${s.name}  `, bold: true }, { text: now, color: colour, bold: true }, { text: rest }, { text: cap, color: theme.muted }] };
}

/** "NET  RX now 58KiB/s  max 66KiB/s   TX now 22KiB/s  max 23KiB/s": each series by its name within the group. */
function groupSummary(section: Section): PanelLine {
  const segments: Segment[] = [{ text: `${section.title}  `, bold: true }];
  section.series.forEach((s, i) => {
    const name = s.name.startsWith(`${section.title} `) ? s.name.slice(section.title.length + 1) : s.name;
    const st = stats(s.samples);
    segments.push({ text: `${i > 0 ? '   ' : ''}${name} `, color: theme.muted });
    if (!st) segments.push({ text: 'no samples' });
    else segments.push({ text: `now ${s.format(st.last)}`, bold: true }, { text: `  max ${s.format(st.max)}` });
  });
  return { key: `${section.title}-head`, segments };
}

function chart(section: Section, rows: number, width: number, plain: boolean): PanelLine[] {
  const [s, ...more] = section.series;
  if (!s) return [];
  const st = stats(s.samples);
  // Pressure colours a chart of one metric against its capacity.
  const pct = st && more.length === 0 ? percentOf(st.last, s.capacity) : undefined;
  const level = pressure(pct);
  const colour = level === 'over' ? CHART_COLOURS.red : level === 'high' ? CHART_COLOURS.yellow : s.colour;
  const lines = chartLines({
    samples: s.samples,
    more: more.map((m) => ({ samples: m.samples, colour: plain ? undefined : m.colour })),
    capacity: s.capacity,
    rows,
    width,
    format: s.axis,
    colour: plain ? undefined : colour,
    capacityColour: plain ? undefined : CHART_COLOURS.gray,
  });
  return lines.map((line, i) => ({ key: `${section.title}-${i}`, segments: ansiSegments(line) }));
}

/** The charted metrics the answer has samples for, those of one chart group together. */
function sectionsOf(p: MetricsViewProps, samples: Readonly<Record<string, Samples>>): Section[] {
  const sections: Section[] = [];
  const groups = new Map<string, Section>();
  for (const m of chartedMetrics(p.view.target)) {
    const own = samples[m.id];
    if (!own) continue; // no query for it (a node family without such series)
    const series = { name: m.label, samples: own, capacity: capacityFor(m, p.view.capacity), format: m.format, axis: m.axis, colour: COLOURS[m.chart?.colour ?? 'cyan'] };
    const group = m.chart?.group;
    const held = group === undefined ? undefined : groups.get(group);
    if (held) {
      held.series.push(series);
      continue;
    }
    const section = { title: group ?? m.label, series: [series] };
    sections.push(section);
    if (group !== undefined) groups.set(group, section);
  }
  return sections;
}

function bodyLines(p: MetricsViewProps, result: RangeState, inner: number, rows: number): PanelLine[] {
  const lines: PanelLine[] = [rangeLine(p.view.range)];
  if (result.state === 'loading') return [...lines, { key: 'status', segments: [{ text: 'loading…', color: theme.muted }] }];
  if (result.state === 'error') return [...lines, { key: 'status', segments: [{ text: `metrics: ${result.error}`, color: theme.error }] }];
  const sections = sectionsOf(p, result.data.samples);
  // What is left after the range line, the summaries and the time axis, shared by the charts.
  const free = rows - 2 - sections.length;
  const chartRows = Math.floor(free / Math.max(1, sections.length));
  sections.forEach((s, i) => {
    lines.push(summary(s, p.view.capacity.label, p.plain));
    // The first chart takes the odd lines left over.
    const own = chartRows + (i === 0 ? free % sections.length : 0);
    if (chartRows >= 2) lines.push(...chart(s, own, inner, p.plain));
  });
  const longest = sections.flatMap((s) => s.series).reduce<Samples>((a, s) => (s.samples.length > a.length ? s.samples : a), []);
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
