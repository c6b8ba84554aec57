// The open action dialog (actions/dialog.ts) as the user types, moves between fields or
// cancels; and the rows marked with Space. Pure: planning and running happen in
// hooks/useActions.ts, never here.
import type { DialogState, DrainUi, ImageUi, StreamUi } from '../actions/dialog.js';
import type { DrainOptions } from '../actions/drain.js';
import type { ActionId, ExposeForm } from '../actions/types.js';
import { withPort } from '../actions/port-forward.js';
import { moveCursor, updateTop } from './pane-reducer.js';
import type { AppState, Frame, PaneState } from './state.js';

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

/** kubectl drain's options in the dialog: toggles (Space), then the two typed fields. */
export const DRAIN_FIELDS: readonly { key: keyof DrainOptions; label: string; help: string }[] = [
  { key: 'ignoreDaemonSets', label: '--ignore-daemonsets', help: 'leave DaemonSet-managed pods (their DaemonSet ignores the cordon)' },
  { key: 'deleteEmptyDirData', label: '--delete-emptydir-data', help: 'evict pods with emptyDir volumes (their data is lost)' },
  { key: 'force', label: '--force', help: 'evict pods that declare no controller (nothing recreates them)' },
  { key: 'gracePeriod', label: 'grace period', help: "seconds; empty = each pod's own" },
  { key: 'timeout', label: 'timeout', help: 'e.g. 90s, 5m; 0 = no limit' },
];

/** What each drain field accepts as typed text (other keys cancel the dialog, as in delete's). */
const DRAIN_TEXT: Partial<Record<keyof DrainOptions, RegExp>> = { gracePeriod: /^[0-9]+$/, timeout: /^[0-9.hmsuµ]+$/ };

export function drainAccepts(ui: DrainUi, text: string): boolean {
  const key = DRAIN_FIELDS[ui.field]?.key;
  return key !== undefined && (DRAIN_TEXT[key]?.test(text) ?? false);
}

function editDrain(ui: DrainUi, edit: (value: string) => string): DialogState {
  const key = DRAIN_FIELDS[ui.field]?.key;
  const value = key ? ui.options[key] : undefined;
  if (!key || typeof value !== 'string') return ui;
  return { ...ui, options: { ...ui.options, [key]: edit(value) }, error: undefined };
}

/** Another container: the image field starts again from its current image. */
function pickContainer(ui: ImageUi, at: number): DialogState {
  return { ...ui, container: at, image: ui.containers[at]?.image ?? '', error: undefined };
}

function toggleDrain(ui: DrainUi): DialogState {
  const key = DRAIN_FIELDS[ui.field]?.key;
  const value = key ? ui.options[key] : undefined;
  if (!key || typeof value !== 'boolean') return ui;
  return { ...ui, options: { ...ui.options, [key]: !value }, error: undefined };
}

export type DialogEvent =
  | { type: 'dialogOpen'; dialog: DialogState }
  | { type: 'dialogType'; text: string }
  | { type: 'dialogDeleteChar' }
  | { type: 'dialogField'; delta: number }
  | { type: 'dialogChoice'; delta: number }
  | { type: 'dialogError'; error: string }
  /** A prompt's initial text, read from the server after it opened: kept only while nothing is typed. */
  | { type: 'dialogPrefill'; action: ActionId; text: string }
  /** Closes the prompt/dialog; `applied` clears the marks of the pane it came from. */
  | { type: 'dialogClose'; applied: boolean }
  /** A reporting plan (drain) starts from the dialog: it stays open with the run's lines; the marks go. */
  | { type: 'dialogRun'; run: number }
  /** A line of that run; `done` with its last. Dropped when the dialog shows another run, or none. */
  | { type: 'dialogProgress'; run: number; line: string; done?: boolean }
  | { type: 'mark'; pane: number; key: string; count: number; height: number }
  | { type: 'clearMarks'; pane: number };

const DIALOG_EVENTS = new Set<DialogEvent['type']>(['dialogOpen', 'dialogType', 'dialogDeleteChar', 'dialogField', 'dialogChoice', 'dialogError', 'dialogPrefill', 'dialogClose', 'dialogRun', 'dialogProgress', 'mark', 'clearMarks']);

export function isDialogEvent(event: { type: string }): event is DialogEvent {
  return DIALOG_EVENTS.has(event.type as DialogEvent['type']);
}

export function modeOf(ui: DialogState): 'prompt' | 'confirm' {
  return ui.type === 'prompt' || ui.type === 'expose' || ui.type === 'stream' || ui.type === 'image' ? 'prompt' : 'confirm';
}

function wrap(index: number, count: number): number {
  return ((index % count) + count) % count;
}

function cycle(choices: readonly string[], current: string, delta: number): string {
  const at = choices.indexOf(current);
  return choices[wrap((at < 0 ? 0 : at) + delta, choices.length)] ?? current;
}

function typeInto(ui: DialogState, text: string): DialogState {
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
      if (!field.choices) return { ...ui, values: { ...ui.values, [field.key]: current + text }, ...(field.key === 'localPort' ? { autoLocal: false } : {}), error: undefined };
      const wanted = text.trim().toLowerCase();
      return withChoice(ui, field.key, wanted ? (field.choices.find((c) => c.toLowerCase().startsWith(wanted)) ?? current) : cycle(field.choices, current, 1));
    }
    case 'drain':
      return editDrain(ui, (v) => v + text);
    case 'image': {
      if (ui.field === 1) return { ...ui, image: ui.image + text, error: undefined };
      const wanted = text.trim().toLowerCase();
      const at = wanted ? ui.containers.findIndex((c) => c.name.toLowerCase().startsWith(wanted)) : wrap(ui.container + 1, ui.containers.length);
      return at < 0 ? ui : pickContainer(ui, at);
    }
    case 'confirm':
      return ui;
  }
}

/** A stream form's choice; port-forward's local port follows its port. */
function withChoice(ui: StreamUi, key: string, value: string): StreamUi {
  if (ui.action === 'portForward' && key === 'port') return { ...withPort(ui, value), error: undefined };
  return { ...ui, values: { ...ui.values, [key]: value }, error: undefined };
}

function deleteChar(ui: DialogState): DialogState {
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
      const values = { ...ui.values, [field.key]: (ui.values[field.key] ?? '').slice(0, -1) };
      return { ...ui, values, ...(field.key === 'localPort' ? { autoLocal: false } : {}), error: undefined };
    }
    case 'drain':
      return editDrain(ui, (v) => v.slice(0, -1));
    case 'image':
      return ui.field === 1 ? { ...ui, image: ui.image.slice(0, -1), error: undefined } : ui;
    case 'confirm':
      return ui;
  }
}

function choose(ui: DialogState, delta: number): DialogState {
  if (ui.type === 'delete') return ui.field === 1 ? { ...ui, options: { ...ui.options, force: !ui.options.force }, error: undefined } : ui;
  if (ui.type === 'stream') {
    const field = ui.fields[ui.field];
    return field?.choices ? withChoice(ui, field.key, cycle(field.choices, ui.values[field.key] ?? '', delta)) : ui;
  }
  if (ui.type === 'drain') return toggleDrain(ui);
  if (ui.type === 'image') return ui.field === 0 ? pickContainer(ui, wrap(ui.container + delta, ui.containers.length)) : ui;
  if (ui.type !== 'expose') return ui;
  const field = EXPOSE_FIELDS[ui.field];
  if (!field?.choices) return ui;
  return { ...ui, form: { ...ui.form, [field.key]: cycle(field.choices, ui.form[field.key], delta) }, error: undefined };
}

function moveField(ui: DialogState, delta: number): DialogState {
  if (ui.type === 'expose') return { ...ui, field: wrap(ui.field + delta, EXPOSE_FIELDS.length) };
  if (ui.type === 'delete') return { ...ui, field: wrap(ui.field + delta, DELETE_FIELDS) };
  if (ui.type === 'stream') return { ...ui, field: wrap(ui.field + delta, ui.fields.length) };
  if (ui.type === 'drain') return { ...ui, field: wrap(ui.field + delta, DRAIN_FIELDS.length) };
  if (ui.type === 'image') return { ...ui, field: wrap(ui.field + delta, 2) };
  return ui;
}

function withUi(state: AppState, update: (ui: DialogState) => DialogState): AppState {
  if (!state.dialog) return state;
  const next = update(state.dialog);
  return next === state.dialog ? state : { ...state, dialog: next };
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

export function dialogReducer(state: AppState, event: DialogEvent): AppState {
  switch (event.type) {
    case 'dialogOpen':
      return { ...state, mode: modeOf(event.dialog), dialog: event.dialog, input: '', flash: undefined };
    case 'dialogType':
      return withUi(state, (ui) => typeInto(ui, event.text));
    case 'dialogDeleteChar':
      return withUi(state, deleteChar);
    case 'dialogField':
      return withUi(state, (ui) => moveField(ui, event.delta));
    case 'dialogChoice':
      return withUi(state, (ui) => choose(ui, event.delta));
    case 'dialogError':
      return withUi(state, (ui) => ({ ...ui, error: event.error }));
    case 'dialogPrefill': {
      const ui = state.dialog;
      if (ui?.type !== 'prompt' || ui.action !== event.action || ui.text !== '') return state;
      return { ...state, dialog: { ...ui, text: event.text } };
    }
    case 'dialogClose': {
      const ui = state.dialog;
      const closed: AppState = { ...state, mode: 'normal', dialog: undefined };
      return event.applied && ui ? withFrame(closed, ui.pane, clearMarks) : closed;
    }
    case 'dialogRun': {
      const ui = state.dialog;
      if (!ui) return state;
      return withFrame({ ...state, dialog: { ...ui, progress: { run: event.run, lines: [], done: false } } }, ui.pane, clearMarks);
    }
    case 'dialogProgress': {
      const progress = state.dialog?.progress;
      if (!state.dialog || progress?.run !== event.run) return state;
      const next = { ...progress, lines: [...progress.lines, event.line], done: Boolean(event.done) };
      return { ...state, dialog: { ...state.dialog, progress: next } };
    }
    case 'mark':
      return withFrame(state, event.pane, (f) => toggleMark(f, event.key, event.count, event.height));
    case 'clearMarks':
      return withFrame(state, event.pane, clearMarks);
  }
}

/** The marked keys of a frame as a set (empty when none). */
export function markSet(frame: Frame): ReadonlySet<string> {
  return new Set(frame.marks ?? []);
}
