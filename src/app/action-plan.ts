// The plan for what an action prompt or dialog holds now (pure: planning sends nothing), and how
// its targets are named in titles.
import { planDelete } from '../actions/delete.js';
import { planExpose } from '../actions/expose.js';
import { kubectlType } from '../actions/kinds.js';
import { planLabel } from '../actions/label.js';
import { planPortForward, type StartForward } from '../actions/port-forward.js';
import { planSession, type OpenSession } from '../actions/shell.js';
import { planScale } from '../actions/scale.js';
import { planTaint } from '../actions/taint.js';
import type { ActionTarget, PlanResult } from '../actions/types.js';
import type { PendingAction } from './action-state.js';

/** What runs a stream action's plan: the session with the terminal handed over, the forward. */
export interface StreamRunners {
  session: OpenSession;
  forward: StartForward;
}

/** For a form's kubectl preview: the plan is only shown, never run. */
const PREVIEW: StreamRunners = {
  session: () => Promise.resolve({ ok: false, message: 'preview only' }),
  forward: () => Promise.resolve({ ok: false, message: 'preview only' }),
};

export function planFor(ui: PendingAction, streams: StreamRunners = PREVIEW): PlanResult {
  const first = ui.targets[0];
  switch (ui.type) {
    case 'prompt':
      if (ui.action === 'scale') return first ? planScale(first, ui.text) : { ok: false, error: 'nothing selected to scale' };
      return ui.action === 'label' ? planLabel(ui.targets, ui.text) : planTaint(ui.targets, ui.text);
    case 'expose':
      return first ? planExpose(first, ui.form) : { ok: false, error: 'nothing selected to expose' };
    case 'delete':
      return planDelete(ui.targets, ui.options);
    case 'confirm':
      return { ok: true, plan: ui.plan };
    case 'stream':
      if (ui.action === 'portForward') return planPortForward(ui, streams.forward);
      if (!first) return { ok: false, error: `nothing selected to ${ui.action}` };
      return planSession(ui.action, first, ui.values.container ?? '', ui.command ?? [], streams.session);
  }
}

/** kubectl's TYPE/NAME: "deployment/web", "node/k8snode01". */
export function targetRef(target: ActionTarget): string {
  return `${kubectlType(target.kind)}/${target.name}`;
}

/** One target as "deployment/web", several as "3 pods". */
export function targetsTitle(targets: readonly ActionTarget[]): string {
  const first = targets[0];
  if (!first) return 'nothing';
  if (targets.length === 1) return targetRef(first);
  const kinds = new Set(targets.map((t) => t.kind));
  return `${targets.length} ${kinds.size === 1 ? first.kind : 'objects'}`;
}

/** Every target by name, with its namespace when it has one: "default/web-1". */
export function targetNames(targets: readonly ActionTarget[]): string[] {
  return targets.map((t) => (t.namespace ? `${t.namespace}/${t.name}` : t.name));
}
