// What an action's dialog holds while the user types or confirms: a one-line prompt, the expose
// form, the delete dialog, or a confirmation of a plan. Plain data in the app state; the command
// that opened it (`action`) plans from it (src/actions/index.ts planDialog).
import type { ForwardTarget } from '../stream/forward-target.js';
import type { ActionId, ActionPlan, ActionTarget, DeleteOptions, ExposeForm } from './types.js';

interface Common {
  /** The command that opened it. */
  action: ActionId;
  /** The pane the action came from (its marks are cleared once the action is applied). */
  pane: number;
  targets: readonly ActionTarget[];
  /** The planner's one-line error from the last Enter; cleared by the next edit. */
  error?: string;
}

/** A line of kubectl syntax: replicas, `key=value key-`, `key=value:Effect key:Effect- key-`. */
export interface PromptUi extends Common {
  type: 'prompt';
  text: string;
}

export interface ExposeUi extends Common {
  type: 'expose';
  form: ExposeForm;
  /** Index into EXPOSE_FIELDS. */
  field: number;
}

export interface DeleteUi extends Common {
  type: 'delete';
  options: DeleteOptions;
  /** 0: grace period, 1: force. */
  field: number;
}

/** A validated plan waiting for `y` (a NoExecute taint, a cordon). */
export interface ConfirmUi extends Common {
  type: 'confirm';
  plan: ActionPlan;
}

/** A field of a stream form: typed text, or one of fixed choices. */
export interface FormField {
  key: string;
  label: string;
  choices?: readonly string[];
}

/** The container of a shell or attach, or port-forward's ports and address: Enter starts it. */
export interface StreamUi extends Common {
  type: 'stream';
  fields: readonly FormField[];
  values: Readonly<Record<string, string>>;
  field: number;
  /** Port-forward: what it reaches and the ports offered. */
  forward?: ForwardTarget;
  /** Port-forward: the local port is still the one offered (the next free one is taken if it is busy). */
  autoLocal?: boolean;
  /** Shell: the command it runs (the config's shell.command). */
  command?: readonly string[];
}

/** An action the user is typing or confirming, not yet run. */
export type DialogState = PromptUi | ExposeUi | DeleteUi | ConfirmUi | StreamUi;
