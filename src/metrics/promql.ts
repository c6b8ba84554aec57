// What every metric's PromQL shares: label matchers for pods and nodes, the node exporter families
// and their probes, and how an answer's labels key a row. The queries are in descriptors/.
import type { PodSelection } from './metric.js';
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

/**
 * The label matchers of a pod query: `base` (a metric's own, e.g. no pod-level cgroup series),
 * then the namespace, then one pod or a page of pods.
 */
export function podMatchers(sel: PodSelection, base: readonly string[] = []): string {
  const parts = [...base];
  if (sel.namespace !== undefined) parts.push(`namespace=${promString(sel.namespace)}`);
  if (sel.pod !== undefined) parts.push(`pod=${promString(sel.pod)}`);
  else if (sel.page !== undefined) parts.push(...pageMatchers(sel.page, sel.namespace));
  return parts.join(',');
}

/** `,node="n1"` to narrow a node query to one node, or nothing. */
export function oneNode(node: string | undefined): string {
  return node === undefined ? '' : `,node=${promString(node)}`;
}

/** node-exporter's instance -> node mapping through node_uname_info, for `* on (instance) group_left(node)`. */
export const UNAME_NODE = 'max by (instance, node) (label_replace(node_uname_info, "node", "$1", "nodename", "(.+)"))';

/** Queries whose non-empty answer tells which node family exists, in order of preference. */
export const NODE_FAMILY_PROBES: readonly (readonly [NodeFamily, string])[] = [
  ['node-exporter', 'count(node_cpu_seconds_total{node!=""})'],
  ['node-exporter-uname', 'count(node_cpu_seconds_total * on (instance) group_left() max by (instance) (node_uname_info))'],
  ['kubelet', 'count(node_cpu_usage_seconds_total{node!=""})'],
];

/** Sum of the nodes' allocatable from kube-state-metrics, when it is scraped. */
export const ALLOCATABLE_QUERY = 'sum by (resource) (kube_node_status_allocatable{resource=~"cpu|memory"})';

/** The key rows use: "namespace/name" for pods, the node name for nodes; undefined when a label is missing. */
export function seriesKey(target: MetricsSubject['target'], labels: Readonly<Record<string, string>>): string | undefined {
  if (target === 'nodes') return labels.node || undefined;
  return labels.namespace && labels.pod ? `${labels.namespace}/${labels.pod}` : undefined;
}
