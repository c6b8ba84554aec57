// `s` on a pod: a shell in a container (kubectl exec -it … -- sh; s stays scale on workloads, the
// kind decides, as in k9s); `a`: attach to it (kubectl attach -it). A form picks the container
// (kubectl's default-container annotation first) and shows the kubectl line; Enter starts the
// session with the terminal handed over (stream/session.ts). The journal keeps the kubectl line,
// never what is typed in the session. What kt's request needs: create pods/exec, pods/attach.
import { serves } from '../kinds/types.js';
import type { SessionRequest } from '../stream/exec.js';
import { DEFAULT_SHELL, sessionKubectl } from '../stream/shell-settings.js';
import { refuse, type FormCommand } from './command.js';
import type { FormField, StreamUi } from './dialog.js';
import type { ActionOutcome, ActionTarget, PlanResult } from './types.js';

/** Runs a session with the terminal handed over; resolves with its one-line end. */
export type OpenSession = (req: SessionRequest) => Promise<ActionOutcome>;

type SessionAction = 'shell' | 'attach';

interface PodLike {
  metadata: { annotations?: Record<string, string> };
  spec?: { containers?: { name: string; stdin?: boolean; tty?: boolean }[] };
}

/** The pod's containers, kubectl's default container (its annotation) first. */
export function sessionContainers(target: ActionTarget): string[] {
  const pod = target.object as unknown as PodLike;
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  const preferred = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  return preferred && names.includes(preferred) ? [preferred, ...names.filter((n) => n !== preferred)] : names;
}

/** The container form, or why there is none. */
export function sessionForm(action: SessionAction, pane: number, target: ActionTarget, command: readonly string[]): StreamUi | string {
  const containers = sessionContainers(target);
  if (containers.length === 0) return `pod ${target.name} has no containers`;
  const fields: FormField[] = [{ key: 'container', label: 'container', choices: containers }];
  return { type: 'stream', action, pane, targets: [target], fields, values: { container: containers[0] as string }, field: 0, command };
}

/** The request for the chosen container: exec runs `command`; attach takes stdin and a TTY as the container has them. */
export function sessionRequest(action: SessionAction, target: ActionTarget, container: string, command: readonly string[]): SessionRequest | string {
  const pod = target.object as unknown as PodLike;
  const spec = pod.spec?.containers?.find((c) => c.name === container);
  if (!spec) return `pod ${target.name} has no container "${container}"`;
  const where = { namespace: target.namespace ?? '', pod: target.name, container };
  if (action === 'shell') return { type: 'exec', ...where, command };
  const stdin = Boolean(spec.stdin);
  return { type: 'attach', ...where, stdin, tty: stdin && Boolean(spec.tty) };
}

function planSession(action: SessionAction, dialog: StreamUi, open: OpenSession | undefined): PlanResult {
  const target = dialog.targets[0];
  if (!target) return { ok: false, error: `nothing selected to ${action}` };
  const req = sessionRequest(action, target, dialog.values.container ?? '', dialog.command ?? DEFAULT_SHELL.command);
  if (typeof req === 'string') return { ok: false, error: req };
  const run = open ?? (() => Promise.resolve({ ok: false, message: `${action} needs a terminal and a WebSocket connection to the API server` }));
  // Enter on the form is the confirmation, as running the command is.
  return { ok: true, plan: { action, targets: [target], kubectl: [sessionKubectl(req)], confirm: false, run: () => run(req) } };
}

function sessionCommand<A extends SessionAction>(action: A, rest: Pick<FormCommand<A>, 'title' | 'keys' | 'description' | 'hint' | 'access'>): FormCommand<A> {
  return {
    id: action,
    ...rest,
    appliesTo: (k) => serves(k, action === 'shell' ? 'exec' : 'attach'),
    // A shell can change anything: off with --readonly, as every mutation.
    mutating: true,
    needs: 'client',
    opens: 'form',
    open(targets, ctx) {
      const first = targets[0];
      const form = first ? sessionForm(action, ctx.pane, first, ctx.shellCommand ?? DEFAULT_SHELL.command) : `nothing selected to ${action}`;
      return typeof form === 'string' ? refuse(form) : form;
    },
    plan: (dialog, handover) => (dialog.type === 'stream' ? planSession(action, dialog, handover?.session) : { ok: false, error: `${action} plans from its own form` }),
  };
}

export const shellAction = sessionCommand('shell', {
  title: 'Shell',
  keys: ['s'],
  description: 'Shell in the pod’s container (bash, else sh; the config’s shell.command)',
  hint: 'shell',
  access: { verb: 'create', subresource: 'exec', resource: 'pods' },
});

export const attachAction = sessionCommand('attach', {
  title: 'Attach',
  keys: ['a'],
  description: 'Attach to the container (Ctrl-P Ctrl-Q detaches)',
  hint: 'attach',
  access: { verb: 'create', subresource: 'attach', resource: 'pods' },
});
