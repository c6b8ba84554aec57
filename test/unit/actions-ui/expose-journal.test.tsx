import { describe, expect, it } from 'vitest';
import { KEYS, tick } from '../views/harness.js';
import { command, mountWithClient } from './objects.js';

const RIGHT = '\u001B[C';
const LEFT = '\u001B[D';

async function openExpose(app: ReturnType<typeof mountWithClient>) {
  await app.waitFor((f) => f.includes('web-1'));
  await command(app, 'deploy');
  await app.waitFor((f) => f.includes('Deployments(default)[1]'));
  await app.press('x');
  return app.waitFor((f) => f.includes('Expose deployment/web as a Service'), 'expose form');
}

describe('expose form', () => {
  it('starts from exposeDefaults; Tab/Shift-Tab move, ←/→ and letters pick choices; Enter creates the service', async () => {
    const app = mountWithClient();
    let frame = await openExpose(app);
    expect(frame).toMatch(/> port:\s+80/);
    expect(frame).toMatch(/target port:\s+80/);
    expect(frame).toContain('[TCP]');
    expect(frame).toContain('[ClusterIP]');
    expect(frame).toMatch(/service name:\s+web/);
    expect(frame).toContain('$ kubectl expose deployment web --port=80 -n default');

    await app.press(KEYS.tab, KEYS.tab, KEYS.tab); // type
    frame = await app.waitFor((f) => /> type:/.test(f));
    await app.press(RIGHT);
    frame = await app.waitFor((f) => f.includes('[NodePort]'), 'NodePort chosen');
    await app.press(KEYS.shiftTab);
    await app.waitFor((f) => /> protocol:/.test(f));
    await app.type('u');
    await app.waitFor((f) => f.includes('[UDP]'), 'UDP by its letter');
    await app.press(LEFT);
    await app.waitFor((f) => f.includes('[TCP]'), 'back to TCP');
    await app.press(KEYS.tab, KEYS.tab, KEYS.tab); // service name
    await app.press(KEYS.backspace, KEYS.backspace, KEYS.backspace);
    await app.type('web-np');
    frame = await app.waitFor((f) => f.includes('--type=NodePort --name=web-np'), 'preview');
    expect(app.client.mutations).toHaveLength(0);
    await app.press(KEYS.enter);
    await app.until(() => app.client.mutations.length === 1, 'the POST');
    const post = app.client.mutations[0];
    expect(post).toMatchObject({ method: 'POST', path: '/api/v1/namespaces/default/services?fieldValidation=Strict' });
    expect(post?.body).toMatchObject({ metadata: { name: 'web-np' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] } });
    app.unmount();
  });

  it('a bad port is refused in one line and nothing is sent; Esc cancels', async () => {
    const app = mountWithClient();
    await openExpose(app);
    await app.press(KEYS.backspace, KEYS.backspace);
    await app.type('99999');
    await app.press(KEYS.enter);
    await app.waitFor((f) => f.includes('invalid port "99999"'), 'error');
    await app.press(KEYS.esc);
    await app.waitFor((f) => !f.includes('Expose deployment/web'));
    await tick(20);
    expect(app.client.mutations).toHaveLength(0);
    app.unmount();
  });
});

describe(':journal', () => {
  it('lists this run\'s actions, newest first, with their kubectl commands and outcomes', async () => {
    const app = mountWithClient();
    await app.waitFor((f) => f.includes('web-1'));
    await command(app, 'journal');
    let frame = await app.waitFor((f) => f.includes('Journal[0]'));
    expect(frame).toContain('no actions yet in this run');
    await app.press('q');
    await app.waitFor((f) => f.includes('web-1') && !f.includes('Journal['));
    expect(app.onQuit).not.toHaveBeenCalled();

    await app.press('L');
    await app.waitFor((f) => f.includes('Label pod/web-1'));
    await app.type('a=b');
    await app.press(KEYS.enter);
    await app.waitFor((f) => f.includes('labeled'), 'label outcome');
    await command(app, 'deploy');
    await app.waitFor((f) => f.includes('Deployments(default)[1]'));
    await app.press('s', KEYS.backspace);
    await app.type('4');
    await app.press(KEYS.enter);
    await app.waitFor((f) => f.includes('scaled'), 'scale outcome');

    await command(app, 'journal');
    frame = await app.waitFor((f) => f.includes('Journal[2]'));
    const scale = frame.indexOf('$ kubectl scale deployment/web --replicas=4 -n default');
    const label = frame.indexOf('$ kubectl label pod web-1 a=b');
    expect(scale).toBeGreaterThan(0);
    expect(label).toBeGreaterThan(scale); // newest first
    expect(frame).toContain('→ deployment.apps/web scaled');
    expect(frame).toContain('→ pod/web-1 labeled');
    expect(frame.match(/\bok\b/g)?.length).toBe(2);
    await app.press(KEYS.esc);
    await app.waitFor((f) => !f.includes('Journal['));
    app.unmount();
  });
});
