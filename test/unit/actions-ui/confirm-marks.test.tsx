import { describe, expect, it } from 'vitest';
import { KEYS, tick, withNoColor } from '../views/harness.js';
import { mountWithClient } from './objects.js';

withNoColor();
const CTRL_D = '\u0004';
const CTRL_BACKSLASH = '\u001c';

describe('delete confirmation', () => {
  it('names the pod, shows the kubectl command, and n cancels without a request', async () => {
    const app = mountWithClient();
    await app.waitFor((f) => f.includes('web-1'));
    await app.press(CTRL_D);
    const frame = await app.waitFor((f) => f.includes('Delete pod/web-1?'), 'dialog');
    expect(frame).toContain('default/web-1');
    expect(frame).toContain('$ kubectl delete pod web-1 -n default');
    expect(frame).toContain('grace period:');
    await app.press('n');
    await app.waitFor((f) => !f.includes('Delete pod/web-1?'));
    await tick(20);
    expect(app.client.mutations).toHaveLength(0);
    app.unmount();
  });

  it('any other key cancels too, and Esc', async () => {
    const app = mountWithClient();
    await app.waitFor((f) => f.includes('web-1'));
    for (const key of ['q', KEYS.esc, 'j']) {
      await app.press(CTRL_D);
      await app.waitFor((f) => f.includes('Delete pod/web-1?'));
      await app.press(key);
      await app.waitFor((f) => !f.includes('Delete pod/web-1?'), `closed by ${JSON.stringify(key)}`);
    }
    expect(app.onQuit).not.toHaveBeenCalled();
    expect(app.client.mutations).toHaveLength(0);
    app.unmount();
  });

  it('takes a grace period and force, shows them in the command, and y deletes', async () => {
    const app = mountWithClient();
    await app.waitFor((f) => f.includes('web-1'));
    await app.press(CTRL_D);
    await app.waitFor((f) => f.includes('Delete pod/web-1?'));
    await app.type('30');
    await app.waitFor((f) => f.includes('$ kubectl delete pod web-1 --grace-period=30 -n default'), 'grace in the command');
    await app.press(KEYS.tab, ' ');
    // --force with a grace period > 0 is refused on y, and nothing is sent.
    await app.press('y');
    await app.waitFor((f) => f.includes('cannot be specified together'), 'planner error');
    expect(app.client.mutations).toHaveLength(0);
    await app.press(KEYS.shiftTab, KEYS.backspace, KEYS.backspace);
    await app.waitFor((f) => f.includes('$ kubectl delete pod web-1 --force --grace-period=0 -n default'), 'force in the command');
    await app.press('y');
    await app.waitFor((f) => !f.includes('Delete pod/web-1?') && f.includes('force deleted'), 'outcome');
    expect(app.client.mutations).toHaveLength(1);
    expect(app.client.mutations[0]).toMatchObject({ method: 'DELETE', path: '/api/v1/namespaces/default/pods/web-1', body: { gracePeriodSeconds: 0 } });
    app.unmount();
  });
});

describe('marks', () => {
  it('Space marks rows (shown with * and counted in the title); Ctrl-D deletes exactly the marked ones', async () => {
    const app = mountWithClient();
    await app.waitFor((f) => f.includes('web-1'));
    await app.press(' ', 'j', ' '); // web-1, then web-3 (the cursor stays on the last row)
    await app.waitFor((f) => f.includes('Pods(default)[3] [2 marked]'), 'title count');
    await app.press('k'); // the plain-text cursor marker ">" takes the gutter of its row
    let frame = await app.waitFor((f) => f.includes('>web-2'));
    expect(frame).toMatch(/\*web-1/);
    expect(frame).toMatch(/\*web-3/);
    expect(frame).not.toMatch(/\*web-2/);
    await app.press(CTRL_D);
    frame = await app.waitFor((f) => f.includes('Delete 2 pods?'), 'dialog');
    expect(frame).toContain('default/web-1, default/web-3');
    expect(frame).toContain('$ kubectl delete pod web-1 web-3 -n default');
    await app.press('y');
    await app.until(() => app.client.mutations.length === 2, 'two DELETEs');
    expect(app.client.mutations.map((m) => m.path)).toEqual(['/api/v1/namespaces/default/pods/web-1', '/api/v1/namespaces/default/pods/web-3']);
    // Marks are cleared once the action is applied.
    frame = await app.waitFor((f) => f.includes('Pods(default)[3]') && !f.includes('marked'), 'marks cleared');
    expect(frame).not.toMatch(/\*web-/);
    app.unmount();
  });

  it('Space again unmarks; Ctrl-\\ clears every mark; marks belong to their view', async () => {
    const app = mountWithClient();
    await app.waitFor((f) => f.includes('web-1'));
    await app.press(' ', ' ');
    await app.waitFor((f) => f.includes('[2 marked]'));
    await app.press('k', ' ');
    await app.waitFor((f) => f.includes('[1 marked]'), 'unmarked web-2');
    await app.press(CTRL_BACKSLASH);
    await app.waitFor((f) => f.includes('Pods(default)[3]') && !f.includes('marked'), 'cleared');
    await app.press(' ');
    await app.waitFor((f) => f.includes('[1 marked]'));
    await app.press(':');
    await app.type('deploy');
    await app.press(KEYS.enter);
    const frame = await app.waitFor((f) => f.includes('Deployments(default)[1]'));
    expect(frame).not.toContain('marked');
    app.unmount();
  });

  it('label applies to every marked row; scale and expose use the cursor row', async () => {
    const app = mountWithClient();
    await app.waitFor((f) => f.includes('web-1'));
    await app.press(' ', ' ', 'L');
    const frame = await app.waitFor((f) => f.includes('Label 2 pods'), 'label prompt');
    expect(frame).toContain('on: default/web-1, default/web-2');
    await app.type('a=b');
    await app.press(KEYS.enter);
    await app.until(() => app.client.mutations.length === 2, 'two PATCHes');
    app.unmount();
  });
});
