import { describe, expect, it } from 'vitest';
import { watchKeyId } from '../../../src/kube/types.js';
import { FakeCluster } from '../fakes/fake-cluster.js';
import { namespace, node, pod } from './objects.js';
import { KEYS, memoryPrefs, mountApp, withNoColor } from './harness.js';

const id = (kind: string, ns?: string) => watchKeyId({ kind, namespace: ns });

withNoColor();

function seeded(): FakeCluster {
  const source = new FakeCluster();
  source.set({ kind: 'nodes' }, [node('node1')]);
  source.set({ kind: 'pods', namespace: 'default' }, [pod('web', 'default')]);
  source.set({ kind: 'pods', namespace: 'kube-system' }, [pod('coredns', 'kube-system')]);
  source.set({ kind: 'pods' }, [pod('web', 'default'), pod('coredns', 'kube-system')]);
  source.set({ kind: 'namespaces' }, [namespace('default'), namespace('kube-system'), namespace('monitoring')]);
  return source;
}

describe('watches', () => {
  it('holds a watch per visible pane, plus all pods for the node counts', async () => {
    const app = mountApp({ source: seeded() });
    await app.waitFor((f) => f.includes('web'));
    await app.until(
      () => app.source.held().join() === [id('daemonsets', 'default'), id('nodes'), id('pods'), id('pods', 'default')].join(),
      'three panes and node counts',
    );
    app.unmount();
    expect(app.source.held()).toEqual([]);
  });

  it('holds only the focused pane on a small terminal', async () => {
    const app = mountApp({ source: seeded(), columns: 80, rows: 24 });
    await app.waitFor((f) => f.includes('web'));
    await app.until(() => app.source.held().join() === id('pods', 'default'), 'pods only');
    await app.press(KEYS.shiftTab);
    await app.until(() => app.source.held().join() === [id('nodes'), id('pods')].join(), 'nodes and all pods');
    app.unmount();
  });

  it('an overlay keeps holding the watches of the panes it hides, and the header stays live', async () => {
    const app = mountApp({ source: seeded(), columns: 80, rows: 24 });
    await app.waitFor((f) => f.includes('Pods(default)') && f.includes('● live'));
    await app.press('?');
    await app.waitFor((f) => !f.includes('Pods(default)'), 'the help overlay');
    await app.until(() => app.source.held().join() === id('pods', 'default'), 'the hidden pane still held');
    expect(app.frame()).toContain('● live');
    await app.press(KEYS.esc);
    await app.waitFor((f) => f.includes('Pods(default)') && f.includes('web'));
    app.unmount();
    expect(app.source.held()).toEqual([]);
  });

  it('switching namespace acquires the new watch and releases the old', async () => {
    const app = mountApp({ source: seeded(), columns: 80, rows: 24 });
    await app.waitFor((f) => f.includes('Pods(default)'));
    await app.press('0');
    await app.waitFor((f) => f.includes('Pods(all)') && f.includes('coredns') && f.includes('NAMESPACE'));
    await app.until(() => app.source.held().join() === id('pods'), 'all pods only');
    app.unmount();
  });
});

describe('namespaces and prefs', () => {
  it('starts in the remembered namespace and view unless -n/-A say otherwise', async () => {
    const prefs = memoryPrefs({ namespace: 'kube-system', view: 'nodes', favourites: ['kube-system'] });
    const app = mountApp({ source: seeded(), prefs, initialNamespace: undefined, columns: 80, rows: 24 });
    await app.waitFor((f) => f.includes('[Nodes]') && f.includes('Namespace:kube-system'));
    app.unmount();
    const all = mountApp({ source: seeded(), prefs, initialNamespace: undefined, allNamespaces: true, columns: 80, rows: 24 });
    await all.waitFor((f) => f.includes('Namespace:all'));
    all.unmount();
    expect(prefs.set).not.toHaveBeenCalled();
  });

  it(':ns picks a namespace, keeps it as a favourite and remembers it', async () => {
    const prefs = memoryPrefs({ favourites: ['default'] });
    const app = mountApp({ source: seeded(), prefs, columns: 80, rows: 24 });
    await app.waitFor((f) => f.includes('Pods(default)'));
    await app.press(':', 'n', 's', KEYS.enter);
    await app.waitFor((f) => f.includes('monitoring') && f.includes('kube-system'));
    await app.press(KEYS.down, KEYS.down, KEYS.up);
    await app.waitFor((f) => f.includes('><1> default'), 'cursor on default');
    await app.type('kube');
    await app.waitFor((f) => !f.includes('monitoring'));
    await app.press(KEYS.enter);
    const frame = await app.waitFor((f) => f.includes('Pods(kube-system)') && f.includes('coredns'));
    expect(frame).toContain('<1>kube-system');
    expect(frame).toContain('<2>default');
    await app.until(() => prefs.set.mock.calls.length > 0, 'prefs write');
    expect(prefs.set).toHaveBeenLastCalledWith('kind-kt', { namespace: 'kube-system', favourites: ['kube-system', 'default'] });
    await app.press('2');
    await app.waitFor((f) => f.includes('Pods(default)'));
    await app.until(() => prefs.set.mock.lastCall?.[1].namespace === 'default', 'prefs write');
    expect(prefs.set).toHaveBeenLastCalledWith('kind-kt', { namespace: 'default', favourites: ['kube-system', 'default'] });
    app.unmount();
  });

  it('remembers the focused view', async () => {
    const prefs = memoryPrefs();
    const app = mountApp({ source: seeded(), prefs, columns: 80, rows: 24 });
    await app.waitFor((f) => f.includes('Pods(default)'));
    await app.press(KEYS.shiftTab);
    await app.until(() => prefs.set.mock.calls.some(([, p]) => p.view === 'nodes'), 'view nodes');
    app.unmount();
  });
});
