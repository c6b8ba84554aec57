// Which logs the log view (mode logs) shows: `l` on a pod, or on a workload whose pods are merged.
// The view's own state (scroll, search, options) lives with it (views/LiveLogs.tsx). Pure.
import type { AppState } from './state.js';

export interface LogsTarget {
  /** Registry id of the row `l` was pressed on ("pods", "deployments"…) and its name, for the title. */
  kind: string;
  name: string;
  namespace: string;
  /** The pods streamed: one pod by name, or a workload's pods by label selector. */
  pod?: string;
  labelSelector?: string;
  /** `p`: the previous container's logs. */
  previous?: boolean;
}

export type LogsAction = { type: 'logsOpen'; target: LogsTarget } | { type: 'logsClose' };

export function isLogsAction(action: { type: string }): action is LogsAction {
  return action.type === 'logsOpen' || action.type === 'logsClose';
}

export function logsReducer(state: AppState, action: LogsAction): AppState {
  if (action.type === 'logsOpen') return { ...state, mode: 'logs', flash: undefined, logs: action.target };
  return { ...state, mode: 'normal', logs: undefined };
}
