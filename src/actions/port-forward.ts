// `Shift-F` on a pod, Service or Deployment: port-forward. A form takes the port (a choice among
// the declared ones), the local port (the same one by default, port + 8000 below 1024 when kt may
// not open it, or the next free one) and the address (127.0.0.1); Enter starts the forward
// (stream/forwards.ts), which `:pf` lists. What kt's request needs: create pods/portforward.
import { findKind } from '../kinds/registry.js';
import { serves } from '../kinds/types.js';
import { forwardTarget, type ForwardTarget, type PortChoice } from '../stream/forward-target.js';
import { forwardKubectl } from '../stream/forwards.js';
import { refuse, type FormCommand } from './command.js';
import type { FormField, StreamUi } from './dialog.js';
import type { ActionOutcome, ActionTarget, PlanResult } from './types.js';

export interface ForwardOrder {
  target: ForwardTarget;
  choice: PortChoice;
  localPort: number;
  address: string;
  /** The local port is the one offered: if it is taken, the next free one is used. */
  orNextFree: boolean;
}

/** Starts the forward; resolves with its one line (listening, or why not). */
export type StartForward = (order: ForwardOrder) => Promise<ActionOutcome>;

export const DEFAULT_ADDRESS = '127.0.0.1';

/** The local port to offer first: the same, or port + 8000 for a port below 1024 that kt may not open. */
export function defaultLocalPort(port: number, root = process.getuid?.() === 0): number {
  return port < 1024 && !root ? port + 8000 : port;
}

export function forwardForm(pane: number, target: ActionTarget, forward: ForwardTarget): StreamUi | string {
  const first = forward.ports[0];
  if (!first) return `${forward.type}/${forward.name} declares no TCP port to forward to`;
  const fields: FormField[] = [
    { key: 'port', label: forward.type === 'service' ? 'service port' : 'container port', choices: forward.ports.map((p) => p.label) },
    { key: 'localPort', label: 'local port' },
    { key: 'address', label: 'address' },
  ];
  const values = { port: first.label, localPort: String(defaultLocalPort(first.port)), address: DEFAULT_ADDRESS };
  return { type: 'stream', action: 'portForward', pane, targets: [target], fields, values, field: 0, forward, autoLocal: true };
}

/** Another port chosen: the local port follows it unless the user typed one of their own. */
export function withPort(ui: StreamUi, label: string): StreamUi {
  const after = ui.forward?.ports.find((p) => p.label === label);
  const follow: Record<string, string> = ui.autoLocal && after ? { localPort: String(defaultLocalPort(after.port)) } : {};
  return { ...ui, values: { ...ui.values, port: label, ...follow } };
}

export function planPortForward(ui: StreamUi, start: StartForward | undefined): PlanResult {
  const target = ui.targets[0];
  const forward = ui.forward;
  if (!target || !forward) return { ok: false, error: 'nothing selected to forward to' };
  const choice = forward.ports.find((p) => p.label === ui.values.port);
  if (!choice) return { ok: false, error: 'choose a port with ←/→' };
  const typed = (ui.values.localPort ?? '').trim();
  const localPort = Number(typed);
  if (!/^\d+$/.test(typed) || localPort < 1 || localPort > 65535) return { ok: false, error: `local port must be a number from 1 to 65535, not "${typed}"` };
  const address = (ui.values.address ?? '').trim();
  if (!/^[\w.:-]+$/.test(address)) return { ok: false, error: `address must be an IP address or localhost, not "${address}"` };
  const order: ForwardOrder = { target: forward, choice, localPort, address, orNextFree: Boolean(ui.autoLocal) };
  const run = start ?? (() => Promise.resolve({ ok: false, message: 'port-forward needs a WebSocket connection to the API server' }));
  return { ok: true, plan: { action: 'portForward', targets: [target], kubectl: [forwardKubectl(order)], confirm: false, run: () => run(order) } };
}

export const portForwardAction: FormCommand<'portForward'> = {
  id: 'portForward',
  title: 'Port-forward',
  keys: ['F'],
  description: 'Port-forward to the pod, or to a ready pod of the Service or Deployment (:pf lists them)',
  hint: 'port-forward',
  appliesTo: (k) => serves(k, 'portforward') || Boolean(k.offers?.includes('portForward')),
  // A forwarded connection reaches the pod's service, which may change anything: off with --readonly.
  mutating: true,
  access: { verb: 'create', subresource: 'portforward', resource: 'pods' },
  needs: 'client',
  opens: 'form',
  open(targets, { pane }) {
    const first = targets[0];
    const spec = first ? findKind(first.kind) : undefined;
    if (!first || !spec) return refuse('nothing selected to forward to');
    const forward = forwardTarget(spec, first.object);
    const form = typeof forward === 'string' ? forward : forwardForm(pane, first, forward);
    return typeof form === 'string' ? refuse(form) : form;
  },
  plan: (dialog, handover) => (dialog.type === 'stream' ? planPortForward(dialog, handover?.forward) : { ok: false, error: 'port-forward plans from its own form' }),
};
