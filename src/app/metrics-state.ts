// UI state of the `m` metrics view and the `:prom` picker: which pod or node is charted, over
// which range, against which capacity. Its actions are reduced here; reducer.ts delegates.
import type { Capacity } from '../metrics/capacity.js';
import type { MetricsSubject, RangeName } from '../metrics/types.js';
import type { AppState } from './state.js';

export const RANGES: readonly RangeName[] = ['15m', '1h', '6h'];

export interface MetricsViewState {
  target: MetricsSubject['target'];
  /** "namespace/name" for a pod, the node's name. */
  key: string;
  /** The node's allocatable or the pod's limits, from the object when the view opened. */
  capacity: Capacity;
  range: RangeName;
}

export type MetricsAction =
  | { type: 'openMetrics'; view: Omit<MetricsViewState, 'range'> }
  | { type: 'metricsRange'; range: RangeName | 'next' }
  | { type: 'openProm' };

const TYPES = new Set<string>(['openMetrics', 'metricsRange', 'openProm']);

export function isMetricsAction(action: { type: string }): action is MetricsAction {
  return TYPES.has(action.type);
}

export function nextRange(range: RangeName): RangeName {
  return RANGES[(RANGES.indexOf(range) + 1) % RANGES.length] ?? '15m';
}

export function metricsReducer(state: AppState, action: MetricsAction): AppState {
  switch (action.type) {
    case 'openMetrics': {
      // The range chosen last time stays, as a person comparing pods expects.
      const range = state.metricsView?.range ?? '15m';
      return { ...state, mode: 'metrics', input: '', flash: undefined, metricsView: { ...action.view, range } };
    }
    case 'metricsRange': {
      const view = state.metricsView;
      if (!view) return state;
      const range = action.range === 'next' ? nextRange(view.range) : action.range;
      return range === view.range ? state : { ...state, metricsView: { ...view, range } };
    }
    case 'openProm':
      return { ...state, mode: 'prom', input: '', pickerCursor: 0, flash: undefined };
  }
}
