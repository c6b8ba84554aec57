// k9s's column sort: Shift-←/→ moves the sort to the next column (by its cells' values), Shift-O
// reverses it; the header's arrow follows.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/kube/types.js';
import { FakeCluster } from '../fakes/fake-cluster.js';
import { mountApp, withNoColor } from './harness.js';
import { pod } from './objects.js';

const SHIFT_RIGHT = '\u001B[1;2C';
const SHIFT_LEFT = '\u001B[1;2D';

withNoColor();

function restarted(name: string, restarts: number): KubeObject {
  const p = pod(name, 'default');
  const status = p.status as { containerStatuses: { restartCount: number }[] };
  status.containerStatuses[0]!.restartCount = restarts;
  return p;
}

/** The pod names in the order the pane shows them. */
const order = (frame: string) => [...frame.matchAll(/(?:^|\s|>)(p-\w+)\s/gm)].map((m) => m[1]);

describe('column sort', () => {
  it('Shift-→ steps the sort through the columns, by value; Shift-O reverses; Shift-← steps back', async () => {
    const source = new FakeCluster();
    source.set({ kind: 'pods', namespace: 'default' }, [restarted('p-a', 10), restarted('p-b', 9), restarted('p-c', 100)]);
    const app = mountApp({ source, columns: 160, rows: 24 });
    await app.waitFor((f) => f.includes('NAME↑') && f.includes('p-c'));
    expect(order(app.frame())).toEqual(['p-a', 'p-b', 'p-c']);
    await app.press(SHIFT_RIGHT, SHIFT_RIGHT, SHIFT_RIGHT); // READY, STATUS, RESTARTS
    let frame = await app.waitFor((f) => f.includes('RESTARTS↑'), 'the sort on RESTARTS');
    expect(frame).not.toContain('NAME↑');
    expect(order(frame)).toEqual(['p-b', 'p-a', 'p-c']); // 9, 10, 100: numbers, not text
    await app.press('O');
    frame = await app.waitFor((f) => f.includes('RESTARTS↓'), 'reversed');
    expect(order(frame)).toEqual(['p-c', 'p-a', 'p-b']);
    await app.press(SHIFT_LEFT);
    await app.waitFor((f) => f.includes('STATUS↑'), 'back to STATUS');
    app.unmount();
  });
});
