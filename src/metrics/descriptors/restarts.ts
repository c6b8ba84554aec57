// Container restarts of a pod over the last hour, from kube-state-metrics's
// kube_pod_container_status_restarts_total: a column on pods (kubectl's RESTARTS counts since the
// pod started; this says whether it is restarting now).
import type { MetricDescriptor } from '../metric.js';
import { podMatchers } from '../promql.js';

/** increase() extrapolates to the window's ends, so 3 restarts can read 3.2: print whole restarts. */
export function formatRestarts(count: number): string {
  return String(Math.max(0, Math.round(count)));
}

export const restarts: MetricDescriptor = {
  id: 'restarts',
  label: 'RESTARTS/1H',
  queries: {
    // The inner max dedups a container that two kube-state-metrics replicas (or jobs) report.
    pods: (sel) =>
      'sum by (namespace, pod) (max by (namespace, pod, container) ' +
      `(increase(kube_pod_container_status_restarts_total{${podMatchers(sel)}}[1h])))`,
  },
  format: formatRestarts,
  axis: formatRestarts,
  columns: { pods: [{ name: 'RESTARTS/1H', shows: 'value', priority: 42, order: 40 }] },
};
