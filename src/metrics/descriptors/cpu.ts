// CPU in cores: cAdvisor's container_cpu_usage_seconds_total for pods; for nodes node-exporter's busy
// CPU time, else the kubelet's node_cpu_usage_seconds_total. Printed as `kubectl top` does ("250m").
import { formatCpu } from '../format.js';
import type { MetricDescriptor } from '../metric.js';
import { oneNode, podMatchers, UNAME_NODE } from '../promql.js';

/** Not cAdvisor's pod-level cgroup series (container="") nor old cAdvisor's pause containers. */
export const CONTAINERS_ONLY = ['container!=""', 'container!="POD"'] as const;
const BUSY = 'mode!="idle",mode!="iowait",mode!="steal"';

export const cpu: MetricDescriptor = {
  id: 'cpu',
  label: 'CPU',
  queries: {
    // The inner max dedups a container that two jobs scrape (cAdvisor and the resource endpoint)
    // before the containers of a pod are summed.
    pods: (sel, opts) =>
      'sum by (namespace, pod) (max by (namespace, pod, container) ' +
      `(rate(container_cpu_usage_seconds_total{${podMatchers(sel, CONTAINERS_ONLY)}}[${opts.rateWindow}])))`,
    nodes: {
      'node-exporter': (opts, node) => `sum by (node) (rate(node_cpu_seconds_total{${BUSY}${oneNode(node)}}[${opts.rateWindow}]))`,
      // After the instance -> node join it cannot narrow to one node.
      'node-exporter-uname': (opts) =>
        `sum by (node) (sum by (instance) (rate(node_cpu_seconds_total{${BUSY}}[${opts.rateWindow}])) * on (instance) group_left(node) ${UNAME_NODE})`,
      kubelet: (opts, node) => `max by (node) (rate(node_cpu_usage_seconds_total{node!=""${oneNode(node)}}[${opts.rateWindow}]))`,
    },
  },
  format: formatCpu,
  axis: (cores) => `${Math.round(cores * 1000)}m`,
  capacity: 'cpu',
  columns: {
    nodes: [
      { name: 'CPU', shows: 'value', priority: 60, order: 10 },
      { name: '%CPU', shows: 'percent', priority: 45, order: 11 },
      { name: 'CPU TREND', shows: 'trend', priority: 40, order: 30 },
    ],
    pods: [
      { name: 'CPU', shows: 'value', priority: 60, order: 10 },
      // k9s's "/L": of the pod's limit.
      { name: '%CPU/L', shows: 'percent', priority: 26, order: 11 },
      { name: 'CPU TREND', shows: 'trend', priority: 40, order: 30 },
    ],
  },
  chart: { colour: 'cyan' },
  header: true,
};
