import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchKeyId } from '../../../src/kube/types.js';
import { pods as podRenderer } from '../../../src/render/pods.js';
import { FakeCluster } from '../fakes/fake-cluster.js';
import { daemonset, node, pod } from './objects.js';
import { clockBetweenAgeTicks, KEYS, mountApp, withNoColor } from './harness.js';

function seeded(podCount = 3): FakeCluster {
  const source = new FakeCluster();
  source.set({ kind: 'nodes' }, [node('node1'), node('node2')]);
  const pods = Array.from({ length: podCount }, (_, i) =>
    pod(`p${String(i).padStart(5, '0')}`, 'default', i % 2 ? 'node2' : 'node1', { app: i % 2 ? 'db' : 'web' }),
  );
  source.set({ kind: 'pods', namespace: 'default' }, pods);
  source.set({ kind: 'pods' }, pods);
  source.set({ kind: 'daemonsets', namespace: 'default' }, [daemonset('agent', 'default')]);
  return source;
}

/** The name on the row marked as the cursor (NO_COLOR marks it with ">"). */
const cursorRow = (frame: string) => /[║│]>(\S+)/.exec(frame)?.[1];

withNoColor();
afterEach(() => {
  vi.restoreAllMocks();
});

describe('moving the cursor', () => {
  it('j/k, arrows, g/G and pages move it and scroll the table', async () => {
    const app = mountApp({ source: seeded(100), columns: 80, rows: 24 });
    await app.waitFor((f) => cursorRow(f) === 'p00000');
    await app.press('j', 'j', KEYS.down);
    await app.waitFor((f) => cursorRow(f) === 'p00003');
    await app.press('k');
    await app.waitFor((f) => cursorRow(f) === 'p00002');
    await app.press('G');
    let frame = await app.waitFor((f) => cursorRow(f) === 'p00099');
    expect(frame).not.toContain('p00000');
    await app.press('g');
    await app.waitFor((f) => cursorRow(f) === 'p00000');
    await app.press(KEYS.pageDown);
    frame = await app.waitFor((f) => cursorRow(f) !== 'p00000');
    expect(frame).not.toContain('p00000 ');
    await app.press('\u0002'); // ctrl-b
    await app.waitFor((f) => cursorRow(f) === 'p00000');
    app.unmount();
  });

  it('does not re-render 10,000 rows when the cursor moves', async () => {
    clockBetweenAgeTicks(5_000);
    const render = vi.spyOn(podRenderer, 'render');
    const app = mountApp({ source: seeded(10_000), columns: 120, rows: 30 });
    await app.waitFor((f) => f.includes('Pods(default)[10000]'));
    const before = render.mock.calls.length;
    expect(before).toBeGreaterThanOrEqual(10_000);
    await app.press('j', 'j', 'j', 'k', 'G', 'g');
    await app.waitFor((f) => cursorRow(f) === 'p00000');
    expect(render.mock.calls.length).toBe(before);
    app.unmount();
  });
});

describe('the AGE clock', () => {
  afterEach(() => vi.useRealTimers());

  it('ages the rows on screen as time passes, rendering only those again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, advanceTimeDelta: 5 });
    const render = vi.spyOn(podRenderer, 'render');
    const app = mountApp({ source: seeded(10_000), columns: 120, rows: 30 });
    const ageOf = (f: string) => Number(/p00000 .* (\d+)m /.exec(f)?.[1]);
    const started = ageOf(await app.waitFor((f) => f.includes('Pods(default)[10000]') && ageOf(f) >= 60));
    const before = render.mock.calls.length;
    // Ticks land on 5 s marks: 10.5 minutes later the shown age has moved by 10 or 11 minutes.
    vi.advanceTimersByTime(10.5 * 60_000);
    const frame = await app.waitFor((f) => ageOf(f) >= started + 10, `AGE ${started + 10}m`);
    expect(ageOf(frame) - started).toBeLessThanOrEqual(11);
    const rendered = render.mock.calls.length - before;
    expect(rendered).toBeGreaterThan(0);
    // One row per screen line per minute the text changed (and a check per tick), not 10,000.
    expect(rendered).toBeLessThan(2_000);
    app.unmount();
  });
  it('draws a pod stepping to the next minute within 15 s, but a seconds-counting AGE at every tick', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, advanceTimeDelta: 5 });
    const t0 = Math.ceil(Date.now() / 5_000) * 5_000 + 1_000; // 1 s after a tick
    vi.setSystemTime(t0);
    const aged = (name: string, ageMs: number) => {
      const p = pod(name, 'default');
      return { ...p, metadata: { ...p.metadata, creationTimestamp: new Date(t0 - ageMs).toISOString() } };
    };
    const source = new FakeCluster();
    source.set({ kind: 'nodes' }, [node('node1')]);
    // 45m52s old: the tick 4 s on still reads "45m", the one 9 s on reads "46m".
    source.set({ kind: 'pods', namespace: 'default' }, [aged('old', 45 * 60_000 + 52_000)]);
    const app = mountApp({ source, columns: 120, rows: 30 });
    // NAME READY STATUS RESTARTS AGE …
    const ageOf = (f: string, name: string) => new RegExp(`${name}\\s+\\S+\\s+\\S+\\s+\\d+\\s+(\\S+)`).exec(f)?.[1];
    await app.waitFor((f) => ageOf(f, 'old') === '45m', 'AGE 45m');
    await vi.advanceTimersByTimeAsync(10_000);
    // Ink's draw throttle (at most every ~30 ms) runs on the faked clock too: once it has passed,
    // every frame those 10 s cause has been drawn, and none steps the minute on its own.
    await vi.advanceTimersByTimeAsync(100);
    expect(ageOf(app.frame(), 'old')).toBe('45m');
    await vi.advanceTimersByTimeAsync(15_000);
    await app.waitFor((f) => ageOf(f, 'old') === '46m', 'AGE 46m within 15 s');

    // A pod counting seconds moves at each tick, and the minute pod's step rides along.
    source.set({ kind: 'pods', namespace: 'default' }, [aged('old', 45 * 60_000 + 52_000), aged('young', 50_000)]);
    const young = Number(ageOf(await app.waitFor((f) => /^\d+s$/.test(ageOf(f, 'young') ?? ''), 'young row'), 'young')?.slice(0, -1));
    await vi.advanceTimersByTimeAsync(5_000);
    await app.waitFor((f) => Number(ageOf(f, 'young')?.slice(0, -1)) >= young + 5, 'seconds AGE after one tick');
    app.unmount();
  });
});

describe('sorting and filtering', () => {
  it('Shift-N reverses the name order and shows the arrow', async () => {
    const app = mountApp({ source: seeded(3), columns: 80, rows: 24 });
    await app.waitFor((f) => f.includes('NAME↑'));
    await app.press('N');
    const frame = await app.waitFor((f) => f.includes('NAME↓'));
    expect(frame.indexOf('p00002')).toBeLessThan(frame.indexOf('p00000'));
    await app.press('A');
    await app.waitFor((f) => f.includes('AGE↑') && f.includes('NAME ') && !f.includes('NAME↓'));
    app.unmount();
  });

  it('filters by text, inverse and label selector; Esc clears', async () => {
    const app = mountApp({ source: seeded(4), columns: 80, rows: 24 });
    await app.waitFor((f) => f.includes('p00003'));
    await app.press('/');
    await app.type('p0000[12]');
    let frame = await app.waitFor((f) => f.includes('[2/4]'));
    expect(frame).toContain('</p0000[12]>');
    expect(frame).not.toContain('p00003');
    await app.press(KEYS.enter);
    await app.press(KEYS.esc);
    await app.waitFor((f) => f.includes('Pods(default)[4]'));
    await app.press('/');
    await app.type('-l app=db');
    frame = await app.waitFor((f) => f.includes('[2/4]'));
    expect(frame).toContain('p00001');
    expect(frame).not.toContain('p00000');
    await app.press(KEYS.esc);
    await app.waitFor((f) => f.includes('Pods(default)[4]'));
    await app.press('/');
    await app.type('!p00000');
    await app.waitFor((f) => f.includes('[3/4]'));
    app.unmount();
  });
});

describe('drilling down', () => {
  it('Enter on a node shows its pods; crumbs show the path; Esc goes back', async () => {
    const source = seeded(4);
    const onNode1 = { kind: 'pods', fieldSelector: 'spec.nodeName=node1' };
    source.set(onNode1, [pod('p00000', 'default', 'node1'), pod('p00002', 'default', 'node1')]);
    const app = mountApp({ source, columns: 100, rows: 30 });
    await app.waitFor((f) => f.includes('p00003'));
    await app.press(KEYS.shiftTab);
    await app.waitFor((f) => f.includes('╔═ Nodes') && cursorRow(f) === 'node1');
    await app.press(KEYS.enter);
    const frame = await app.waitFor((f) => f.includes('nodes > node1 > pods') && f.includes('pods on node/node1[2]'));
    expect(frame).toContain('NAMESPACE'); // all namespaces on a node
    await app.until(() => source.held().includes(watchKeyId(onNode1)), 'drill watch');
    await app.press(KEYS.esc);
    await app.waitFor((f) => f.includes('Nodes[2]') && !f.includes('node1 > pods'));
    app.unmount();
  });

  it('Enter on a DaemonSet shows the pods its selector matches', async () => {
    const source = seeded(2);
    const app = mountApp({ source, columns: 100, rows: 30 });
    await app.waitFor((f) => f.includes('p00001'));
    await app.press(KEYS.tab);
    await app.waitFor((f) => f.includes('╔═ DaemonSets') && cursorRow(f) === 'agent');
    await app.press(KEYS.enter);
    await app.waitFor((f) => f.includes('daemonsets > agent > pods'));
    const key = watchKeyId({ kind: 'pods', namespace: 'default', labelSelector: 'app=agent' });
    await app.until(() => source.held().includes(key), 'selector watch');
    app.unmount();
  });
});
