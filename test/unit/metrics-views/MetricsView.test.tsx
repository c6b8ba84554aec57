import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import type { MetricsViewState } from '../../../src/app/metrics-state.js';
import { MetricsView } from '../../../src/views/MetricsView.js';
import { FakeCluster } from '../fakes/fake-cluster.js';
import { pod } from '../views/objects.js';
import { KEYS, mountApp, tick, withNoColor } from '../views/harness.js';
import { FakeMetrics, series, usage } from './fake-metrics.js';

const MI = 1024 * 1024;
withNoColor();

function answered(): FakeMetrics {
  const m = new FakeMetrics();
  // CPU 100m..190m, memory 200Mi..290Mi: min/avg/max known.
  m.answers['15m'] = { samples: { cpu: series(60, (i) => 0.1 + (i % 10) * 0.01), mem: series(60, (i) => (200 + (i % 10) * 10) * MI) } };
  m.answers['1h'] = { samples: { cpu: series(240, () => 0.5), mem: series(240, () => 64 * MI) } };
  m.answers['6h'] = { error: 'HTTP 503 from Prometheus' };
  return m;
}

const view = (over: Partial<MetricsViewState> = {}): MetricsViewState => ({
  target: 'pods',
  key: 'default/web-1',
  capacity: { label: 'limit' },
  range: '15m',
  ...over,
});

async function until(frame: () => string, check: (f: string) => boolean): Promise<string> {
  for (let i = 0; i < 200; i++) {
    if (check(frame())) return frame();
    await tick(10);
  }
  throw new Error(`timed out; last frame:\n${frame()}`);
}

describe('MetricsView', () => {
  it('draws CPU and memory charts with now/min/avg/max, within 80x24', async () => {
    const metrics = answered();
    const app = render(<MetricsView metrics={metrics} view={view()} width={80} height={19} plain active={false} dispatch={vi.fn()} />);
    const frame = await until(() => app.lastFrame() ?? '', (f) => f.includes('CPU  now'));
    expect(metrics.rangeCalls).toEqual([{ target: 'pods', key: 'default/web-1', range: '15m' }]);
    expect(frame).toContain('Metrics: pod default/web-1 [15m]');
    expect(frame).toContain('CPU  now 190m  min 100m  avg 145m  max 190m');
    expect(frame).toContain('MEM  now 290Mi  min 200Mi  avg 245Mi  max 290Mi');
    expect(frame).toMatch(/190m ┼/); // the axis labels
    expect(frame).toMatch(/[╭╮╯╰]/); // a drawn line
    expect(frame).toContain('15m ago');
    const lines = frame.split('\n');
    expect(lines.length).toBe(19);
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    app.unmount();
  });

  it("draws a node's allocatable as a flat line and gives the use as a % of it", async () => {
    const metrics = new FakeMetrics();
    metrics.answers['15m'] = { samples: { cpu: series(20, () => 1.7), mem: series(20, () => 1024 * MI) } };
    const v = view({ target: 'nodes', key: 'node1', capacity: { cpu: 2, memory: 4096 * MI, label: 'allocatable' } });
    const app = render(<MetricsView metrics={metrics} view={v} width={120} height={30} plain active={false} dispatch={vi.fn()} />);
    const frame = await until(() => app.lastFrame() ?? '', (f) => f.includes('CPU  now'));
    expect(frame).toContain('CPU  now 1700m 85%');
    expect(frame).toContain('allocatable 2000m');
    expect(frame).toContain('MEM  now 1024Mi 25%');
    expect(frame).toContain('allocatable 4096Mi');
    expect(frame).toMatch(/2000m ┼─{20,}/); // the allocatable line across the top
    app.unmount();
  });

  it('shows the engine error on one line', async () => {
    const app = render(<MetricsView metrics={answered()} view={view({ range: '6h' })} width={80} height={19} plain active={false} dispatch={vi.fn()} />);
    await until(() => app.lastFrame() ?? '', (f) => f.includes('metrics: HTTP 503 from Prometheus'));
    app.unmount();
  });

  it('fetches again after each refresh the engine announces', async () => {
    const metrics = answered();
    const app = render(<MetricsView metrics={metrics} view={view()} width={80} height={19} plain active={false} dispatch={vi.fn()} />);
    await until(() => app.lastFrame() ?? '', (f) => f.includes('CPU  now'));
    metrics.answers['15m'] = { samples: { cpu: series(10, () => 0.321), mem: series(10, () => MI) } };
    metrics.notify();
    await until(() => app.lastFrame() ?? '', (f) => f.includes('now 321m'));
    expect(metrics.rangeCalls).toHaveLength(2);
    app.unmount();
  });
});

describe('m in the app', () => {
  function seeded(): FakeCluster {
    const source = new FakeCluster();
    const limited = pod('web-1', 'default');
    (limited.spec as { containers: object[] }).containers = [{ name: 'app', image: 'nginx', resources: { limits: { cpu: '200m', memory: '512Mi' } } }];
    source.set({ kind: 'pods', namespace: 'default' }, [limited]);
    return source;
  }

  it('opens the view on the pod under the cursor, switches range with 2, 3, 1 and Tab, and closes with esc and q', async () => {
    const metrics = answered();
    metrics.set({ target: 'pods', namespace: 'default' }, { 'default/web-1': usage(0.15, 250 * MI) });
    const app = mountApp({ source: seeded(), metrics, columns: 80, rows: 24 });
    await app.waitFor((f) => f.includes('web-1') && f.includes('150m'));
    await app.press('m');
    let frame = await app.waitFor((f) => f.includes('CPU  now 190m'));
    expect(frame).toContain('[15m]');
    expect(frame).toContain('limit 200m'); // from the pod spec
    expect(frame).toContain('now 190m 95%');
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    await app.press('2');
    frame = await app.waitFor((f) => f.includes('CPU  now 500m'));
    expect(frame).toContain('[1h]');
    await app.press('3');
    await app.waitFor((f) => f.includes('metrics: HTTP 503 from Prometheus'));
    await app.press('1');
    await app.waitFor((f) => f.includes('CPU  now 190m'));
    await app.press(KEYS.tab);
    await app.waitFor((f) => f.includes('[1h]') && f.includes('CPU  now 500m'));
    expect(metrics.rangeCalls.map((c) => c.range)).toEqual(['15m', '1h', '6h', '15m', '1h']);
    await app.press(KEYS.esc);
    await app.waitFor((f) => f.includes('Pods(default)') && !f.includes('Metrics:'));
    await app.press('m');
    await app.waitFor((f) => f.includes('Metrics: pod default/web-1 [1h]')); // the range is kept
    await app.press('q');
    await app.waitFor((f) => f.includes('Pods(default)') && !f.includes('Metrics:'));
    expect(app.onQuit).not.toHaveBeenCalled();
    app.unmount();
  });

  it('says why when there is no metrics source, or the kind has no metrics', async () => {
    const app = mountApp({ source: seeded() });
    await app.waitFor((f) => f.includes('web-1'));
    await app.press('m');
    await app.waitFor((f) => f.includes('metrics are off'));
    app.unmount();
    const withMetrics = mountApp({ source: seeded(), metrics: answered() });
    await withMetrics.waitFor((f) => f.includes('web-1'));
    await withMetrics.press(KEYS.tab, 'm');
    await withMetrics.waitFor((f) => f.includes('metrics are shown for nodes and pods, not daemonsets'));
    withMetrics.unmount();
  });
});
