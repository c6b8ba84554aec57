// PromQL builders: one query per metric and pane subject (never one per row), grouped by
// (namespace, pod) or by (node). Pure; the engine sends them and parse.ts reads the answers.
import type { MetricsSubject } from './types.js';

/**
 * Which node series the Prometheus has:
 * - 'node-exporter': node_cpu_seconds_total with a `node` label (kube-prometheus relabels so);
 * - 'node-exporter-uname': node-exporter without it, mapped instance -> node via node_uname_info;
 * - 'kubelet': the kubelet's resource metrics (node_cpu_usage_seconds_total, node_memory_working_set_bytes).
 */
export type NodeFamily = 'node-exporter' | 'node-exporter-uname' | 'kubelet';

export interface QueryOptions {
  /** The rate() window, e.g. "2m": long enough for two scrapes at a 1m scrape interval. */
  rateWindow: string;
}

export const DEFAULT_QUERY_OPTIONS: QueryOptions = { rateWindow: '2m' };

/** Escapes a value for a PromQL double-quoted label matcher. */
export function promString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** A regex matcher value for exactly these names (Prometheus anchors regex matchers). */
function anyOf(names: Iterable<string>): string {
  return promString([...new Set(names)].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}

/** A page of pods ("namespace/name" keys): their names, and their namespaces when not one. */
function pageMatchers(pods: readonly string[], namespace: string | undefined): string[] {
  const split = pods.map((key) => [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)] as const);
  const parts = [`pod=~${anyOf(split.map(([, name]) => name))}`];
  if (namespace === undefined) parts.push(`namespace=~${anyOf(split.map(([ns]) => ns))}`);
  return parts;
}

function podMatchers(namespace: string | undefined, pod?: string, page?: readonly string[]): string {
  // container!="": cAdvisor's pod-level cgroup series; "POD": old cAdvisor's pause containers.
  const parts = ['container!=""', 'container!="POD"'];
  if (namespace !== undefined) parts.push(`namespace=${promString(namespace)}`);
  if (pod !== undefined) parts.push(`pod=${promString(pod)}`);
  else if (page !== undefined) parts.push(...pageMatchers(page, namespace));
  return parts.join(',');
}

/**
 * Pod CPU in cores per (namespace, pod). The inner max dedups a container that two jobs scrape
 * (cAdvisor and the resource endpoint) before the containers of a pod are summed.
 */
export function podCpuQuery(namespace?: string, opts = DEFAULT_QUERY_OPTIONS, pod?: string, page?: readonly string[]): string {
  return (
    'sum by (namespace, pod) (max by (namespace, pod, container) ' +
    `(rate(container_cpu_usage_seconds_total{${podMatchers(namespace, pod, page)}}[${opts.rateWindow}])))`
  );
}

/** Pod memory working set in bytes per (namespace, pod). */
export function podMemQuery(namespace?: string, pod?: string, page?: readonly string[]): string {
  return (
    'sum by (namespace, pod) (max by (namespace, pod, container) ' +
    `(container_memory_working_set_bytes{${podMatchers(namespace, pod, page)}}))`
  );
}

const BUSY = 'mode!="idle",mode!="iowait",mode!="steal"';
const UNAME_NODE = 'max by (instance, node) (label_replace(node_uname_info, "node", "$1", "nodename", "(.+)"))';

/**
 * Node CPU in cores per node. `node` narrows to one node (for the metrics view); after the
 * instance -> node join of 'node-exporter-uname' it cannot, and the caller picks the series.
 */
export function nodeCpuQuery(family: NodeFamily, opts = DEFAULT_QUERY_OPTIONS, node?: string): string {
  const only = node === undefined ? '' : `,node=${promString(node)}`;
  switch (family) {
    case 'node-exporter':
      return `sum by (node) (rate(node_cpu_seconds_total{${BUSY}${only}}[${opts.rateWindow}]))`;
    case 'node-exporter-uname':
      return `sum by (node) (sum by (instance) (rate(node_cpu_seconds_total{${BUSY}}[${opts.rateWindow}])) * on (instance) group_left(node) ${UNAME_NODE})`;
    case 'kubelet':
      return `max by (node) (rate(node_cpu_usage_seconds_total{node!=""${only}}[${opts.rateWindow}]))`;
  }
}

/** Node memory in use in bytes per node: MemTotal - MemAvailable, or the kubelet's working set. */
export function nodeMemQuery(family: NodeFamily, node?: string): string {
  const only = node === undefined ? '' : `{node=${promString(node)}}`;
  switch (family) {
    case 'node-exporter':
      return `sum by (node) (node_memory_MemTotal_bytes${only} - node_memory_MemAvailable_bytes${only})`;
    case 'node-exporter-uname':
      return `sum by (node) ((node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes) * on (instance) group_left(node) ${UNAME_NODE})`;
    case 'kubelet':
      return `max by (node) (node_memory_working_set_bytes{node!=""${node === undefined ? '' : `,node=${promString(node)}`}})`;
  }
}

/** Queries whose non-empty answer tells which node family exists, in order of preference. */
export const NODE_FAMILY_PROBES: readonly (readonly [NodeFamily, string])[] = [
  ['node-exporter', 'count(node_cpu_seconds_total{node!=""})'],
  ['node-exporter-uname', 'count(node_cpu_seconds_total * on (instance) group_left() max by (instance) (node_uname_info))'],
  ['kubelet', 'count(node_cpu_usage_seconds_total{node!=""})'],
];

/** Sum of the nodes' allocatable from kube-state-metrics, when it is scraped. */
export const ALLOCATABLE_QUERY = 'sum by (resource) (kube_node_status_allocatable{resource=~"cpu|memory"})';

/** The pair of queries one subject needs on each refresh. */
export function subjectQueries(subject: MetricsSubject, family: NodeFamily, opts = DEFAULT_QUERY_OPTIONS): { cpu: string; mem: string } {
  if (subject.target === 'nodes') return { cpu: nodeCpuQuery(family, opts), mem: nodeMemQuery(family) };
  return { cpu: podCpuQuery(subject.namespace, opts, undefined, subject.pods), mem: podMemQuery(subject.namespace, undefined, subject.pods) };
}

/** The key rows use: "namespace/name" for pods, the node name for nodes; undefined when a label is missing. */
export function seriesKey(target: MetricsSubject['target'], labels: Readonly<Record<string, string>>): string | undefined {
  if (target === 'nodes') return labels.node || undefined;
  return labels.namespace && labels.pod ? `${labels.namespace}/${labels.pod}` : undefined;
}
