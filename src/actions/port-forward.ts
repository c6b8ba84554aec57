// Port-forward (`Shift-F` on a pod, Service or Deployment): a form takes the port (a choice among
// the declared ones), the local port (the same one by default, or the next free one) and the
// address (127.0.0.1); Enter starts the forward (stream/forwards.ts), which `:pf` lists.
import type { FormField, StreamUi } from '../app/action-state.js';
import type { ForwardTarget, PortChoice } from '../stream/forward-target.js';
import { forwardKubectl } from '../stream/forwards.js';
import type { ActionOutcome, ActionTarget, PlanResult } from './types.js';

export interface ForwardOrder {
  target: ForwardTarget;
  choice: PortChoice;
  localPort: number;
  address: string;
}

/** Starts the forward; resolves with its one line (listening, or why not). */
export type StartForward = (order: ForwardOrder) => Promise<ActionOutcome>;

export const DEFAULT_ADDRESS = '127.0.0.1';

/** The local port to offer first: the same, or port + 8000 for a port below 1024 that kt may not open. */
export function defaultLocalPort(port: number, root = process.getuid?.() === 0): number {
  return port < 1024 && !root ? port + 8000 : port;
}

/** Another port chosen: the local port follows it unless the user typed one of their own. */
export function withPort(ui: StreamUi, label: string): StreamUi {
  const ports = ui.forward?.ports ?? [];
  const before = ports.find((p) => p.label === ui.values.port);
  const after = ports.find((p) => p.label === label);
  const followed = before && after && ui.values.localPort === String(defaultLocalPort(before.port));
  return { ...ui, values: { ...ui.values, port: label, ...(followed ? { localPort: String(defaultLocalPort(after.port)) } : {}) } };
}

export function forwardForm(pane: number, target: ActionTarget, forward: ForwardTarget, localPort: number): StreamUi | string {
  const first = forward.ports[0];
  if (!first) return `${forward.type}/${forward.name} declares no TCP port to forward to`;
  const fields: FormField[] = [
    { key: 'port', label: forward.type === 'service' ? 'service port' : 'container port', choices: forward.ports.map((p) => p.label) },
    { key: 'localPort', label: 'local port' },
    { key: 'address', label: 'address' },
  ];
  const values = { port: first.label, localPort: String(localPort), address: DEFAULT_ADDRESS };
  return { type: 'stream', action: 'portForward', pane, targets: [target], fields, values, field: 0, forward };
}

export function planPortForward(ui: StreamUi, start: StartForward): PlanResult {
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
  const order = { target: forward, choice, localPort, address };
  return { ok: true, plan: { action: 'portForward', targets: [target], kubectl: [forwardKubectl(order)], confirm: false, run: () => start(order) } };
}
