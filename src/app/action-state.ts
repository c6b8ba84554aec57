// What the action UI holds while the user types or confirms: the scale/label/taint
// prompt, the expose form, the delete dialog, a confirmation; and the rows marked with Space.
// Pure: planning and running happen in hooks/useActions.ts, never here.
import type { ActionPlan, ActionTarget, DeleteOptions, ExposeForm } from '../actions/types.js';
import type { ForwardTarget } from '../stream/forward-target.js';
import { withPort } from '../actions/port-forward.js';
import { moveCursor, updateTop } from './pane-reducer.js';
import type { AppState, Frame, PaneState } from './state.js';

export type PromptAction = 'scale' | 'label' | 'taint';

interface Common {
  /** The pane the action came from (its marks are cleared once the action is applied). */
  pane: number;
  targets: readonly ActionTarget[];
  /** The planner's one-line error from the last Enter; cleared by the next edit. */
  error?: string;
}

/** A line of kubectl syntax: replicas, `key=value key-`, `key=value:Effect key:Effect- key-`. */
export interface PromptUi extends Common {
  type: 'prompt';
  action: PromptAction;
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

/** A validated plan waiting for `y` (a NoExecute taint). */
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

/** The container of a shell or attach, or port-forward's ports and address: Enter runs it. */
export interface StreamUi extends Common {
  type: 'stream';
  action: 'shell' | 'attach' | 'portForward';
  fields: readonly FormField[];
  values: Readonly<Record<string, string>>;
  field: number;
  /** Port-forward: what it reaches and the ports offered. */
  forward?: ForwardTarget;
  /** Shell: the command it runs (the config's shell.command). */
  command?: readonly string[];
}

/** An action the user is typing or confirming, not yet run: its prompt, form or dialog. */
export type PendingAction = PromptUi | ExposeUi | DeleteUi | ConfirmUi | StreamUi;

export interface ExposeField {
  key: keyof ExposeForm;
  label: string;
  /** A fixed set: ←/→ or Space cycle, a typed letter picks the first match. */
  choices?: readonly string[];
}

export const EXPOSE_FIELDS: readonly ExposeField[] = [
  { key: 'port', label: 'port' },
  { key: 'targetPort', label: 'target port' },
  { key: 'protocol', label: 'protocol', choices: ['TCP', 'UDP', 'SCTP'] },
  { key: 'type', label: 'type', choices: ['ClusterIP', 'NodePort', 'LoadBalancer'] },
  { key: 'nodePort', label: 'node port' },
  { key: 'name', label: 'service name' },
];

export const DELETE_FIELDS = 2;

export type UiAction =
  | { type: 'actionOpen'; ui: PendingAction }
  | { type: 'actionType'; text: string }
  | { type: 'actionDeleteChar' }
  | { type: 'actionField'; delta: number }
  | { type: 'actionChoice'; delta: number }
  | { type: 'actionError'; error: string }
  /** Closes the prompt/dialog; `applied` clears the marks of the pane it came from. */
  | { type: 'actionClose'; applied: boolean }
  | { type: 'mark'; pane: number; key: string; count: number; height: number }
  | { type: 'clearMarks'; pane: number };

const UI_ACTIONS = new Set<UiAction['type']>(['actionOpen', 'actionType', 'actionDeleteChar', 'actionField', 'actionChoice', 'actionError', 'actionClose', 'mark', 'clearMarks']);

export function isUiAction(action: { type: string }): action is UiAction {
  return UI_ACTIONS.has(action.type as UiAction['type']);
}

export function modeOf(ui: PendingAction): 'prompt' | 'confirm' {
  return ui.type === 'prompt' || ui.type === 'expose' || ui.type === 'stream' ? 'prompt' : 'confirm';
}

function wrap(index: number, count: number): number {
  return ((index % count) + count) % count;
}

function cycle(choices: readonly string[], current: string, delta: number): string {
  const at = choices.indexOf(current);
  return choices[wrap((at < 0 ? 0 : at) + delta, choices.length)] ?? current;
}

function typeInto(ui: PendingAction, text: string): PendingAction {
  switch (ui.type) {
    case 'prompt':
      return { ...ui, text: ui.text + text, error: undefined };
    case 'expose': {
      const field = EXPOSE_FIELDS[ui.field];
      if (!field) return ui;
      const current = ui.form[field.key];
      let next = current + text;
      if (field.choices) {
        const wanted = text.trim().toLowerCase();
        next = wanted ? (field.choices.find((c) => c.toLowerCase().startsWith(wanted)) ?? current) : cycle(field.choices, current, 1);
      }
      return { ...ui, form: { ...ui.form, [field.key]: next }, error: undefined };
    }
    case 'delete': {
      if (ui.field !== 0) return ui;
      return { ...ui, options: { ...ui.options, gracePeriod: ui.options.gracePeriod + text }, error: undefined };
    }
    case 'stream': {
      const field = ui.fields[ui.field];
      if (!field) return ui;
      const current = ui.values[field.key] ?? '';
      let next = current + text;
      if (field.choices) {
        const wanted = text.trim().toLowerCase();
        next = wanted ? (field.choices.find((c) => c.toLowerCase().startsWith(wanted)) ?? current) : cycle(field.choices, current, 1);
      }
      return { ...ui, values: { ...ui.values, [field.key]: next }, error: undefined };
    }
    case 'confirm':
      return ui;
  }
}

function deleteChar(ui: PendingAction): PendingAction {
  switch (ui.type) {
    case 'prompt':
      return { ...ui, text: ui.text.slice(0, -1), error: undefined };
    case 'expose': {
      const field = EXPOSE_FIELDS[ui.field];
      if (!field || field.choices) return ui;
      return { ...ui, form: { ...ui.form, [field.key]: ui.form[field.key].slice(0, -1) }, error: undefined };
    }
    case 'delete':
      if (ui.field !== 0) return ui;
      return { ...ui, options: { ...ui.options, gracePeriod: ui.options.gracePeriod.slice(0, -1) }, error: undefined };
    case 'stream': {
      const field = ui.fields[ui.field];
      if (!field || field.choices) return ui;
      return { ...ui, values: { ...ui.values, [field.key]: (ui.values[field.key] ?? '').slice(0, -1) }, error: undefined };
    }
    case 'confirm':
      return ui;
  }
}

function choose(ui: PendingAction, delta: number): PendingAction {
  if (ui.type === 'delete') return ui.field === 1 ? { ...ui, options: { ...ui.options, force: !ui.options.force }, error: undefined } : ui;
  if (ui.type === 'stream') {
    const field = ui.fields[ui.field];
    if (!field?.choices) return ui;
    const next = cycle(field.choices, ui.values[field.key] ?? '', delta);
    if (ui.action === 'portForward' && field.key === 'port') return { ...withPort(ui, next), error: undefined };
    return { ...ui, values: { ...ui.values, [field.key]: next }, error: undefined };
  }
  if (ui.type !== 'expose') return ui;
  const field = EXPOSE_FIELDS[ui.field];
  if (!field?.choices) return ui;
  return { ...ui, form: { ...ui.form, [field.key]: cycle(field.choices, ui.form[field.key], delta) }, error: undefined };
}

function moveField(ui: PendingAction, delta: number): PendingAction {
  if (ui.type === 'expose') return { ...ui, field: wrap(ui.field + delta, EXPOSE_FIELDS.length) };
  if (ui.type === 'delete') return { ...ui, field: wrap(ui.field + delta, DELETE_FIELDS) };
  if (ui.type === 'stream') return { ...ui, field: wrap(ui.field + delta, ui.fields.length) };
  return ui;
}

function withUi(state: AppState, update: (ui: PendingAction) => PendingAction): AppState {
  if (!state.action) return state;
  const next = update(state.action);
  return next === state.action ? state : { ...state, action: next };
}

function withFrame(state: AppState, index: number, update: (frame: Frame) => Frame): AppState {
  const pane = state.panes[index];
  if (!pane) return state;
  const next: PaneState = updateTop(pane, update);
  return next === pane ? state : { ...state, panes: state.panes.map((p, i) => (i === index ? next : p)) };
}

function clearMarks(frame: Frame): Frame {
  if (!frame.marks) return frame;
  const { marks: _marks, ...rest } = frame;
  return rest;
}

/** Space: toggle the mark on `key` and move down one row (marking a run is Space, Space, …). */
function toggleMark(frame: Frame, key: string, count: number, height: number): Frame {
  const marks = frame.marks ?? [];
  const next = marks.includes(key) ? marks.filter((k) => k !== key) : [...marks, key];
  const moved = moveCursor(frame, 'down', count, height);
  const base = { ...moved };
  if (next.length === 0) return clearMarks(base);
  return { ...base, marks: next };
}

export function actionReducer(state: AppState, action: UiAction): AppState {
  switch (action.type) {
    case 'actionOpen':
      return { ...state, mode: modeOf(action.ui), action: action.ui, input: '', flash: undefined };
    case 'actionType':
      return withUi(state, (ui) => typeInto(ui, action.text));
    case 'actionDeleteChar':
      return withUi(state, deleteChar);
    case 'actionField':
      return withUi(state, (ui) => moveField(ui, action.delta));
    case 'actionChoice':
      return withUi(state, (ui) => choose(ui, action.delta));
    case 'actionError':
      return withUi(state, (ui) => ({ ...ui, error: action.error }));
    case 'actionClose': {
      const ui = state.action;
      const closed: AppState = { ...state, mode: 'normal', action: undefined };
      return action.applied && ui ? withFrame(closed, ui.pane, clearMarks) : closed;
    }
    case 'mark':
      return withFrame(state, action.pane, (f) => toggleMark(f, action.key, action.count, action.height));
    case 'clearMarks':
      return withFrame(state, action.pane, clearMarks);
  }
}

/** The marked keys of a frame as a set (empty when none). */
export function markSet(frame: Frame): ReadonlySet<string> {
  return new Set(frame.marks ?? []);
}
