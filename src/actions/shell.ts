// Shell (`s` on a pod: kubectl exec -it … -- sh) and attach (`a`: kubectl attach -it): the
// container, from a form when the pod has several (the default-container annotation first, as
// kubectl), then the session with the terminal handed over (stream/session.ts). The journal keeps
// the kubectl line, never what is typed in the session.
import type { FormField, StreamUi } from '../app/action-state.js';
import type { SessionRequest } from '../stream/exec.js';
import { sessionKubectl } from '../stream/shell-settings.js';
import type { ActionOutcome, ActionTarget, PlanResult } from './types.js';

/** Runs a session with the terminal handed over; resolves with its one-line end. */
export type OpenSession = (req: SessionRequest) => Promise<ActionOutcome>;

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
export function sessionForm(action: 'shell' | 'attach', pane: number, target: ActionTarget, command: readonly string[]): StreamUi | string {
  const containers = sessionContainers(target);
  if (containers.length === 0) return `pod ${target.name} has no containers`;
  const fields: FormField[] = [{ key: 'container', label: 'container', choices: containers }];
  return { type: 'stream', action, pane, targets: [target], fields, values: { container: containers[0] as string }, field: 0, command };
}

/** The request for the chosen container: exec runs `command`; attach takes stdin and a TTY as the container has them. */
export function sessionRequest(action: 'shell' | 'attach', target: ActionTarget, container: string, command: readonly string[]): SessionRequest | string {
  const pod = target.object as unknown as PodLike;
  const spec = pod.spec?.containers?.find((c) => c.name === container);
  if (!spec) return `pod ${target.name} has no container "${container}"`;
  const where = { namespace: target.namespace ?? '', pod: target.name, container };
  if (action === 'shell') return { type: 'exec', ...where, command };
  const stdin = Boolean(spec.stdin);
  return { type: 'attach', ...where, stdin, tty: stdin && Boolean(spec.tty) };
}

export function planSession(action: 'shell' | 'attach', target: ActionTarget, container: string, command: readonly string[], open: OpenSession): PlanResult {
  const req = sessionRequest(action, target, container, command);
  if (typeof req === 'string') return { ok: false, error: req };
  return {
    ok: true,
    plan: {
      action,
      targets: [target],
      kubectl: [sessionKubectl(req)],
      // Enter on the container (or `s` on a pod with one) is the confirmation, as the command is.
      confirm: false,
      run: () => open(req),
    },
  };
}
