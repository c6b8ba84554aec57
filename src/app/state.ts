// The UI's whole state, kept by one pure reducer: panes and their drill stacks, focus, zoom,
// namespace and favourites, what is being typed, and the flash line.
import type { ContextPrefs } from '../config/types.js';
import type { MetricsViewState } from './metrics-state.js';
import type { SortSpec } from '../store/select.js';
import type { DialogState } from '../actions/dialog.js';
import type { DescribeUi } from './describe-state.js';
import type { LogsState } from './logs-state.js';

/** prompt: an action's prompt or form; confirm: a confirmation dialog; journal: `:journal`; apply: the preview of `:apply`, `:create`, `:run`; apiResources: `:api-resources`; contexts: `:ctx`; forwards: `:pf`; rollout: `:rollout history`. */
export type Mode = 'normal' | 'command' | 'filter' | 'help' | 'namespaces' | 'metrics' | 'prom' | 'prompt' | 'confirm' | 'journal' | 'describe' | 'logs' | 'apply' | 'apiResources' | 'contexts' | 'forwards' | 'rollout';

/** Where a drill-down came from and what it watches, fixed (it ignores the namespace switch). */
export interface Drill {
  /** Name of the row drilled into ("k8snode01"), for the breadcrumbs. */
  from: string;
  title: string;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Only the objects this uid owns (ownerReferences). */
  ownerUid?: string;
}

/** One view in a pane: a kind, how it is filtered and sorted, and where the cursor is. */
export interface Frame {
  kind: string; // registry id
  filter: string;
  sort: SortSpec;
  cursor: number;
  scroll: number;
  drill?: Drill;
  /** Row keys marked with Space (for delete, label, taint); per frame. */
  marks?: readonly string[];
}

export interface PaneState {
  /** Stable id (React key); the pane keeps it when its kind changes. */
  id: number;
  /** Drill stack, never empty; the last frame is shown. */
  stack: readonly Frame[];
}

export interface Flash {
  id: number;
  text: string;
  level: 'info' | 'error';
}

export interface AppState {
  panes: readonly PaneState[];
  focus: number;
  zoom: boolean;
  /** undefined = all namespaces. */
  namespace: string | undefined;
  /** Favourite namespaces for keys 1-9, as k9s: new ones go first, known ones keep their number. */
  favourites: readonly string[];
  mode: Mode;
  /** Text on the command line, or the namespace picker's filter. The `/` line edits the frame's filter. */
  input: string;
  pickerCursor: number;
  /** Scroll of the help overlay, or of the journal. */
  helpScroll: number;
  flash?: Flash;
  /** The `m` metrics view (mode metrics); kept after closing so the range is remembered. */
  metricsView?: MetricsViewState;
  /** The action prompt or dialog open in modes prompt and confirm. */
  dialog?: DialogState;
  /** The object shown in mode describe (`d`), its scroll and search. */
  describe?: DescribeUi;
  /** What the log view (mode logs, `l`) streams, and how it shows it. */
  logs?: LogsState;
  /** The Deployment whose revisions `:rollout history` lists (mode rollout). */
  rollout?: { namespace: string; name: string };
}

export const DEFAULT_PANES = ['nodes', 'pods', 'daemonsets'] as const;
export const DEFAULT_FOCUS = 1; // Pods
export const MAX_FAVOURITES = 9;

export function newFrame(kind: string, drill?: Drill): Frame {
  const frame: Frame = { kind, filter: '', sort: { by: 'name', desc: false }, cursor: 0, scroll: 0 };
  return drill ? { ...frame, drill } : frame;
}

export function currentFrame(pane: PaneState): Frame {
  const frame = pane.stack[pane.stack.length - 1];
  if (!frame) throw new Error('pane with an empty stack');
  return frame;
}

export function focusedPane(state: AppState): PaneState {
  const pane = state.panes[state.focus];
  if (!pane) throw new Error(`no pane ${state.focus}`);
  return pane;
}

export interface InitOptions {
  prefs: ContextPrefs;
  initialNamespace?: string;
  allNamespaces: boolean;
  /** prefs.view, already checked against the registry (undefined if unknown). */
  view?: string;
  kinds?: readonly string[];
}

/** -A and -n win over the remembered namespace; "" or undefined in prefs means all namespaces. */
export function initialState(options: InitOptions): AppState {
  const kinds = options.kinds ?? DEFAULT_PANES;
  let focus = Math.min(DEFAULT_FOCUS, kinds.length - 1);
  const panes: PaneState[] = kinds.map((kind, id) => ({ id, stack: [newFrame(kind)] }));
  if (options.view) {
    const at = kinds.indexOf(options.view);
    if (at >= 0) focus = at;
    else panes[focus] = { id: focus, stack: [newFrame(options.view)] };
  }
  const namespace = options.allNamespaces ? undefined : options.initialNamespace || options.prefs.namespace || undefined;
  return {
    panes,
    focus,
    zoom: false,
    namespace,
    favourites: options.prefs.favourites.slice(0, MAX_FAVOURITES),
    mode: 'normal',
    input: '',
    pickerCursor: 0,
    helpScroll: 0,
  };
}

/** k9s keeps a favourite's number once it has one; a new namespace goes first. */
export function addFavourite(list: readonly string[], namespace: string | undefined): readonly string[] {
  if (!namespace || list.includes(namespace)) return list;
  return [namespace, ...list].slice(0, MAX_FAVOURITES);
}
