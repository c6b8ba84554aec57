// Shell, attach and port-forward as actions: which key runs which on a kind (k9s's `s`), the
// container form and the session request, the port-forward form's checks and kubectl line, and
// the RBAC each needs (on pods, whatever the row's kind).
import { describe, expect, it } from 'vitest';
import { accessAttributes } from '../../../src/actions/access.js';
import { defaultLocalPort, forwardForm, planPortForward, withPort } from '../../../src/actions/port-forward.js';
import { sessionForm, sessionRequest } from '../../../src/actions/shell.js';
import { appliesTo } from '../../../src/actions/command.js';
import { actionOfBinding } from '../../../src/actions/index.js';
import { matchCommand } from '../../../src/keys/match.js';
import { findKind } from '../../../src/kinds/registry.js';
import { forwardTarget } from '../../../src/stream/forward-target.js';
import { dialogReducer } from '../../../src/app/dialog-state.js';
import { initialState } from '../../../src/app/state.js';
import { target } from './targets.js';

const pod = target('pods', 'web-1', 'ns', {
  metadata: { name: 'web-1', annotations: { 'kubectl.kubernetes.io/default-container': 'app' } },
  spec: { containers: [{ name: 'sidecar' }, { name: 'app', stdin: true, tty: true, ports: [{ containerPort: 80 }, { containerPort: 9090, name: 'metrics' }] }] },
});

/** The pane's choice among actions sharing a key: the one the row's kind takes. */
const on = (kind: string) => (id: string) => {
  const command = actionOfBinding(id);
  return !command || appliesTo(command, kind);
};
const key = { ctrl: false, meta: false, shift: false } as Parameters<typeof matchCommand>[2];

describe('the `s` key', () => {
  it('is a shell on pods and scale on workloads, as in k9s', () => {
    expect(matchCommand(['pane', 'action'], 's', key, on('pods'))).toBe('action.shell');
    expect(matchCommand(['pane', 'action'], 's', key, on('deployments'))).toBe('action.scale');
    expect(matchCommand(['pane', 'action'], 'F', key, on('services'))).toBe('action.portForward');
  });
});

describe('shell and attach', () => {
  it('offers the containers, kubectl default container first, and asks for the chosen one', () => {
    const form = sessionForm('shell', 1, pod, ['sh']);
    if (typeof form === 'string') throw new Error(form);
    expect(form.fields).toEqual([{ key: 'container', label: 'container', choices: ['app', 'sidecar'] }]);
    expect(form.values).toEqual({ container: 'app' });
    expect(sessionRequest('shell', pod, 'app', ['sh'])).toEqual({ type: 'exec', namespace: 'ns', pod: 'web-1', container: 'app', command: ['sh'] });
    expect(sessionRequest('attach', pod, 'app', [])).toEqual({ type: 'attach', namespace: 'ns', pod: 'web-1', container: 'app', stdin: true, tty: true });
    expect(sessionRequest('attach', pod, 'sidecar', [])).toMatchObject({ stdin: false, tty: false });
    expect(sessionRequest('shell', pod, 'nope', ['sh'])).toBe('pod web-1 has no container "nope"');
  });

  it('needs create on pods/exec, pods/attach and pods/portforward, also from a Deployment row', () => {
    expect(accessAttributes('shell', 'pods', 'ns')).toEqual({ verb: 'create', group: '', resource: 'pods', subresource: 'exec', namespace: 'ns' });
    expect(accessAttributes('attach', 'pods', 'ns')).toMatchObject({ resource: 'pods', subresource: 'attach' });
    expect(accessAttributes('portForward', 'deployments', 'ns')).toEqual({ verb: 'create', group: '', resource: 'pods', subresource: 'portforward', namespace: 'ns' });
  });
});

describe('the port-forward form', () => {
  const forward = forwardTarget(findKind('pods')!, pod.object);
  if (typeof forward === 'string') throw new Error(forward);
  const local = defaultLocalPort(80); // 8080, or 80 for root
  const form = forwardForm(0, pod, forward);
  if (typeof form === 'string') throw new Error(form);
  const run = () => Promise.resolve({ ok: true, message: '' });

  it('takes the port among the declared ones, the local port and the address, and shows kubectl port-forward', () => {
    expect(form.fields.map((f) => f.key)).toEqual(['port', 'localPort', 'address']);
    expect(form.fields[0]?.choices).toEqual(['80 (app)', '9090 (metrics, app)']);
    const plan = planPortForward(form, run);
    expect(plan.ok && plan.plan.kubectl).toEqual([`kubectl port-forward -n ns pod/web-1 ${local}:80`]);
    expect(defaultLocalPort(80, false)).toBe(8080);
    expect(defaultLocalPort(80, true)).toBe(80);
    expect(defaultLocalPort(8080, false)).toBe(8080);
  });

  it('the local port follows the chosen port unless it was typed', () => {
    expect(withPort(form, '9090 (metrics, app)').values).toMatchObject({ port: '9090 (metrics, app)', localPort: '9090' });
    const typed = { ...form, values: { ...form.values, localPort: '5000' }, autoLocal: false };
    expect(withPort(typed, '9090 (metrics, app)').values.localPort).toBe('5000');
  });

  it('refuses a bad local port or address in one line', () => {
    expect(planPortForward({ ...form, values: { ...form.values, localPort: '70000' } }, run)).toEqual({ ok: false, error: 'local port must be a number from 1 to 65535, not "70000"' });
    expect(planPortForward({ ...form, values: { ...form.values, address: 'a b' } }, run)).toEqual({ ok: false, error: 'address must be an IP address or localhost, not "a b"' });
  });

  it('a Deployment with no declared port says so', () => {
    const deploy = target('deployments', 'web', 'ns', { spec: { selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'web' }] } } } });
    const none = forwardTarget(findKind('deployments')!, deploy.object);
    if (typeof none === 'string') throw new Error(none);
    expect(forwardForm(0, deploy, none)).toBe('deployment/web declares no TCP port to forward to');
  });
});

describe('the port-forward form as the user types', () => {
  it('←/→ moves the port and the local port with it; a typed local port stays; backspace edits it', () => {
    const forward = forwardTarget(findKind('pods')!, pod.object);
    if (typeof forward === 'string') throw new Error(forward);
    const form = forwardForm(0, pod, forward);
    if (typeof form === 'string') throw new Error(form);
    let s = dialogReducer(initialState({ prefs: { favourites: [] }, allNamespaces: false, initialNamespace: 'ns' }), { type: 'dialogOpen', dialog: form });
    expect(s.mode).toBe('prompt');
    s = dialogReducer(s, { type: 'dialogChoice', delta: 1 });
    expect(s.dialog?.type === 'stream' && s.dialog.values).toMatchObject({ port: '9090 (metrics, app)', localPort: '9090' });
    s = dialogReducer(s, { type: 'dialogField', delta: 1 }); // to the local port
    s = dialogReducer(s, { type: 'dialogDeleteChar' });
    s = dialogReducer(s, { type: 'dialogType', text: '1' });
    expect(s.dialog?.type === 'stream' && s.dialog.values.localPort).toBe('9091');
    s = dialogReducer(s, { type: 'dialogField', delta: -1 });
    s = dialogReducer(s, { type: 'dialogChoice', delta: 1 });
    expect(s.dialog?.type === 'stream' && s.dialog.values).toMatchObject({ port: '80 (app)', localPort: '9091' });
  });
});
