import { describe, expect, it } from 'vitest';
import { watchKeyId } from '../../../src/kube/types.js';
import { FakeCluster } from '../fakes/fake-cluster.js';
import { daemonset, node, pod } from './objects.js';
import { KEYS, memoryPrefs, mountApp, withNoColor } from './harness.js';

const id = (kind: string, ns?: string, label?: string, field?: string) =>
  watchKeyId({ kind, namespace: ns, labelSelector: label, fieldSelector: field });

function seeded(): FakeCluster {
  const source = new FakeCluster();
  source.set({ kind: 'nodes' }, [node('node1'), node('node2')]);
  const pods = [pod('web-1', 'default', 'node1', { app: 'web' }), pod('web-2', 'default', 'node2', { app: 'web' }), pod('db-0', 'default', 'node1', { app: 'db' })];
  source.set({ kind: 'pods', namespace: 'default' }, pods);
  source.set({ kind: 'pods' }, [...pods, pod('coredns', 'kube-system', 'node2')]);
  source.set({ kind: 'daemonsets', namespace: 'default' }, [daemonset('agent', 'default')]);
  return source;
}

const lines = (frame: string) => frame.split('\n').length;
withNoColor();

describe('App layout', () => {
  it('shows all three panes on 200x50, within rows-1 lines', async () => {
    const app = mountApp({ source: seeded() });
    const frame = await app.waitFor((f) => f.includes('agent') && f.includes('node2') && f.includes('web-2'));
    expect(frame).toContain('Nodes[2]');
    expect(frame).toContain('Pods(default)[3]');
    expect(frame).toContain('DaemonSets(default)[1]');
    expect(frame).toContain('Context:kind-kt');
    expect(frame).toContain('● live');
    expect(lines(frame)).toBeLessThanOrEqual(49);
    app.unmount();
  });

  it('shows only the focused pane with an indicator at 80x24, and Tab moves focus', async () => {
    const app = mountApp({ source: seeded(), columns: 80, rows: 24 });
    let frame = await app.waitFor((f) => f.includes('web-1'));
    expect(frame).toContain('[Pods]');
    expect(frame).not.toContain('Nodes[');
    expect(lines(frame)).toBeLessThanOrEqual(23);
    await app.press(KEYS.tab);
    frame = await app.waitFor((f) => f.includes('[DaemonSets]') && f.includes('agent'));
    await app.press(KEYS.shiftTab, KEYS.shiftTab);
    frame = await app.waitFor((f) => f.includes('[Nodes]') && f.includes('Nodes[2]'));
    expect(frame.split('\n').every((l) => l.length <= 80)).toBe(true);
    app.unmount();
  });

  it('keeps the frame under the terminal height in every view and size', async () => {
    for (const [columns, rows] of [[80, 24], [200, 50], [60, 12], [40, 8], [120, 30]] as const) {
      const app = mountApp({ source: seeded(), columns, rows });
      await app.waitFor((f) => f.length > 0);
      expect(lines(app.frame()), `${columns}x${rows}`).toBeLessThanOrEqual(rows - 1);
      await app.press('?');
      await app.waitFor((f) => f.includes('Help'));
      expect(lines(app.frame()), `help ${columns}x${rows}`).toBeLessThanOrEqual(rows - 1);
      await app.press(KEYS.esc, ':', 'n', 's', KEYS.enter);
      await app.waitFor((f) => f.includes('Namespace ('), 'picker');
      expect(lines(app.frame()), `picker ${columns}x${rows}`).toBeLessThanOrEqual(rows - 1);
      await app.press(KEYS.esc, '=');
      expect(lines(app.frame()), `zoom ${columns}x${rows}`).toBeLessThanOrEqual(rows - 1);
      app.unmount();
    }
  });

  it('stays under rows-1 lines on tiny terminals too', async () => {
    for (const [columns, rows] of [[30, 2], [30, 3], [20, 5], [50, 7]] as const) {
      const app = mountApp({ source: seeded(), columns, rows });
      await app.waitFor((f) => f.length > 0);
      expect(lines(app.frame()), `${columns}x${rows}`).toBeLessThanOrEqual(Math.max(1, rows - 1));
      expect(app.frame().split('\n').every((l) => l.length <= columns)).toBe(true);
      app.unmount();
    }
  });

  it('zooms the focused pane and back', async () => {
    const app = mountApp({ source: seeded() });
    await app.waitFor((f) => f.includes('Nodes[2]') && f.includes('web-1'));
    await app.press('=');
    const frame = await app.waitFor((f) => !f.includes('Nodes[2]'), 'zoom');
    expect(frame).toContain('[Pods]');
    expect(lines(frame)).toBe(49);
    await app.press('=');
    await app.waitFor((f) => f.includes('Nodes[2]'), 'unzoom');
    app.unmount();
  });
});

describe('App commands', () => {
  it(':deploy shows Deployments in the focused pane; unknown names flash a hint', async () => {
    const source = seeded();
    source.set({ kind: 'deployments', namespace: 'default' }, []);
    const app = mountApp({ source, columns: 80, rows: 24 });
    await app.waitFor((f) => f.includes('web-1'));
    await app.press(':');
    await app.type('deploy');
    await app.waitFor((f) => f.includes(':deploy'));
    await app.press(KEYS.enter);
    await app.waitFor((f) => f.includes('Deployments(default)[0]'));
    await app.until(() => source.held().join() === id('deployments', 'default'), 'deployments watch, pods released');
    await app.press(':');
    await app.type('foo');
    await app.press(KEYS.enter);
    await app.waitFor((f) => f.includes('unknown resource "foo": try :pods, :deploy, :svc, :api-resources … (? for help)'));
    app.unmount();
  });

  it('accepts kubectl aliases (:po, :ds)', async () => {
    const app = mountApp({ source: seeded(), columns: 80, rows: 24 });
    await app.waitFor((f) => f.includes('web-1'));
    await app.press(':', 'd', 's', KEYS.enter);
    await app.waitFor((f) => f.includes('DaemonSets(default)') && f.includes('agent'));
    app.unmount();
  });

  it('quits with q, :q and Ctrl-C, but q in the filter is a letter', async () => {
    const app = mountApp({ source: seeded() });
    await app.waitFor((f) => f.includes('web-1'));
    await app.press('/', 'q');
    await app.waitFor((f) => f.includes('/q'));
    expect(app.onQuit).not.toHaveBeenCalled();
    await app.press(KEYS.esc, 'q');
    expect(app.onQuit).toHaveBeenCalledTimes(1);
    await app.press(':', 'q', KEYS.enter);
    expect(app.onQuit).toHaveBeenCalledTimes(2);
    await app.press(KEYS.ctrlC);
    expect(app.onQuit).toHaveBeenCalledTimes(3);
    app.unmount();
  });

  it('? lists every binding from the data', async () => {
    const { BINDINGS } = await import('../../../src/keys/bindings.js');
    const app = mountApp({ source: seeded(), columns: 200, rows: 130 }); // tall enough for all of help on one screen
    await app.waitFor((f) => f.includes('web-1'));
    await app.press('?');
    const frame = await app.waitFor((f) => f.includes('Help'));
    for (const b of BINDINGS) expect(frame).toContain(b.description);
    await app.press(KEYS.esc);
    await app.waitFor((f) => f.includes('web-1'));
    app.unmount();
  });

  it('scrolls help with j/k on a small terminal and closes it with q', async () => {
    const app = mountApp({ source: seeded(), columns: 80, rows: 24 });
    await app.waitFor((f) => f.includes('web-1'));
    await app.press('?');
    await app.waitFor((f) => f.includes('j/k to scroll') && !f.includes('label selector: ='));
    app.stdin.write('j'.repeat(110)); // one chunk: the router plays the keys one at a time
    await app.waitFor((f) => f.includes('label selector: ='), 'scrolled help');
    await app.press('q');
    await app.waitFor((f) => f.includes('web-1'));
    expect(app.onQuit).not.toHaveBeenCalled();
    app.unmount();
  }, 15_000); // 110 keys, each a frame of help: slow on a loaded machine
});

describe('App header', () => {
  it('shows readonly, the server version, favourites and a reconnecting reason', async () => {
    const source = seeded();
    const app = mountApp({ source, readonly: true, prefs: memoryPrefs({ favourites: ['default', 'kube-system'] }) });
    let frame = await app.waitFor((f) => f.includes('web-1'));
    expect(frame).toContain('[readonly]');
    expect(frame).toContain('K8s:v1.31.0');
    expect(frame).toContain('<0>all');
    expect(frame).toContain('<2>kube-system');
    source.disconnect('connect ECONNREFUSED 127.0.0.1:6443');
    frame = await app.waitFor((f) => f.includes('reconnecting: connect ECONNREFUSED 127.0.0.1:6443'));
    app.unmount();
  });
});
