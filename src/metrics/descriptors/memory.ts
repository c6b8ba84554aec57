// Memory in bytes: cAdvisor's working set for pods; for nodes node-exporter's MemTotal -
// MemAvailable, else the kubelet's node working set. Printed as `kubectl top` does ("512Mi").
import { formatMem } from '../format.js';
import type { MetricDescriptor } from '../metric.js';
import { oneNode, podMatchers, promString, UNAME_NODE } from '../promql.js';
import { CONTAINERS_ONLY } from './cpu.js';

const MI = 1024 * 1024;

export const memory: MetricDescriptor = {
  id: 'mem',
  label: 'MEM',
  queries: {
    pods: (sel) =>
      'sum by (namespace, pod) (max by (namespace, pod, container) ' +
      `(container_memory_working_set_bytes{${podMatchers(sel, CONTAINERS_ONLY)}}))`,
    nodes: {
      'node-exporter': (_, node) => {
        const only = node === undefined ? '' : `{node=${promString(node)}}`;
        return `sum by (node) (node_memory_MemTotal_bytes${only} - node_memory_MemAvailable_bytes${only})`;
      },
      'node-exporter-uname': () =>
        `sum by (node) ((node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes) * on (instance) group_left(node) ${UNAME_NODE})`,
      kubelet: (_, node) => `max by (node) (node_memory_working_set_bytes{node!=""${oneNode(node)}})`,
    },
  },
  format: formatMem,
  axis: (bytes) => `${Math.round(bytes / MI)}Mi`,
  capacity: 'memory',
  columns: {
    nodes: [
      { name: 'MEM', shows: 'value', priority: 58, order: 20 },
      { name: '%MEM', shows: 'percent', priority: 44, order: 21 },
    ],
    pods: [
      { name: 'MEM', shows: 'value', priority: 58, order: 20 },
      { name: '%MEM/L', shows: 'percent', priority: 25, order: 21 },
    ],
  },
  chart: { colour: 'magenta' },
  header: true,
};
