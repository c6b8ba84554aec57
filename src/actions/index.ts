// Every row action, registered once. The key bindings (keys/action-bindings.ts), the footer hints
// and the access checks (hooks/useActions.ts) and the dialogs' plans are derived from here. The
// registry is typed by ActionId: an id without its command, or a command without its opener and
// plan, does not compile.
import { appliesTo, type ActionCommand, type Handover } from './command.js';
import { cordonAction, uncordonAction } from './cordon.js';
import { decodeAction } from './decode.js';
import { deleteAction } from './delete.js';
import { describeAction } from './describe.js';
import { drainAction } from './drain.js';
import type { DialogState } from './dialog.js';
import { editAction } from './edit.js';
import { exposeAction } from './expose.js';
import { labelAction } from './label.js';
import { logsAction, previousLogsAction } from './logs.js';
import { portForwardAction } from './port-forward.js';
import { attachAction, shellAction } from './shell.js';
import { restartAction } from './restart.js';
import { scaleAction } from './scale.js';
import { setImageAction } from './set-image.js';
import { taintAction } from './taint.js';
import { undoAction } from './undo.js';
import type { ActionId, PlanResult } from './types.js';
import { yamlAction } from './yaml.js';

// Most used first: the footer shows as many as fit (an operator's day: logs, a shell, a forward,
// scaling and restarting, draining a node), then editing, then the rarer changes.
export const ACTION_COMMANDS: { readonly [K in ActionId]: ActionCommand<K> } = {
  describe: describeAction,
  yaml: yamlAction,
  decode: decodeAction,
  logs: logsAction,
  previousLogs: previousLogsAction,
  shell: shellAction,
  attach: attachAction,
  portForward: portForwardAction,
  scale: scaleAction,
  restart: restartAction,
  cordon: cordonAction,
  uncordon: uncordonAction,
  drain: drainAction,
  edit: editAction,
  image: setImageAction,
  undo: undoAction,
  delete: deleteAction,
  label: labelAction,
  taint: taintAction,
  expose: exposeAction,
};

/** In the order of the footer hints and help (ACTION_COMMANDS'). */
export const ACTION_LIST: readonly ActionCommand[] = Object.values(ACTION_COMMANDS);

/** The command id of an action's key binding: "action.scale". */
export type ActionBindingId = `action.${ActionId}`;

export function bindingIdOf(id: ActionId): ActionBindingId {
  return `action.${id}`;
}

/** The action a binding id runs, if it is an action's. */
export function actionOfBinding(id: string): ActionCommand | undefined {
  return id.startsWith('action.') ? ACTION_LIST.find((c) => bindingIdOf(c.id) === id) : undefined;
}

/** The actions a kind takes, in a stable order. */
export function actionsFor(kindId: string): ActionId[] {
  return ACTION_LIST.filter((c) => appliesTo(c, kindId)).map((c) => c.id);
}

/** The plan for what a dialog holds now (pure: planning sends nothing); `handover` for a session or forward to run. */
export function planDialog(dialog: DialogState, handover?: Handover): PlanResult {
  if (dialog.type === 'confirm') return { ok: true, plan: dialog.plan };
  const command: ActionCommand = ACTION_COMMANDS[dialog.action];
  if (command.opens === 'prompt' && dialog.type === 'prompt') return command.plan(dialog.targets, dialog.text);
  if (command.opens === 'form') return command.plan(dialog, handover);
  return { ok: false, error: `${command.id} has no ${dialog.type} dialog` };
}
