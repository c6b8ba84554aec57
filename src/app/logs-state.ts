// Which logs the log view (mode logs) shows (`l` on a pod, or on a workload whose pods are
// merged) and the view's state (logs/log-ui.ts): in the App's state, so the key router plays a
// chunk of keys ("/error") one key at a time against the state each key left. Pure.
import { initialLogUi, logUiReducer, type LogUi, type LogUiAction } from '../logs/log-ui.js';
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

export interface LogsState {
  target: LogsTarget;
  ui: LogUi;
}

export type LogsAction = { type: 'logsOpen'; target: LogsTarget } | { type: 'logsClose' } | { type: 'logsUi'; action: LogUiAction };

export function isLogsAction(action: { type: string }): action is LogsAction {
  return action.type === 'logsOpen' || action.type === 'logsClose' || action.type === 'logsUi';
}

export function logsReducer(state: AppState, action: LogsAction): AppState {
  switch (action.type) {
    case 'logsOpen': {
      const { target } = action;
      return { ...state, mode: 'logs', flash: undefined, logs: { target, ui: initialLogUi(Boolean(target.previous), target.pod ? undefined : '*') } };
    }
    case 'logsClose':
      return { ...state, mode: 'normal', logs: undefined };
    case 'logsUi': {
      if (!state.logs) return state;
      const ui = logUiReducer(state.logs.ui, action.action);
      return ui === state.logs.ui ? state : { ...state, logs: { ...state.logs, ui } };
    }
  }
}
