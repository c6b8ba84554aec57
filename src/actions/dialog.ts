// What an action's dialog holds while the user types or confirms: a one-line prompt, the expose
// form, the delete dialog, or a confirmation of a plan. Plain data in the app state; the command
// that opened it (`action`) plans from it (src/actions/index.ts planDialog).
import type { ForwardTarget } from '../stream/forward-target.js';
import type { KubeObject } from '../kube/types.js';
import type { DrainOptions } from './drain.js';
import type { ContainerImage } from './set-image.js';
import type { ActionId, ActionPlan, ActionTarget, DeleteOptions, ExposeForm } from './types.js';

interface Common {
  /** The command that opened it. */
  action: ActionId;
  /** The pane the action came from (its marks are cleared once the action is applied). */
  pane: number;
  targets: readonly ActionTarget[];
  /** The planner's one-line error from the last Enter; cleared by the next edit. */
  error?: string;
  /** A plan that reports its steps (drain) ran from here: its lines so far, and whether it ended. */
  progress?: Progress;
}

export interface Progress {
  /** Which run (a dialog closed and opened again shows none of the last run's lines). */
  run: number;
  lines: readonly string[];
  done: boolean;
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

/** kubectl drain's options, and the node's pods as the store has them (the list shown before anything is sent). */
export interface DrainUi extends Common {
  type: 'drain';
  options: DrainOptions;
  /** Index into DRAIN_FIELDS. */
  field: number;
  pods: readonly KubeObject[];
}

/** Set image: the container picked (an index into containers) and the image typed. */
export interface ImageUi extends Common {
  type: 'image';
  containers: readonly ContainerImage[];
  container: number;
  image: string;
  /** 0: the container, 1: the image. */
  field: number;
}

/** An action the user is typing or confirming, not yet run (or, with progress, running). */
export type DialogState = PromptUi | ExposeUi | DeleteUi | ConfirmUi | StreamUi | DrainUi | ImageUi;
