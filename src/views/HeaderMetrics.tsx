// The header's metrics piece: cluster CPU and memory sparklines with the latest use (a % of the
// nodes' allocatable when known), and where the numbers come from — "metrics: <source>", or
// "metrics: none (<reason>)" when there are none. Fitted to a width: the sparklines shrink and
// go first, the reason stays longest.
import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';
import { useClusterMetrics, type ClusterMetrics } from '../hooks/useMetrics.js';
import type { MetricsSource } from '../metrics/types.js';
import { HEADER_METRICS } from '../metrics/catalog.js';
import { formatPercent, NO_VALUE, percentOf } from '../metrics/format.js';
import type { MetricDescriptor } from '../metrics/metric.js';
import { sparkline } from '../metrics/sparkline.js';
import { capacityFor, pressure } from '../metrics/standing.js';
import { cut, type Segment } from './Panel.js';
import { PRESSURE_COLOUR } from './metrics-columns.js';
import { theme } from './theme.js';

/** "cpu ▁▂▃▅▇ 12%": a metric summed over the nodes, as a share of their allocatable when known. */
function usagePart(metric: MetricDescriptor, c: ClusterMetrics, spark: number, plain: boolean, gap: string): Segment[] {
  const history = c.usage.totals[metric.id]?.history ?? [];
  const value = c.usage.totals[metric.id]?.value;
  const pct = percentOf(value, capacityFor(metric, { ...c.usage.allocatable, label: 'allocatable' }));
  const text = value === undefined ? NO_VALUE : pct === undefined ? metric.format(value) : formatPercent(pct);
  const out: Segment[] = [{ text: `${metric.label.toLowerCase()} `, color: theme.muted }];
  if (spark > 0 && history.length > 0) out.push({ text: `${sparkline(history, spark).trimStart()} `, color: plain ? undefined : theme.title });
  out.push({ text, bold: true, color: plain ? undefined : PRESSURE_COLOUR[pressure(pct)] }, { text: gap });
  return out;
}

/** "monitoring/prometheus-k8s:web (API proxy)" → "monitoring/prometheus-k8s"; a URL loses its scheme. */
export function shortSource(source: string): string {
  if (source.includes('://')) return source.replace(/^[a-z]+:\/\//, '');
  return source.replace(/ \(.*\)$/, '').replace(/:[^/ ]+$/, '');
}

function sourcePart(c: ClusterMetrics, short: boolean): Segment[] {
  const { status } = c;
  const label: Segment = { text: 'metrics: ', color: theme.muted };
  const source = status.source && short ? shortSource(status.source) : status.source;
  if (status.state === 'ok') return [label, { text: source ?? 'prometheus' }];
  if (status.state === 'loading') return [label, { text: `${source ?? 'looking for Prometheus'} …`, color: theme.muted }];
  const reason = status.reason ?? (status.state === 'none' ? 'no Prometheus found' : 'error');
  return [label, { text: `none (${reason})`, color: status.state === 'error' ? theme.error : theme.warning }];
}

const widthOf = (segments: readonly Segment[]) => segments.reduce((n, s) => n + s.text.length, 0);

/** Tried in order until one fits: wide sparklines and the full source first. */
const FORMS = [
  { spark: 10, short: false, gap: '  ' },
  { spark: 10, short: true, gap: '  ' },
  { spark: 6, short: true, gap: '  ' },
  { spark: 3, short: true, gap: ' ' },
  { spark: 0, short: true, gap: ' ' },
] as const;

/** The piece as segments of at most `width` characters. */
export function headerMetricsSegments(c: ClusterMetrics, width: number, plain: boolean): Segment[] {
  const up = c.status.state === 'ok' || c.status.state === 'loading';
  for (const form of up ? FORMS : []) {
    const all = [
      ...HEADER_METRICS.flatMap((m) => usagePart(m, c, form.spark, plain, form.gap)),
      ...sourcePart(c, form.short),
    ];
    if (widthOf(all) <= width) return all;
  }
  // Only where the numbers come from (or why there are none), cut to fit.
  const out: Segment[] = [];
  let left = width;
  for (const s of sourcePart(c, up)) {
    if (left <= 0) break;
    const text = cut(s.text, left);
    out.push({ ...s, text });
    left -= text.length;
  }
  return out;
}

function HeaderMetricsView({ cluster, width, plain }: { cluster: ClusterMetrics; width: number; plain: boolean }) {
  return (
    <Text wrap="truncate">
      {headerMetricsSegments(cluster, width, plain).map((s, i) => (
        <Text key={i} color={s.color} bold={s.bold}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}

export const HeaderMetrics = memo(HeaderMetricsView);

/**
 * Header line 2: `children` on the left, the metrics piece on the right. The piece takes what it
 * needs, leaving `keepLeft` characters (the namespace, and room for an ellipsis) to the left; the rest (the
 * favourites) is cut first.
 */
export function WithMetrics(p: { source: MetricsSource | undefined; width: number; keepLeft: number; plain: boolean; children: ReactNode }) {
  // Subscribed here, not in App, so a refresh re-renders this line alone.
  const cluster = useClusterMetrics(p.source);
  if (!cluster) return <>{p.children}</>;
  const budget = Math.max(0, p.width - p.keepLeft - 1);
  const right = widthOf(headerMetricsSegments(cluster, budget, p.plain));
  return (
    <Box width={p.width}>
      <Box width={Math.max(0, p.width - right - 1)} marginRight={1} overflow="hidden">
        {p.children}
      </Box>
      <Box width={right} flexShrink={0} justifyContent="flex-end">
        <HeaderMetrics cluster={cluster} width={right} plain={p.plain} />
      </Box>
    </Box>
  );
}
