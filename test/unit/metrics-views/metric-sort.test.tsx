// Sorting a pane by a metrics column (Shift-←/→ onto CPU, MEM or their percentages): by each row's
// number, highest first after Shift-O, the rows without numbers last; the arrow on that column.
import { describe, expect, it } from 'vitest';
import { FakeCluster } from '../fakes/fake-cluster.js';
import { node, pod } from '../views/objects.js';
import { mountApp, withNoColor } from '../views/harness.js';
import { FakeMetrics, usage } from './fake-metrics.js';

const SHIFT_RIGHT = '\u001B[1;2C';
const MI = 1024 * 1024;
const order = (frame: string) => [...frame.matchAll(/(?:^|\s|>)(web-\d)\s/gm)].map((m) => m[1]);

withNoColor();

describe('sorting by a metrics column', () => {
  it('Shift-→ reaches CPU after AGE; the pods order by their CPU, Shift-O reverses, and a pod without numbers stays last', async () => {
    const source = new FakeCluster();
    source.set({ kind: 'nodes' }, [node('node1')]);
    source.set({ kind: 'pods', namespace: 'default' }, [pod('web-1', 'default'), pod('web-2', 'default'), pod('web-3', 'default'), pod('web-4', 'default')]);
    const metrics = new FakeMetrics();
    metrics.set({ target: 'pods', namespace: 'default' }, {
      'default/web-1': usage(0.5, 10 * MI),
      'default/web-2': usage(0.02, 30 * MI),
      'default/web-4': usage(1.5, 20 * MI),
    });
    const app = mountApp({ source, metrics, columns: 200, rows: 30 });
    await app.waitFor((f) => f.includes('NAME↑') && f.includes('web-4') && f.includes('500m'));
    // NAME → READY, STATUS, RESTARTS, AGE, CPU.
    await app.press(SHIFT_RIGHT, SHIFT_RIGHT, SHIFT_RIGHT, SHIFT_RIGHT, SHIFT_RIGHT);
    let frame = await app.waitFor((f) => f.includes('CPU↑'), 'the sort on CPU');
    expect(order(frame)).toEqual(['web-2', 'web-1', 'web-4', 'web-3']);
    await app.press('O');
    frame = await app.waitFor((f) => f.includes('CPU↓'), 'reversed');
    expect(order(frame)).toEqual(['web-4', 'web-1', 'web-2', 'web-3']);
    // New numbers re-sort the rows.
    metrics.set({ target: 'pods', namespace: 'default' }, {
      'default/web-1': usage(0.5, 10 * MI),
      'default/web-2': usage(2, 30 * MI),
      'default/web-3': usage(0.1, 5 * MI),
      'default/web-4': usage(1.5, 20 * MI),
    });
    frame = await app.waitFor((f) => order(f)[0] === 'web-2', 'the new order');
    expect(order(frame)).toEqual(['web-2', 'web-4', 'web-1', 'web-3']);
    app.unmount();
  });
});
