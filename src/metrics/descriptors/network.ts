// Network receive and transmit in bytes per second, in the `m` charts. Pods: cAdvisor's
// container_network_{receive,transmit}_bytes_total. Nodes: node-exporter's
// node_network_{receive,transmit}_bytes_total (without loopback); with the kubelet's series only,
// the sum of the node's pods (cAdvisor series with a `node` label).
import { formatBytesRate } from '../format.js';
import type { MetricDescriptor } from '../metric.js';
import { oneNode, podMatchers, UNAME_NODE } from '../promql.js';

function network(direction: 'receive' | 'transmit', id: string, label: string, chart: 'green' | 'blue'): MetricDescriptor {
  const pod = `container_network_${direction}_bytes_total`;
  const host = `node_network_${direction}_bytes_total`;
  return {
    id,
    label,
    queries: {
      // Per interface, the max dedups the pod's sandbox reported twice (two jobs, or as container "" and "POD").
      pods: (sel, opts) =>
        `sum by (namespace, pod) (max by (namespace, pod, interface) (rate(${pod}{${podMatchers(sel)}}[${opts.rateWindow}])))`,
      nodes: {
        'node-exporter': (opts, node) => `sum by (node) (rate(${host}{device!="lo"${oneNode(node)}}[${opts.rateWindow}]))`,
        'node-exporter-uname': (opts) =>
          `sum by (node) (sum by (instance) (rate(${host}{device!="lo"}[${opts.rateWindow}])) * on (instance) group_left(node) ${UNAME_NODE})`,
        kubelet: (opts, node) =>
          `sum by (node) (max by (node, namespace, pod, interface) (rate(${pod}{node!="",pod!=""${oneNode(node)}}[${opts.rateWindow}])))`,
      },
    },
    format: formatBytesRate,
    axis: formatBytesRate,
    chart: { colour: chart, group: 'NET' },
  };
}

export const netReceive = network('receive', 'netRx', 'NET RX', 'green');
export const netTransmit = network('transmit', 'netTx', 'NET TX', 'blue');
