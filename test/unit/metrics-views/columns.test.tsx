import { describe, expect, it, vi } from 'vitest';
import { findKind } from '../../../src/kinds/registry.js';
import type { KubeObject } from '../../../src/kube/types.js';
import type { Row } from '../../../src/render/types.js';
import { lineSegments, mergeColumns, mergeVisible, type ExtraColumns } from '../../../src/views/extra-columns.js';
import { fitColumns, formatLine } from '../../../src/views/fit-columns.js';
import { capacityOf } from '../../../src/metrics/capacity.js';
import { METRICS_COLUMNS, metricsInsertAt, usageCells } from '../../../src/views/metrics-columns.js';
import { FakeCluster } from '../fakes/fake-cluster.js';
import { node, pod } from '../views/objects.js';
import { clockBetweenAgeTicks, mountApp, withNoColor } from '../views/harness.js';
import { FakeMetrics, usage } from './fake-metrics.js';

const MI = 1024 * 1024;

function withAllocatable(n: KubeObject, cpu: string, memory: string): KubeObject {
  return { ...n, status: { ...(n.status as object), allocatable: { cpu, memory, pods: '110' } } };
}

function withLimits(p: KubeObject, cpu: string, memory: string): KubeObject {
  const spec = p.spec as { containers: object[] };
  return { ...p, spec: { ...spec, containers: spec.containers.map((c) => ({ ...c, resources: { limits: { cpu, memory } } })) } };
}

function seeded(): FakeCluster {
  const source = new FakeCluster();
  source.set({ kind: 'nodes' }, [withAllocatable(node('node1'), '2', '4Gi'), withAllocatable(node('node2'), '4', '8Gi')]);
  source.set({ kind: 'pods', namespace: 'default' }, [pod('web-1', 'default'), withLimits(pod('web-2', 'default'), '500m', '256Mi')]);
  return source;
}

function seededMetrics(): FakeMetrics {
  const m = new FakeMetrics();
  m.set({ target: 'nodes' }, { node1: usage(1.7, 1024 * MI, [0.5, 1, 1.7]), node2: usage(0.25, 512 * MI) });
  m.set({ target: 'pods', namespace: 'default' }, {
    'default/web-1': usage(0.0125, 64.5 * MI, [0.01, 0.02, 0.0125]),
    'default/web-2': usage(0.45, 100 * MI, [0.1, 0.45]),
  });
  return m;
}

const lineOf = (frame: string, text: string) => frame.split('\n').find((l) => l.includes(text)) ?? '';
const cellsOf = (line: string) => line.replace(/[║│>]/g, ' ').trim().split(/\s{2,}/);

describe('merging extra columns at the visible window', () => {
  const row = (key: string, cells: string[]): Row => ({ key, cells, health: 'ok', sort: { name: key, namespace: '', since: 0, status: '' } });
  const extra: ExtraColumns = {
    at: 1,
    columns: [{ name: 'CPU', align: 'right' }],
    cells: (item) => [{ text: item.row.key === 'a' ? '5m' : '–', colour: item.row.key === 'a' ? 'red' : undefined }],
  };
  const items = [row('a', ['a', 'Running']), row('b', ['b', 'Pending'])].map((r) => ({ row: r, obj: { metadata: { name: r.key } } }));

  it('splices the cells in at the index, for the given rows only', () => {
    const cells = vi.fn(extra.cells);
    const merged = mergeVisible(items.slice(0, 1), { ...extra, cells });
    expect(cells).toHaveBeenCalledTimes(1);
    expect(merged[0]?.cells).toEqual(['a', '5m', 'Running']);
    expect(mergeColumns([{ name: 'NAME' }, { name: 'STATUS' }], extra).map((c) => c.name)).toEqual(['NAME', 'CPU', 'STATUS']);
  });

  it('gives a coloured cell its own segment, the same text as one line', () => {
    const merged = mergeVisible(items, extra);
    const cols = mergeColumns([{ name: 'NAME' }, { name: 'STATUS' }], extra);
    const fitted = fitColumns(cols, cols.map((c) => c.name), merged, 40);
    const [a, b] = merged.map((m) => lineSegments(m, fitted, 40, ' ', { inverse: true }));
    expect(a?.map((s) => s.text).join('')).toBe(` ${formatLine(merged[0]?.cells ?? [], fitted, 40)}`);
    expect(a?.map((s) => s.text).join('')).toMatch(/^ a {6}5m {2}Running {2,}$/);
    expect(a?.find((s) => s.color === 'red')?.text).toBe(' 5m');
    expect(a?.every((s) => s.inverse)).toBe(true);
    expect(b).toHaveLength(1);
  });

  it('puts the metrics before the first -o wide column, all marked kt-only', () => {
    const pods = findKind('pods')?.renderer?.columns ?? [];
    expect(pods[metricsInsertAt(pods)]?.name).toBe('IP');
    const nodes = findKind('nodes')?.renderer?.columns ?? [];
    expect(nodes[metricsInsertAt(nodes)]?.name).toBe('INTERNAL-IP');
    expect([...METRICS_COLUMNS.pods, ...METRICS_COLUMNS.nodes].every((c) => c.ktOnly)).toBe(true);
  });
});

describe('metrics columns in the panes', () => {
  withNoColor();

  it('shows kubectl top numbers, % of allocatable for nodes, % of the limit for pods, and the CPU sparkline', async () => {
    const app = mountApp({ source: seeded(), metrics: seededMetrics() });
    const frame = await app.waitFor((f) => f.includes('web-2') && f.includes('node2') && f.includes('450m'));
    const header = lineOf(frame, 'RESTARTS');
    expect(header).toMatch(/AGE\s+CPU\s+%CPU\/L\s+MEM\s+%MEM\/L\s+CPU TREND\s+RESTARTS\/1H\s+IP/);
    expect(lineOf(frame, 'VERSION')).toMatch(/VERSION\s+CPU\s+%CPU\s+MEM\s+%MEM\s+CPU TREND\s+INTERNAL-IP/);
    expect(cellsOf(lineOf(frame, 'node1'))).toEqual(expect.arrayContaining(['1700m', '85%', '1024Mi', '25%', '▁▄█']));
    expect(cellsOf(lineOf(frame, 'node2'))).toEqual(expect.arrayContaining(['250m', '6%', '512Mi']));
    expect(cellsOf(lineOf(frame, 'web-1'))).toEqual(expect.arrayContaining(['13m', 'n/a', '64Mi', '▁█▃']));
    expect(cellsOf(lineOf(frame, 'web-2'))).toEqual(expect.arrayContaining(['450m', '90%', '100Mi', '39%', '▁█']));
    app.unmount();
  });

  it('shows – in every metrics cell while Prometheus is failing, with the reason in the header, and recovers', async () => {
    const metrics = seededMetrics();
    const app = mountApp({ source: seeded(), metrics });
    await app.waitFor((f) => f.includes('450m'));
    metrics.setStatus({ state: 'error', source: 'http://127.0.0.1:9', reason: 'connect ECONNREFUSED 127.0.0.1:9' });
    let frame = await app.waitFor((f) => !f.includes('450m'));
    expect(cellsOf(lineOf(frame, 'web-2')).filter((c) => c === '–')).toHaveLength(6); // with RESTARTS/1H
    expect(cellsOf(lineOf(frame, 'node1')).filter((c) => c === '–')).toHaveLength(5);
    expect(frame).toContain('metrics: none (connect ECONNREFUSED 127.0.0.1:9)');
    expect(lineOf(frame, 'web-1')).toContain('Running');
    metrics.setStatus({ state: 'ok', source: 'http://127.0.0.1:9' });
    frame = await app.waitFor((f) => f.includes('450m'));
    expect(frame).toContain('metrics: http://127.0.0.1:9');
    app.unmount();
  });

  it('shows – for a pod without samples yet', async () => {
    const metrics = new FakeMetrics();
    metrics.set({ target: 'pods', namespace: 'default' }, { 'default/web-2': usage(0.45, 100 * MI) });
    const app = mountApp({ source: seeded(), metrics });
    const frame = await app.waitFor((f) => f.includes('450m'));
    expect(cellsOf(lineOf(frame, 'web-1')).filter((c) => c === '–')).toHaveLength(6);
    app.unmount();
  });

  it('has no metrics columns without a metrics source', async () => {
    const app = mountApp({ source: seeded() });
    const frame = await app.waitFor((f) => f.includes('web-2'));
    expect(lineOf(frame, 'RESTARTS')).not.toContain('CPU');
    app.unmount();
  });

  it('a metrics refresh re-renders no row', async () => {
    const renderer = findKind('pods')?.renderer;
    if (!renderer) throw new Error('no pods renderer');
    const clock = clockBetweenAgeTicks(5_000);
    const spy = vi.spyOn(renderer, 'render');
    const metrics = seededMetrics();
    const app = mountApp({ source: seeded(), metrics });
    await app.waitFor((f) => f.includes('450m'));
    const before = spy.mock.calls.length;
    metrics.set({ target: 'pods', namespace: 'default' }, { 'default/web-2': usage(0.333, 100 * MI) });
    await app.waitFor((f) => f.includes('333m'));
    expect(spy.mock.calls.length).toBe(before);
    spy.mockRestore();
    clock.mockRestore();
    app.unmount();
  });

  it('a large pods pane asks only for the pods around the screen, and for another page once scrolled past it', async () => {
    const source = seeded();
    const many = Array.from({ length: 2_000 }, (_, i) => pod(`p${String(i).padStart(5, '0')}`, 'default'));
    source.set({ kind: 'pods', namespace: 'default' }, many);
    const metrics = seededMetrics();
    const app = mountApp({ source, metrics, columns: 200, rows: 50 });
    await app.waitFor((f) => f.includes('Pods(default)[2000]'));
    const pages = () => metrics.subjects.filter((s) => s.target === 'pods' && s.pods).map((s) => s.pods ?? []);
    await app.until(() => pages().length > 0, 'a page of pods');
    const first = pages().at(-1) ?? [];
    expect(first[0]).toBe('default/p00000');
    expect(first.length).toBeLessThan(150); // the screen and one below (no screen above the top)
    await app.press('j', 'j', 'j'); // within the page: the same subject
    expect(pages()).toHaveLength(1);
    await app.press('G');
    await app.until(() => pages().length === 2, 'the page at the bottom');
    expect(pages().at(-1)).toContain('default/p01999');
    expect(pages().at(-1)).not.toContain('default/p00000');
    app.unmount();
  });

  it('a pods pane still loading asks for no pods, and for its own once its rows are in', async () => {
    const source = new FakeCluster();
    source.set({ kind: 'nodes' }, [withAllocatable(node('node1'), '2', '4Gi')]);
    const metrics = seededMetrics();
    const app = mountApp({ source, metrics });
    await app.waitFor((f) => f.includes('loading'));
    const podSubjects = () => metrics.subjects.filter((s) => s.target === 'pods');
    expect(metrics.subjects.some((s) => s.target === 'nodes')).toBe(true);
    expect(podSubjects()).toEqual([]); // not every pod of the cluster while 10,000 are still listing
    source.set({ kind: 'pods', namespace: 'default' }, [pod('web-1', 'default')]);
    await app.until(() => podSubjects().length > 0, 'the pane asks for its pods');
    expect(podSubjects()).toEqual([{ target: 'pods', namespace: 'default' }]);
    app.unmount();
  });

  it('narrow terminals drop the sparkline and percentages before CPU and MEM', async () => {
    const source = seeded();
    source.set({ kind: 'pods', namespace: 'default' }, [pod('nginx-deployment-5d8f7c9b6f-x7k2q', 'default'), withLimits(pod('web-2', 'default'), '500m', '256Mi')]);
    const app = mountApp({ source, metrics: seededMetrics(), columns: 80, rows: 24 });
    const frame = await app.waitFor((f) => f.includes('450m'));
    const header = lineOf(frame, 'RESTARTS');
    expect(header).toContain('CPU');
    expect(header).toContain('MEM');
    expect(header).not.toContain('TREND');
    expect(header).not.toContain('%CPU/L');
    expect(frame.split('\n').every((l) => l.length <= 80)).toBe(true);
    app.unmount();
  });
});

describe('pressure colours', () => {
  const node1 = { metadata: { name: 'n' }, status: { allocatable: { cpu: '2', memory: '4Gi' } } };
  const limited = { metadata: { name: 'p', namespace: 'd' }, spec: { containers: [{ resources: { limits: { cpu: '100m', memory: '100Mi' } } }] } };

  it('colours usage over 80% of allocatable (yellow) or at 100% and more (red); the % cells say it without colour', () => {
    const cells = usageCells('nodes', usage(1.7, 1024 * MI), capacityOf('nodes', node1), false);
    expect(cells.map((c) => c.text)).toEqual(['1700m', '85%', '1024Mi', '25%', '▄'.padStart(10)]);
    expect(cells.map((c) => c.colour)).toEqual(['yellow', 'yellow', undefined, undefined, undefined]);
    const over = usageCells('pods', usage(0.1, 120 * MI), capacityOf('pods', limited), false);
    expect(over.map((c) => c.text).slice(0, 4)).toEqual(['100m', '100%', '120Mi', '120%']);
    expect(over.map((c) => c.colour).slice(0, 4)).toEqual(['red', 'red', 'red', 'red']);
  });

  it('under NO_COLOR no cell has a colour, the numbers are the same', () => {
    const plain = usageCells('nodes', usage(1.7, 1024 * MI), capacityOf('nodes', node1), true);
    expect(plain.every((c) => c.colour === undefined)).toBe(true);
    expect(plain.map((c) => c.text)).toEqual(['1700m', '85%', '1024Mi', '25%', '▄'.padStart(10)]);
  });
});
