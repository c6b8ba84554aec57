// Keys that arrive in one stdin chunk (a paste, a fast typist over SSH, tmux send-keys) behave as
// if pressed one by one: each is matched against the mode the previous one left.
import { describe, expect, it } from 'vitest';
import { watchKeyId } from '../../../src/kube/types.js';
import { FakeCluster } from '../fakes/fake-cluster.js';
import { namespace, node, pod } from './objects.js';
import { KEYS, mountApp, tick, withNoColor } from './harness.js';

function seeded(): FakeCluster {
  const source = new FakeCluster();
  source.set({ kind: 'nodes' }, [node('node1'), node('node2')]);
  const pods = [
    pod('api-0', 'default', 'node1'),
    pod('db-0', 'default', 'node2'),
    pod('nginx-a', 'default', 'node1'),
    pod('nginx-b', 'default', 'node2'),
    pod('web-0', 'default', 'node1'),
  ];
  source.set({ kind: 'pods', namespace: 'default' }, pods);
  source.set({ kind: 'pods', namespace: 'monitoring' }, [pod('prometheus-0', 'monitoring')]);
  source.set({ kind: 'pods', fieldSelector: 'spec.nodeName=node2' }, [pod('db-0', 'default', 'node2')]);
  source.set({ kind: 'daemonsets', namespace: 'default' }, []);
  source.set({ kind: 'namespaces' }, [namespace('default'), namespace('kube-system'), namespace('monitoring')]);
  return source;
}

/** The name on the row marked as the cursor (NO_COLOR marks it with ">"). */
const cursorRow = (frame: string) => /[║│]>(\S+)/.exec(frame)?.[1];

withNoColor();

async function ready(over: Parameters<typeof mountApp>[0] = {}) {
  const app = mountApp({ source: seeded(), columns: 100, rows: 30, ...over });
  await app.waitFor((f) => cursorRow(f) === 'api-0' && f.includes('Pods(default)[5]'));
  await tick(5); // the keymaps register in effects
  return app;
}

describe('a chunk of keys', () => {
  it('":ns monitoring" then Enter switches the namespace', async () => {
    const app = await ready();
    app.stdin.write(':ns monitoring');
    await app.waitFor((f) => f.includes(':ns monitoring'), 'command line');
    app.stdin.write(KEYS.enter);
    const frame = await app.waitFor((f) => f.includes('Namespace:monitoring') && f.includes('prometheus-0'));
    expect(frame).toContain('Pods(monitoring)[1]');
    await app.until(() => app.source.held().includes(watchKeyId({ kind: 'pods', namespace: 'monitoring' })), 'monitoring watch');
    expect(app.onQuit).not.toHaveBeenCalled();
    app.unmount();
  });

  it('the whole line with its Enter in one chunk works too', async () => {
    const app = await ready();
    app.stdin.write(':ns monitoring\r');
    await app.waitFor((f) => f.includes('Namespace:monitoring') && f.includes('Pods(monitoring)[1]'));
    app.unmount();
  });

  it('"/nginx" filters the pods pane without moving the cursor or sorting', async () => {
    const app = await ready();
    app.stdin.write('/nginx');
    const frame = await app.waitFor((f) => f.endsWith('\n/nginx'), 'filter line');
    expect(frame).toContain('Pods(default)[2/5] </nginx>');
    expect(frame).not.toContain('api-0');
    expect(frame).not.toContain('web-0');
    expect(cursorRow(frame)).toBe('nginx-a');
    expect(frame).toContain('NAME↑');
    app.unmount();
  });

  it('keys after the filter line closes go to the filtered table', async () => {
    const app = await ready();
    app.stdin.write('/nginx\rj');
    await app.waitFor((f) => f.includes('[2/5]') && cursorRow(f) === 'nginx-b', 'moved within the filtered rows');
    app.stdin.write('AN'); // sort by age, then by name
    await app.waitFor((f) => f.includes('NAME↑') && !f.includes('AGE↑') && f.includes('[2/5]'));
    app.unmount();
  });

  it('":q" is typed, not a quit; Enter then quits', async () => {
    const app = await ready();
    app.stdin.write(':q');
    await app.waitFor((f) => f.includes(':q'), 'command line'); // both keys handled: q was typed
    expect(app.onQuit).not.toHaveBeenCalled();
    app.stdin.write(KEYS.enter);
    await app.until(() => app.onQuit.mock.calls.length === 1, 'quit');
    app.unmount();
  });

  it('"jjq" in normal mode moves twice, then quits', async () => {
    const app = await ready();
    app.stdin.write('jjq');
    await app.until(() => app.onQuit.mock.calls.length === 1, 'quit');
    expect(cursorRow(app.frame())).toBe('nginx-a');
    app.unmount();
  });

  it('"?" and j in one chunk scroll help; a q after them closes it, not kt', async () => {
    const app = await ready({ columns: 80, rows: 24 });
    const down = 'j'.repeat(110);
    app.stdin.write(`?${down}`);
    await app.waitFor((f) => f.includes('j/k to scroll') && f.includes('label selector: ='), 'scrolled help');
    app.stdin.write(`q?${down}q`);
    await app.waitFor((f) => f.includes('Pods(default)[5]') && !f.includes('esc to close'), 'help closed');
    await app.settled();
    expect(app.onQuit).not.toHaveBeenCalled();
    app.unmount();
  }, 15_000); // 110 keys, each a frame of help: slow on a loaded machine

  it('":ns" Enter, a name and Enter pick the namespace in the picker', async () => {
    const app = await ready();
    app.stdin.write(':ns\rmoni\r');
    await app.waitFor((f) => f.includes('Namespace:monitoring') && f.includes('Pods(monitoring)[1]'));
    app.unmount();
  });

  it('Enter after moves drills into the row the cursor moved to', async () => {
    const app = await ready();
    app.stdin.write(`${KEYS.shiftTab}j\r`);
    await app.waitFor((f) => f.includes('nodes > node2 > pods') && f.includes('db-0'));
    app.unmount();
  });

  it('arrows, page down and shift-tab still work, alone or in a chunk', async () => {
    const app = await ready({ columns: 100, rows: 12 });
    app.stdin.write(KEYS.down);
    await app.waitFor((f) => cursorRow(f) === 'db-0');
    app.stdin.write(`${KEYS.down}${KEYS.down}${KEYS.up}`);
    await app.waitFor((f) => cursorRow(f) === 'nginx-a');
    app.stdin.write(KEYS.pageDown);
    await app.waitFor((f) => cursorRow(f) === 'web-0');
    app.stdin.write(`g${KEYS.pageDown}k`);
    await app.waitFor((f) => cursorRow(f) !== 'web-0' && cursorRow(f) !== 'api-0');
    app.stdin.write(KEYS.shiftTab);
    await app.waitFor((f) => f.includes('[Nodes]') || f.includes('╔═ Nodes'));
    app.unmount();
  });

  it('a paste into the filter drops control characters and keeps the rest', async () => {
    const app = await ready();
    app.stdin.write('/');
    await app.waitFor((f) => f.endsWith('\n/'), 'filter line');
    app.stdin.write('ngi\nnx');
    await app.waitFor((f) => f.includes('</nginx>') && f.includes('[2/5]'));
    app.unmount();
  });
});
