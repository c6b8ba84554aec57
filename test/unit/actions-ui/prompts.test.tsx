import { describe, expect, it } from 'vitest';
import { KEYS, tick } from '../views/harness.js';
import { command, mountWithClient } from './objects.js';

const ESC = KEYS.esc;

describe('scale prompt', () => {
  it('opens on s prefilled with the replicas, previews the kubectl command and applies on Enter', async () => {
    const app = mountWithClient();
    await app.waitFor((f) => f.includes('web-1'));
    await command(app, 'deploy');
    await app.waitFor((f) => f.includes('Deployments(default)[1]'));
    await app.press('s');
    let frame = await app.waitFor((f) => f.includes('Scale deployment/web'), 'scale prompt');
    expect(frame).toContain('replicas: 2');
    expect(frame).toContain('$ kubectl scale deployment/web --replicas=2 -n default');
    await app.press(KEYS.backspace);
    await app.type('5');
    frame = await app.waitFor((f) => f.includes('--replicas=5'));
    expect(app.client.mutations).toHaveLength(0);
    await app.press(KEYS.enter);
    frame = await app.waitFor((f) => !f.includes('Scale deployment/web') && f.includes('scaled'), 'outcome flash');
    expect(frame).toContain('deployment.apps/web scaled');
    expect(app.client.mutations).toHaveLength(1);
    expect(app.client.mutations[0]).toMatchObject({ method: 'PUT', body: { spec: { replicas: 5 } } });
    expect(app.client.mutations[0]?.path).toMatch(/\/apis\/apps\/v1\/namespaces\/default\/deployments\/web\/scale\?fieldValidation=Strict$/);
    app.unmount();
  });

  it('shows the planner error in one line on Enter with bad input and sends nothing; Esc cancels', async () => {
    const app = mountWithClient();
    await app.waitFor((f) => f.includes('web-1'));
    await command(app, 'deploy');
    await app.waitFor((f) => f.includes('Deployments(default)[1]'));
    await app.press('s', KEYS.backspace);
    await app.type('x3');
    await app.press(KEYS.enter);
    const frame = await app.waitFor((f) => f.includes('invalid replicas "x3"'), 'error line');
    expect(frame.split('\n').filter((l) => l.includes('invalid replicas')).length).toBe(1);
    expect(frame).toContain('Scale deployment/web'); // still open
    await app.press(ESC);
    await app.waitFor((f) => !f.includes('Scale deployment/web'), 'closed');
    await tick(20);
    expect(app.client.mutations).toHaveLength(0);
    app.unmount();
  });

  it('s on a pod is a shell, as in k9s (scale is for workloads): no replicas prompt', async () => {
    const app = mountWithClient();
    await app.waitFor((f) => f.includes('web-1'));
    await app.press('s');
    // The form names the container and shows the kubectl line first.
    const frame = await app.waitFor((f) => f.includes('Shell in pod/web-1') && f.includes('$ kubectl exec -it -n default web-1 -c '));
    expect(frame).not.toContain('replicas:');
    // No WebSocket dialer in this mount: Enter says what the shell needs.
    await app.press('\r');
    await app.waitFor((f) => f.includes('shell needs a terminal and a WebSocket connection to the API server'));
    app.unmount();
  });
});

describe('label prompt', () => {
  it('labels the pod under the cursor with key=value and removes with key-', async () => {
    const app = mountWithClient();
    await app.waitFor((f) => f.includes('web-1'));
    await app.press('L');
    await app.waitFor((f) => f.includes('Label pod/web-1'), 'label prompt');
    await app.type('disk=ssd tier-');
    const frame = await app.waitFor((f) => f.includes('$ kubectl label pod web-1'), 'preview');
    expect(frame).toMatch(/kubectl label pod web-1 .*disk=ssd tier-/);
    await app.press(KEYS.enter);
    await app.waitFor((f) => !f.includes('Label pod/web-1'));
    await app.until(() => app.client.mutations.length === 1, 'the PATCH');
    expect(app.client.mutations[0]).toMatchObject({ method: 'PATCH', contentType: 'application/merge-patch+json' });
    expect(app.client.mutations[0]?.body).toEqual({ metadata: { labels: { disk: 'ssd', tier: null } } });
    app.unmount();
  });

  it('refuses bad syntax with the planner error and sends nothing', async () => {
    const app = mountWithClient();
    await app.waitFor((f) => f.includes('web-1'));
    await app.press('L');
    await app.waitFor((f) => f.includes('Label pod/web-1'));
    await app.type('=oops');
    await app.press(KEYS.enter);
    const frame = await app.waitFor((f) => f.includes('invalid label key ""'), 'error');
    expect(frame).toContain('Label pod/web-1'); // still open, nothing sent
    expect(frame).not.toContain('$ kubectl');
    expect(app.client.mutations).toHaveLength(0);
    app.unmount();
  });
});

describe('taint prompt', () => {
  it('taints the node under the cursor; a NoExecute taint asks for y first and n cancels', async () => {
    const app = mountWithClient();
    await app.waitFor((f) => f.includes('web-1'));
    await app.press(KEYS.shiftTab); // Nodes
    await app.waitFor((f) => f.includes('[Nodes]') || f.includes('╔═ Nodes'));
    await app.press('T');
    await app.waitFor((f) => f.includes('Taint node/node1'), 'taint prompt');
    await app.type('gpu=yes:NoExecute');
    await app.press(KEYS.enter);
    let frame = await app.waitFor((f) => f.includes('Taint node/node1?'), 'confirmation');
    expect(frame).toContain('node1');
    expect(frame).toContain('$ kubectl taint node node1 gpu=yes:NoExecute');
    await app.press('n');
    await app.waitFor((f) => !f.includes('Taint node/node1?'));
    await tick(20);
    expect(app.client.mutations).toHaveLength(0);

    await app.press('T');
    await app.waitFor((f) => f.includes('Taint node/node1'));
    await app.type('gpu=yes:NoSchedule');
    await app.press(KEYS.enter);
    frame = await app.waitFor((f) => f.includes('tainted'), 'outcome');
    expect(app.client.mutations).toHaveLength(1);
    expect(app.client.mutations[0]).toMatchObject({ method: 'PATCH', contentType: 'application/json-patch+json' });
    app.unmount();
  });
});

describe('typed ahead', () => {
  it('keys arriving in one chunk with the action key reach its prompt once access is known', async () => {
    const app = mountWithClient();
    await app.waitFor((f) => f.includes('web-1') && f.includes('<shift-l> label'));
    await app.until(() => app.client.reviews.length >= 3, 'the access checks');
    app.stdin.write('Lab=c\r');
    await app.until(() => app.client.mutations.length === 1, 'the PATCH');
    expect(app.client.mutations[0]?.body).toEqual({ metadata: { labels: { ab: 'c' } } });
    app.unmount();
  });
});

describe('latest object', () => {
  it('a prompt plans on the object as its pane holds it when Enter is pressed, not when it opened', async () => {
    const app = mountWithClient();
    await app.waitFor((f) => f.includes('<shift-l> label'));
    await app.press(KEYS.shiftTab); // Nodes
    await app.waitFor((f) => f.includes('<shift-t> taint'));
    await app.press('T');
    await app.waitFor((f) => f.includes('Taint node/node1'));
    // While the prompt is open the watch brings a new taint on node1.
    const { taintedNode } = await import('./objects.js');
    app.source.set({ kind: 'nodes' }, [taintedNode('node1', [{ key: 'seed', effect: 'NoSchedule' }, { key: 'late', effect: 'NoSchedule' }]), taintedNode('node2')]);
    await app.type('late-');
    await app.press(KEYS.enter);
    await app.until(() => app.client.mutations.length === 1, 'the PATCH');
    expect(JSON.stringify(app.client.mutations[0]?.body)).toContain('"late"');
    app.unmount();
  });
});
