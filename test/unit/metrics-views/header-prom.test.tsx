import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/app/commands.js';
import { findKind } from '../../../src/kinds/registry.js';
import type { ClusterMetrics } from '../../../src/hooks/useMetrics.js';
import { headerMetricsSegments, shortSource } from '../../../src/views/HeaderMetrics.js';
import { inUse } from '../../../src/views/PromPicker.js';
import { FakeCluster } from '../fakes/fake-cluster.js';
import { pod } from '../views/objects.js';
import { KEYS, memoryPrefs, mountApp, withNoColor } from '../views/harness.js';
import { FakeMetrics } from './fake-metrics.js';

const GI = 1024 ** 3;
const text = (c: ClusterMetrics, width: number, plain = true) => headerMetricsSegments(c, width, plain).map((s) => s.text).join('');

const ok: ClusterMetrics = {
  status: { state: 'ok', source: 'monitoring/prometheus-k8s:web (API proxy)' },
  usage: {
    totals: { cpu: { value: 1.5, history: [1, 2, 3, 1.5] }, mem: { value: 3 * GI, history: [3, 3, 3, 3].map((g) => g * GI) } },
    allocatable: { cpu: 4, memory: 8 * GI },
  },
};

describe('header metrics piece', () => {
  it('shows cluster CPU and memory sparklines, % of allocatable, and the source', () => {
    expect(text(ok, 200)).toBe('cpu ▁▅█▃ 37%  mem ▄▄▄▄ 37%  metrics: monitoring/prometheus-k8s:web (API proxy)');
  });

  it('shrinks to fit: shorter source, narrower sparklines, then the source alone', () => {
    expect(text(ok, 62)).toBe('cpu ▁▅█▃ 37%  mem ▄▄▄▄ 37%  metrics: monitoring/prometheus-k8s');
    expect(text(ok, 58)).toBe('cpu ▃█▁ 37% mem ▄▄▄ 37% metrics: monitoring/prometheus-k8s');
    expect(text(ok, 52)).toBe('cpu 37% mem 37% metrics: monitoring/prometheus-k8s');
    expect(text(ok, 30)).toBe('metrics: monitoring/prometheu…');
    for (const w of [80, 58, 52, 30, 12]) expect(text(ok, w).length).toBeLessThanOrEqual(w);
  });

  it('gives absolute use when the allocatable is unknown', () => {
    const c = { ...ok, usage: { ...ok.usage, allocatable: {} } };
    expect(text(c, 200)).toContain('cpu ▁▅█▃ 1500m  mem ▄▄▄▄ 3072Mi');
  });

  it('gives the one-line reason when there are no metrics', () => {
    const none: ClusterMetrics = { ...ok, status: { state: 'none', reason: 'no Prometheus found' } };
    expect(text(none, 200)).toBe('metrics: none (no Prometheus found)');
    const down: ClusterMetrics = { ...ok, status: { state: 'error', source: 'http://127.0.0.1:9', reason: 'connect ECONNREFUSED 127.0.0.1:9' } };
    expect(text(down, 200)).toBe('metrics: none (connect ECONNREFUSED 127.0.0.1:9)');
    expect(text(down, 30)).toBe('metrics: none (connect ECONNR…');
  });

  it('marks pressure by colour only with colour; the percentage is there either way', () => {
    const hot: ClusterMetrics = { ...ok, usage: { ...ok.usage, totals: { ...ok.usage.totals, cpu: { value: 3.6, history: [3.6] } } } };
    const coloured = headerMetricsSegments(hot, 200, false);
    expect(coloured.find((s) => s.text === '90%')?.color).toBe('yellow');
    expect(headerMetricsSegments(hot, 200, true).find((s) => s.text === '90%')?.color).toBeUndefined();
  });

  it('shortens sources', () => {
    expect(shortSource('monitoring/prometheus-k8s:web (API proxy)')).toBe('monitoring/prometheus-k8s');
    expect(shortSource('http://127.0.0.1:9090')).toBe('127.0.0.1:9090');
  });
});

describe('header in the app', () => {
  withNoColor();
  it('shows the piece on line 2 next to the namespace at 80 and 200 columns', async () => {
    const metrics = new FakeMetrics();
    metrics.setCluster(ok.usage);
    const source = new FakeCluster();
    source.set({ kind: 'pods', namespace: 'default' }, [pod('web-1', 'default')]);
    for (const columns of [200, 80]) {
      const app = mountApp({ source, metrics, columns, rows: 24, prefs: memoryPrefs({ favourites: ['default', 'kube-system', 'monitoring'] }) });
      const frame = await app.waitFor((f) => f.includes('web-1') && f.includes('metrics: monitoring'));
      const line2 = frame.split('\n')[1] ?? '';
      expect(line2).toMatch(/^Namespace:default/);
      expect(line2).toContain('cpu');
      expect(line2).toContain('37%');
      expect(line2.length).toBeLessThanOrEqual(columns);
      if (columns === 200) expect(line2).toContain('<3>monitoring');
      app.unmount();
    }
  });
});

describe(':prom', () => {
  withNoColor();
  it('parses', () => {
    expect(parseCommand('prom', findKind)).toEqual({ type: 'prom' });
    expect(parseCommand('prom x', findKind).type).toBe('error');
  });

  it('marks the source in use', () => {
    expect(inUse('monitoring/prometheus-k8s:web (API proxy)', { state: 'ok', source: 'monitoring/prometheus-k8s:web (API proxy)' })).toBe(true);
    expect(inUse('monitoring/prometheus-k8s:web', { state: 'ok', source: 'monitoring/prometheus-k8s:web (API proxy)' })).toBe(true);
    expect(inUse('monitoring/other:web', { state: 'ok', source: 'monitoring/prometheus-k8s:web (API proxy)' })).toBe(false);
  });

  it('lists the candidates and selects the one chosen', async () => {
    const metrics = new FakeMetrics();
    metrics.found = ['http://127.0.0.1:9090', 'monitoring/prometheus-k8s:web (API proxy)', 'other/prom:9090 (API proxy)'];
    metrics.state = { state: 'ok', source: 'http://127.0.0.1:9090' };
    const source = new FakeCluster();
    source.set({ kind: 'pods', namespace: 'default' }, [pod('web-1', 'default')]);
    const app = mountApp({ source, metrics });
    await app.waitFor((f) => f.includes('web-1'));
    await app.press(':');
    await app.type('prom');
    await app.press(KEYS.enter);
    let frame = await app.waitFor((f) => f.includes('Prometheus: enter to use'));
    expect(frame).toContain('http://127.0.0.1:9090 (in use)');
    expect(frame).toContain('other/prom:9090 (API proxy)');
    await app.press('j', 'j', KEYS.enter);
    frame = await app.waitFor((f) => f.includes('metrics: switching to other/prom:9090 (API proxy)'));
    expect(metrics.selected).toEqual(['other/prom:9090 (API proxy)']);
    expect(frame).toContain('web-1');
    await app.press(':');
    await app.type('prom');
    await app.press(KEYS.enter);
    await app.waitFor((f) => f.includes('Prometheus: enter to use'));
    await app.press(KEYS.esc);
    await app.waitFor((f) => !f.includes('Prometheus: enter to use'));
    expect(metrics.selected).toHaveLength(1);
    app.unmount();
  });

  it('says so when kt runs without metrics', async () => {
    const app = mountApp({});
    await app.press(':');
    await app.type('prom');
    await app.press(KEYS.enter);
    await app.waitFor((f) => f.includes('kt runs without metrics'));
    app.unmount();
  });
});
