// What pressing an action's key comes to, once access is settled (pure; hooks/useActions.ts does
// the dispatching): a one-line refusal, a dialog, a view, or a plan to run with the terminal
// handed over. Nothing is sent from here.
import { findKind } from '../kinds/registry.js';
import { appliesTo, isRefusal, notApplicable, type ActionCommand, type Handover, type OpenContext, type ViewEvent } from './command.js';
import type { DialogState } from './dialog.js';
import type { ActionPlan, ActionTarget } from './types.js';

/** What the focused pane hands over when an action key is pressed. */
export interface PaneSelection {
  pane: number;
  kind: string;
  /** The row under the cursor. */
  cursor?: ActionTarget;
  /** The marked rows that are shown (filtered), in row order. */
  marked: readonly ActionTarget[];
}

export type Opened =
  | { type: 'flash'; text: string; level: 'info' | 'error' }
  | { type: 'dialog'; dialog: DialogState }
  | { type: 'view'; event: ViewEvent }
  | { type: 'handover'; plan: ActionPlan }
  /** No row: nothing happens. */
  | { type: 'none' };

/** The rows the command acts on: the marked ones if it takes marks and there are any, else the cursor's. */
export function targetsOf(command: ActionCommand, sel: PaneSelection): readonly ActionTarget[] {
  if (command.takesMarks && sel.marked.length > 0) return sel.marked;
  return sel.cursor ? [sel.cursor] : [];
}

/** Why the command cannot run on the selection before access is asked, if it cannot. */
export function precheck(command: ActionCommand, sel: PaneSelection): Opened | undefined {
  // A view refuses in its own words (logs on a node); an action names the kinds it applies to.
  if (command.opens !== 'view' && !appliesTo(command, sel.kind)) return { type: 'flash', text: notApplicable(command, sel.kind), level: 'info' };
  if (targetsOf(command, sel).length > 0) return undefined;
  return command.opens === 'view' ? { type: 'none' } : { type: 'flash', text: `nothing to ${command.id}: no row selected`, level: 'info' };
}

const fail = (text: string, level: 'info' | 'error' = 'error'): Opened => ({ type: 'flash', text, level });

/** The command's opener on the selection (access already granted). */
export function openCommand(command: ActionCommand, sel: PaneSelection, ctx: Omit<OpenContext, 'pane'>, handover: Handover | undefined): Opened {
  const targets = targetsOf(command, sel);
  const first = targets[0];
  if (!first) return { type: 'none' };
  const base = { action: command.id, pane: sel.pane, targets };
  switch (command.opens) {
    case 'view': {
      const spec = findKind(sel.kind);
      if (!spec) return fail(notApplicable(command, sel.kind));
      const opened = command.open(first, spec);
      return isRefusal(opened) ? fail(opened.refused, opened.level) : { type: 'view', event: opened };
    }
    case 'prompt':
      return { type: 'dialog', dialog: { ...base, type: 'prompt', text: command.prompt.initial(first) } };
    case 'form': {
      const opened = command.open(targets, { ...ctx, pane: sel.pane });
      return isRefusal(opened) ? fail(opened.refused, opened.level) : { type: 'dialog', dialog: opened };
    }
    case 'confirm': {
      const result = command.plan(targets);
      if (!result.ok) return fail(result.error);
      return { type: 'dialog', dialog: { ...base, type: 'confirm', targets: result.plan.targets, plan: result.plan } };
    }
    case 'handover': {
      if (!handover) return fail(`${command.id} needs a terminal and a connection to the API server`);
      const result = command.plan(first, handover);
      return result.ok ? { type: 'handover', plan: result.plan } : fail(result.error);
    }
  }
}
