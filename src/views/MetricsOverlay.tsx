// The metrics overlays in the App's body: the `m` view and the `:prom` list, by mode.
import type { Dispatch } from 'react';
import type { AppEvent } from '../app/reducer.js';
import type { AppState, Mode } from '../app/state.js';
import type { MetricsSource } from '../metrics/types.js';
import { MetricsView } from './MetricsView.js';
import { PromPicker } from './PromPicker.js';

export function isMetricsMode(mode: Mode): boolean {
  return mode === 'metrics' || mode === 'prom';
}

export interface MetricsOverlayProps {
  state: AppState;
  metrics: MetricsSource | undefined;
  width: number;
  height: number;
  plain: boolean;
  dispatch: Dispatch<AppEvent>;
}

export function MetricsOverlay({ state, metrics, width, height, plain, dispatch }: MetricsOverlayProps) {
  if (height <= 2) return null;
  if (state.mode === 'prom') {
    return <PromPicker metrics={metrics} cursor={state.pickerCursor} width={width} height={height} active plain={plain} dispatch={dispatch} />;
  }
  if (state.mode === 'metrics' && metrics && state.metricsView) {
    return <MetricsView metrics={metrics} view={state.metricsView} width={width} height={height} plain={plain} active dispatch={dispatch} />;
  }
  return null;
}
