// The log view's own state: following or paused at a line, the display options (timestamps,
// wrap), the range asked for (tail N, since 1m…, all, previous), the search and the filter, what
// is being typed, and the container picker. Pure; the view dispatches, LiveLogs applies.
import type { LogRequest } from './log-source.js';

export type LogRange = 'tail' | '1m' | '5m' | '15m' | '1h' | 'all';

/** Keys 1–5 as k9s: since 1m, 5m, 15m, 1h, and all. */
export const RANGE_KEYS: readonly LogRange[] = ['1m', '5m', '15m', '1h', 'all'];
const SECONDS: Partial<Record<LogRange, number>> = { '1m': 60, '5m': 300, '15m': 900, '1h': 3600 };

export type Typing = { kind: 'search' | 'filter' | 'command'; text: string };

export interface LogUi {
  follow: boolean;
  /** The seq of the first line shown while paused. */
  topSeq: number;
  /** Lines received (the ring's pushed count) when the view paused: the rest are "new". */
  pausedAt: number;
  timestamps: boolean;
  wrap: boolean;
  range: LogRange;
  previous: boolean;
  search: string;
  /** The seq of the current search match. */
  match?: number;
  filter: string;
  typing?: Typing;
  /** The container streamed: a name, "*" for all, undefined while the picker is open. */
  container?: string;
  pickerCursor: number;
  /** A one-line note (saved to…, bad command…). */
  note?: { text: string; error: boolean };
  /** The user said yes to streaming more pods than the view streams unasked. */
  manyPodsConfirmed?: boolean;
}

export function initialLogUi(previous: boolean, container?: string): LogUi {
  return { follow: true, topSeq: 0, pausedAt: 0, timestamps: false, wrap: false, range: 'tail', previous, search: '', filter: '', pickerCursor: 0, container };
}

/** What to ask the API server for. */
export function logRequest(ui: Pick<LogUi, 'range' | 'previous'>, tail: number): LogRequest {
  if (ui.range === 'tail') return { tail, previous: ui.previous };
  if (ui.range === 'all') return { previous: ui.previous };
  return { sinceSeconds: SECONDS[ui.range], previous: ui.previous };
}

/** "tail 200", "since 5m", "all", with "previous" when it is the previous container. */
export function rangeLabel(ui: Pick<LogUi, 'range' | 'previous'>, tail: number): string {
  const range = ui.range === 'tail' ? `tail ${tail}` : ui.range === 'all' ? 'all' : `since ${ui.range}`;
  return ui.previous ? `previous, ${range}` : range;
}

export type LogUiAction =
  | { type: 'pause'; topSeq: number; pushed: number }
  | { type: 'scrollTo'; topSeq: number }
  | { type: 'resume' }
  | { type: 'toggle'; option: 'timestamps' | 'wrap' | 'previous' }
  | { type: 'range'; range: LogRange }
  | { type: 'type'; kind?: Typing['kind']; text: string }
  | { type: 'typeDelete' }
  | { type: 'typeCancel' }
  | { type: 'search'; term: string; match?: number; topSeq?: number; pushed?: number }
  | { type: 'filter'; text: string }
  | { type: 'pick'; container: string | undefined }
  /** The picker's choice under its cursor: 0 is all containers, then `containers`. */
  | { type: 'pickAtCursor'; containers: readonly string[] }
  | { type: 'pickerMove'; delta: number; count: number }
  | { type: 'note'; text: string; error: boolean }
  | { type: 'confirmManyPods' };

export function logUiReducer(ui: LogUi, action: LogUiAction): LogUi {
  switch (action.type) {
    case 'pause':
      return ui.follow ? { ...ui, follow: false, topSeq: action.topSeq, pausedAt: action.pushed } : { ...ui, topSeq: action.topSeq };
    case 'scrollTo':
      return { ...ui, topSeq: action.topSeq };
    case 'resume':
      return { ...ui, follow: true, note: undefined };
    case 'toggle':
      return { ...ui, [action.option]: !ui[action.option], note: undefined };
    case 'range':
      return { ...ui, range: action.range, follow: true, note: undefined };
    case 'type':
      if (action.kind) return { ...ui, typing: { kind: action.kind, text: action.text }, note: undefined };
      return ui.typing ? { ...ui, typing: { ...ui.typing, text: ui.typing.text + action.text } } : ui;
    case 'typeDelete':
      return ui.typing ? { ...ui, typing: { ...ui.typing, text: ui.typing.text.slice(0, -1) } } : ui;
    case 'typeCancel':
      return { ...ui, typing: undefined };
    case 'search': {
      const next = { ...ui, typing: undefined, search: action.term, match: action.match };
      return action.topSeq === undefined ? next : { ...next, follow: false, topSeq: action.topSeq, pausedAt: ui.follow ? (action.pushed ?? 0) : ui.pausedAt };
    }
    case 'filter':
      return { ...ui, typing: undefined, filter: action.text, follow: true };
    case 'pick':
      return { ...ui, container: action.container, follow: true };
    case 'pickAtCursor':
      return { ...ui, container: ui.pickerCursor === 0 ? '*' : action.containers[ui.pickerCursor - 1], follow: true };
    case 'pickerMove':
      return { ...ui, pickerCursor: Math.max(0, Math.min(action.count - 1, ui.pickerCursor + action.delta)) };
    case 'confirmManyPods':
      return { ...ui, manyPodsConfirmed: true };
    case 'note':
      return { ...ui, typing: undefined, note: { text: action.text, error: action.error } };
  }
}
