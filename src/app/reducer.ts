// The app reducer: every state change the UI makes, as a pure function of (state, event).
import type { SortChange } from '../store/select.js';
import { dialogReducer, isDialogEvent, type DialogEvent } from './dialog-state.js';
import type { CommandResult } from './commands.js';
import { isMetricsAction, metricsReducer, type MetricsAction } from './metrics-state.js';
import { describeReducer, isDescribeAction, type DescribeAction } from './describe-state.js';
import { isLogsAction, logsReducer, type LogsAction } from './logs-state.js';
import { back, drillInto, filterFrame, moveCursor, showKind, sortFrame, updateTop, type Move } from './pane-reducer.js';
import { addFavourite, type AppState, type Drill, type Flash, type Mode, type PaneState } from './state.js';

/** Everything the UI dispatches to the reducer. */
export type AppEvent =
  | { type: 'focus'; delta: number }
  | { type: 'zoom' }
  | { type: 'move'; pane: number; move: Move; count: number; height: number }
  | { type: 'sort'; pane: number; change: SortChange }
  | { type: 'drill'; pane: number; kind: string; drill: Drill }
  | { type: 'back'; pane: number }
  | { type: 'namespace'; namespace: string | undefined }
  | { type: 'favourite'; index: number }
  | { type: 'open'; mode: Exclude<Mode, 'normal'> }
  | { type: 'type'; text: string }
  | { type: 'setInput'; text: string }
  | { type: 'deleteChar' }
  | { type: 'submitFilter' }
  | { type: 'cancel' }
  | { type: 'command'; result: CommandResult }
  | { type: 'pickerMove'; delta: number; count: number }
  | { type: 'helpScroll'; delta: number; max: number }
  | { type: 'flash'; text: string; level: Flash['level'] }
  | { type: 'clearFlash'; id: number }
  | MetricsAction
  | DialogEvent
  | DescribeAction
  | LogsAction;

function withPane(state: AppState, index: number, update: (pane: PaneState) => PaneState | undefined): AppState {
  const pane = state.panes[index];
  if (!pane) return state;
  const next = update(pane);
  if (!next || next === pane) return state;
  return { ...state, panes: state.panes.map((p, i) => (i === index ? next : p)) };
}

function flash(state: AppState, text: string, level: Flash['level']): AppState {
  return { ...state, flash: { id: (state.flash?.id ?? 0) + 1, text, level } };
}

/** A new namespace: root views start over at the top; drill-downs keep watching what they drilled into. */
function switchNamespace(state: AppState, namespace: string | undefined): AppState {
  const favourites = addFavourite(state.favourites, namespace);
  if (namespace === state.namespace && favourites === state.favourites) return state;
  const panes = state.panes.map((pane) =>
    pane.stack.length === 1 && namespace !== state.namespace ? updateTop(pane, (f) => (f.cursor || f.scroll ? { ...f, cursor: 0, scroll: 0 } : f)) : pane,
  );
  return { ...state, namespace, favourites, panes };
}

function runCommand(state: AppState, result: CommandResult): AppState {
  const done: AppState = { ...state, mode: 'normal', input: '' };
  switch (result.type) {
    case 'none':
    case 'mutate': // the App plans it (a dry run) and opens the preview
    case 'quit': // the App quits; nothing to keep
      return done;
    case 'help':
      return { ...done, mode: 'help', helpScroll: 0 };
    case 'pickNamespace':
      return { ...done, mode: 'namespaces', pickerCursor: 0 };
    case 'prom':
      return metricsReducer(done, { type: 'openProm' });
    case 'journal':
      return { ...done, mode: 'journal', helpScroll: 0 };
    case 'apiResources':
      return { ...done, mode: 'apiResources', pickerCursor: 0 };
    case 'forwards':
      return { ...done, mode: 'forwards', pickerCursor: 0 };
    case 'pickContext':
      return { ...done, mode: 'contexts', pickerCursor: 0 };
    case 'rollout':
      if (!done.namespace) return flash(done, `:rollout history ${result.name}: choose a namespace first (:ns NAME); the Deployment is looked up there`, 'error');
      return { ...done, mode: 'rollout', pickerCursor: 0, rollout: { namespace: done.namespace, name: result.name } };
    case 'context': // the App switches the connection; a refusal comes back as a flash
      return done;
    case 'namespace':
      return switchNamespace(done, result.namespace);
    case 'error':
      return flash(done, result.text, 'error');
    case 'show': {
      const shown = withPane(done, done.focus, (pane) => showKind(pane, result.kind));
      return result.namespace === undefined ? shown : switchNamespace(shown, result.namespace ?? undefined);
    }
  }
}

function typeText(state: AppState, text: string): AppState {
  if (state.mode === 'filter') {
    return withPane(state, state.focus, (pane) => updateTop(pane, (f) => filterFrame(f, f.filter + text)));
  }
  if (state.mode === 'command' || state.mode === 'namespaces') {
    return { ...state, input: state.input + text, pickerCursor: 0 };
  }
  return state;
}

function deleteChar(state: AppState): AppState {
  if (state.mode === 'filter') {
    return withPane(state, state.focus, (pane) => updateTop(pane, (f) => filterFrame(f, f.filter.slice(0, -1))));
  }
  if (state.mode === 'command' && !state.input) return { ...state, mode: 'normal' };
  return { ...state, input: state.input.slice(0, -1), pickerCursor: 0 };
}

export function reducer(state: AppState, event: AppEvent): AppState {
  if (isMetricsAction(event)) return metricsReducer(state, event);
  if (isDialogEvent(event)) return dialogReducer(state, event);
  if (isDescribeAction(event)) return describeReducer(state, event);
  if (isLogsAction(event)) return logsReducer(state, event);
  switch (event.type) {
    case 'focus': {
      const n = state.panes.length;
      return n < 2 ? state : { ...state, focus: (((state.focus + event.delta) % n) + n) % n };
    }
    case 'zoom':
      return { ...state, zoom: !state.zoom };
    case 'move':
      return withPane(state, event.pane, (pane) => updateTop(pane, (f) => moveCursor(f, event.move, event.count, event.height)));
    case 'sort':
      return withPane(state, event.pane, (pane) => updateTop(pane, (f) => sortFrame(f, event.change)));
    case 'drill':
      return withPane(state, event.pane, (pane) => drillInto(pane, event.kind, event.drill));
    case 'back':
      return withPane(state, event.pane, back);
    case 'namespace':
      return switchNamespace({ ...state, mode: 'normal', input: '' }, event.namespace);
    case 'favourite': {
      if (event.index === 0) return switchNamespace(state, undefined);
      const namespace = state.favourites[event.index - 1];
      return namespace ? switchNamespace(state, namespace) : flash(state, `no favourite namespace ${event.index}`, 'info');
    }
    case 'open':
      return { ...state, mode: event.mode, input: '', pickerCursor: 0, helpScroll: 0, flash: undefined };
    case 'type':
      return typeText(state, event.text);
    case 'setInput':
      return state.mode === 'command' ? { ...state, input: event.text } : state;
    case 'deleteChar':
      return deleteChar(state);
    case 'submitFilter':
      return { ...state, mode: 'normal' };
    case 'cancel': {
      const normal: AppState = { ...state, mode: 'normal', input: '' };
      if (state.mode !== 'filter') return normal;
      return withPane(normal, state.focus, (pane) => updateTop(pane, (f) => filterFrame(f, '')));
    }
    case 'command':
      return runCommand(state, event.result);
    case 'pickerMove': {
      const cursor = Math.min(Math.max(0, state.pickerCursor + event.delta), Math.max(0, event.count - 1));
      return cursor === state.pickerCursor ? state : { ...state, pickerCursor: cursor };
    }
    case 'helpScroll': {
      const scroll = Math.min(Math.max(0, state.helpScroll + event.delta), Math.max(0, event.max));
      return scroll === state.helpScroll ? state : { ...state, helpScroll: scroll };
    }
    case 'flash':
      return flash(state, event.text, event.level);
    case 'clearFlash':
      return state.flash?.id === event.id ? { ...state, flash: undefined } : state;
  }
}

/** The kind id of the focused pane's root view (what prefs remember as `view`). */
export function focusedView(state: AppState): string | undefined {
  const pane = state.panes[state.focus];
  return pane?.stack[0]?.kind;
}
