import { describe, expect, it } from 'vitest';
import { chartedMetrics, PANE_COLUMNS, subjectQueries } from '../../../src/metrics/catalog.js';
import { formatRestarts, restarts } from '../../../src/metrics/descriptors/restarts.js';
import { extendUsage } from '../../../src/metrics/history.js';
import { DEFAULT_QUERY_OPTIONS, seriesKey } from '../../../src/metrics/promql.js';
import { usageCells } from '../../../src/views/metrics-columns.js';

const podKey = (l: Readonly<Record<string, string>>) => seriesKey('pods', l);

describe('restarts over the last hour', () => {
  it("asks kube-state-metrics for the increase of the pods' restart counters over 1h, per pod", () => {
    const page = Object.fromEntries(subjectQueries({ target: 'pods', namespace: 'shop', pods: ['shop/api-1'] }, 'kubelet', DEFAULT_QUERY_OPTIONS));
    expect(page.restarts).toBe(
      'sum by (namespace, pod) (max by (namespace, pod, container) ' +
        '(increase(kube_pod_container_status_restarts_total{namespace="shop",pod=~"api-1"}[1h])))',
    );
  });

  it('is a column of the pods pane only, after the others; not a node metric, not charted', () => {
    expect(PANE_COLUMNS.pods.at(-1)).toEqual({ metric: restarts, column: { name: 'RESTARTS/1H', shows: 'value', priority: 42, order: 40 } });
    expect(PANE_COLUMNS.nodes.some((c) => c.metric === restarts)).toBe(false);
    expect(subjectQueries({ target: 'nodes' }, 'kubelet', DEFAULT_QUERY_OPTIONS).map(([id]) => id)).not.toContain('restarts');
    expect(chartedMetrics('pods')).not.toContain(restarts);
  });

  it("prints whole restarts (increase() extrapolates: 2 restarts can read 2.2), from the answer's value", () => {
    expect([0, 0.4, 2.2, 2.6].map(formatRestarts)).toEqual(['0', '0', '2', '3']);
    const usage = extendUsage(new Map(), { restarts: [{ labels: { namespace: 'shop', pod: 'api-1', container: 'api' }, value: 2.2 }] }, podKey, 5);
    const cells = usageCells('pods', usage.get('shop/api-1'), { label: 'limit' }, true);
    const at = PANE_COLUMNS.pods.findIndex((c) => c.metric === restarts);
    expect(cells[at]).toEqual({ text: '2', colour: undefined });
    // CPU and memory unknown for this pod: their cells say so, the restarts cell still counts.
    expect(cells[0]?.text).toBe('–');
  });
});
