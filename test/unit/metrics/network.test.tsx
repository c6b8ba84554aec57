import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { chartedMetrics, PANE_COLUMNS, queryOf, subjectQueries } from '../../../src/metrics/catalog.js';
import { netReceive, netTransmit } from '../../../src/metrics/descriptors/network.js';
import { formatBytesRate } from '../../../src/metrics/format.js';
import { DEFAULT_QUERY_OPTIONS, type NodeFamily } from '../../../src/metrics/promql.js';
import { MetricsView } from '../../../src/views/MetricsView.js';
import { FakeMetrics, series } from '../metrics-views/fake-metrics.js';
import { tick, withNoColor } from '../views/harness.js';

const KI = 1024;
const nodeQuery = (family: NodeFamily, node?: string) => queryOf(netReceive, 'nodes', family, DEFAULT_QUERY_OPTIONS, { node });

describe('network receive and transmit', () => {
  withNoColor();

  it("asks cAdvisor for a pod's bytes per second, one interface counted once", () => {
    expect(queryOf(netTransmit, 'pods', 'kubelet', DEFAULT_QUERY_OPTIONS, { pods: { namespace: 'shop', pod: 'api-1' } })).toBe(
      'sum by (namespace, pod) (max by (namespace, pod, interface) ' +
        '(rate(container_network_transmit_bytes_total{namespace="shop",pod="api-1"}[2m])))',
    );
  });

  it('asks node-exporter for a node without loopback, else sums the node pods (kubelet family)', () => {
    expect(nodeQuery('node-exporter', 'n1')).toBe('sum by (node) (rate(node_network_receive_bytes_total{device!="lo",node="n1"}[2m]))');
    expect(nodeQuery('node-exporter-uname')).toContain('* on (instance) group_left(node) max by (instance, node) (label_replace(node_uname_info');
    expect(nodeQuery('kubelet', 'n1')).toBe(
      'sum by (node) (max by (node, namespace, pod, interface) ' +
        '(rate(container_network_receive_bytes_total{node!="",pod!="",node="n1"}[2m])))',
    );
  });

  it('is charted by `m` for pods and nodes, never a pane column, and not refreshed with the panes', () => {
    for (const target of ['pods', 'nodes'] as const) {
      expect(chartedMetrics(target).map((m) => m.id)).toEqual(['cpu', 'mem', 'netRx', 'netTx']);
      expect(PANE_COLUMNS[target].some((c) => c.metric === netReceive || c.metric === netTransmit)).toBe(false);
      expect(subjectQueries({ target }, 'kubelet', DEFAULT_QUERY_OPTIONS).map(([id]) => id)).not.toContain('netRx');
    }
  });

  it('prints bytes per second in binary units', () => {
    expect([0, 512, 1536, 20 * KI, 1.25 * KI * KI, Number.NaN].map(formatBytesRate)).toEqual(['0B/s', '512B/s', '1.5KiB/s', '20KiB/s', '1.3MiB/s', '–']);
  });

  it('draws both directions in one chart of the metrics view', async () => {
    const metrics = new FakeMetrics();
    metrics.answers['15m'] = {
      samples: {
        cpu: series(30, () => 0.1),
        mem: series(30, () => 64 * KI * KI),
        netRx: series(30, (i) => (10 + i) * KI),
        netTx: series(30, () => 3 * KI),
      },
    };
    const view = { target: 'pods', key: 'shop/api-1', capacity: { label: 'limit' }, range: '15m' } as const;
    const app = render(<MetricsView metrics={metrics} view={view} width={100} height={40} plain active={false} dispatch={vi.fn()} />);
    let frame = '';
    for (let i = 0; i < 200 && !frame.includes('NET  RX'); i++) {
      await tick(10);
      frame = app.lastFrame() ?? '';
    }
    expect(frame).toContain('NET  RX now 39KiB/s  max 39KiB/s   TX now 3KiB/s  max 3KiB/s');
    expect(frame).toMatch(/39KiB\/s ┼/);
    // One chart for both: the CPU, MEM and NET summaries, and three axes of labels.
    expect(frame.split('\n').filter((l) => /(CPU|MEM|NET) {2}(now|RX)/.test(l))).toHaveLength(3);
    expect(frame.split('\n').filter((l) => / 0B\/s [┼┤]/.test(l))).toHaveLength(1);
    app.unmount();
  });
});
