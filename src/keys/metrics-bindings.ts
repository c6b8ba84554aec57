// The keys of the `m` metrics view and the `:prom` picker, as data.
import type { Binding } from './bindings.js';

export const METRICS_BINDINGS: readonly Binding[] = [
  { id: 'view.metrics', keys: ['m'], description: 'Metrics: CPU and memory charts of the node or pod', scope: 'pane', hint: 'metrics' },

  { id: 'metrics.close', keys: ['esc', 'q'], description: 'Close the metrics view', scope: 'metrics', hint: 'close' },
  { id: 'metrics.range15m', keys: ['1'], description: 'Last 15 minutes', scope: 'metrics', hint: '15m' },
  { id: 'metrics.range1h', keys: ['2'], description: 'Last hour', scope: 'metrics', hint: '1h' },
  { id: 'metrics.range6h', keys: ['3'], description: 'Last 6 hours', scope: 'metrics', hint: '6h' },
  { id: 'metrics.nextRange', keys: ['tab'], description: 'Next range (15m, 1h, 6h)', scope: 'metrics', hint: 'range' },

  { id: 'prom.up', keys: ['up', 'k'], description: 'Move up', scope: 'prom' },
  { id: 'prom.down', keys: ['down', 'j'], description: 'Move down', scope: 'prom' },
  { id: 'prom.select', keys: ['enter'], description: 'Take metrics from this Prometheus', scope: 'prom', hint: 'use' },
  { id: 'prom.cancel', keys: ['esc', 'q'], description: 'Close the list', scope: 'prom', hint: 'cancel' },
];
