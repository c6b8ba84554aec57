// The hand-written kinds: kubectl's names and aliases, the renderer that adds what the server's
// Table lacks (metrics, PODS, TAINTS), the describer, the drill-down and what each kind offers.
// Adding a kind here (and its renderer) is all it takes; discovery supplies the rest.
import type { KubeObject } from '../kube/types.js';
import {
  daemonSetDescriber,
  deploymentDescriber,
  namespaceDescriber,
  nodeDescriber,
  podDescriber,
  replicaSetDescriber,
  secretDescriber,
  serviceDescriber,
  statefulSetDescriber,
} from '../describe/describers.js';
import { daemonsets } from '../render/daemonsets.js';
import { deployments } from '../render/deployments.js';
import { events } from '../render/events.js';
import { namespaces } from '../render/namespaces.js';
import { nodes } from '../render/nodes.js';
import { pods } from '../render/pods.js';
import { replicasets } from '../render/replicasets.js';
import { replicationcontrollers } from '../render/replicationcontrollers.js';
import { labelsString, selectorString, type LabelSelector } from '../render/selector.js';
import { services } from '../render/services.js';
import { statefulsets } from '../render/statefulsets.js';
import type { Renderer } from '../render/types.js';
import { STANDARD_VERBS, type DrillTarget, type KindSpec } from './types.js';

/** A hand-written kind always has its own columns. */
export type BuiltinKind = KindSpec & { renderer: Renderer };

/** Pods matched by a workload's spec.selector, in its namespace. */
function podsBySelector(what: string) {
  return (obj: KubeObject): DrillTarget | undefined => {
    const sel = selectorString((obj.spec as { selector?: LabelSelector } | undefined)?.selector);
    if (!sel) return undefined; // absent (matches nothing) or invalid; "" would match every pod
    return { kind: 'pods', namespace: obj.metadata.namespace, labelSelector: sel, title: `pods of ${what}/${obj.metadata.name}` };
  };
}

/** Pods matched by a map selector (Services, ReplicationControllers). */
function podsByMapSelector(what: string) {
  return (obj: KubeObject): DrillTarget | undefined => {
    const sel = labelsString((obj.spec as { selector?: Record<string, string> } | undefined)?.selector);
    if (!sel) return undefined; // a Service without a selector has hand-made endpoints
    return { kind: 'pods', namespace: obj.metadata.namespace, labelSelector: sel, title: `pods of ${what}/${obj.metadata.name}` };
  };
}

const core = { group: '', version: 'v1', verbs: STANDARD_VERBS } as const;
const apps = { group: 'apps', version: 'v1', verbs: STANDARD_VERBS } as const;
const SCALABLE = ['scale', 'status'];

export const BUILTIN_KINDS: readonly BuiltinKind[] = [
  {
    id: 'pods', title: 'Pods', kind: 'Pod', aliases: ['pod', 'po'], ...core, plural: 'pods', namespaced: true,
    subresources: ['attach', 'binding', 'ephemeralcontainers', 'eviction', 'exec', 'log', 'portforward', 'proxy', 'resize', 'status'],
    categories: ['all'], renderer: pods, describer: podDescriber, offers: ['expose', 'logs'],
  },
  {
    id: 'deployments', title: 'Deployments', kind: 'Deployment', aliases: ['deployment', 'deploy', 'dp'], ...apps,
    plural: 'deployments', namespaced: true, subresources: SCALABLE, categories: ['all'],
    renderer: deployments, describer: deploymentDescriber, drill: podsBySelector('deployment'), offers: ['expose', 'logs', 'portForward', 'restart', 'image', 'rollout'],
  },
  {
    id: 'daemonsets', title: 'DaemonSets', kind: 'DaemonSet', aliases: ['daemonset', 'ds'], ...apps,
    plural: 'daemonsets', namespaced: true, subresources: ['status'], categories: ['all'],
    renderer: daemonsets, describer: daemonSetDescriber, drill: podsBySelector('daemonset'), offers: ['logs', 'restart', 'image'],
  },
  {
    id: 'statefulsets', title: 'StatefulSets', kind: 'StatefulSet', aliases: ['statefulset', 'sts'], ...apps,
    plural: 'statefulsets', namespaced: true, subresources: SCALABLE, categories: ['all'],
    renderer: statefulsets, describer: statefulSetDescriber, drill: podsBySelector('statefulset'), offers: ['logs', 'restart', 'image'],
  },
  {
    id: 'replicasets', title: 'ReplicaSets', kind: 'ReplicaSet', aliases: ['replicaset', 'rs'], ...apps,
    plural: 'replicasets', namespaced: true, subresources: SCALABLE, categories: ['all'],
    renderer: replicasets, describer: replicaSetDescriber, drill: podsBySelector('replicaset'), offers: ['expose', 'logs', 'rollback'],
  },
  {
    id: 'replicationcontrollers', title: 'ReplicationControllers', kind: 'ReplicationController', aliases: ['replicationcontroller', 'rc'],
    ...core, plural: 'replicationcontrollers', namespaced: true, subresources: SCALABLE, categories: ['all'],
    renderer: replicationcontrollers, drill: podsByMapSelector('replicationcontroller'), offers: ['expose'],
  },
  {
    id: 'services', title: 'Services', kind: 'Service', aliases: ['service', 'svc'], ...core, plural: 'services', namespaced: true,
    subresources: ['proxy', 'status'], categories: ['all'],
    renderer: services, describer: serviceDescriber, drill: podsByMapSelector('service'), offers: ['expose', 'logs', 'portForward'],
  },
  {
    id: 'nodes', title: 'Nodes', kind: 'Node', aliases: ['node', 'no'], ...core, plural: 'nodes', namespaced: false,
    subresources: ['proxy', 'status'], renderer: nodes, describer: nodeDescriber, offers: ['taint', 'drain'], needsAllPods: true,
    drill: (obj) => ({ kind: 'pods', fieldSelector: `spec.nodeName=${obj.metadata.name}`, title: `pods on node/${obj.metadata.name}` }),
  },
  {
    id: 'namespaces', title: 'Namespaces', kind: 'Namespace', aliases: ['namespace', 'ns'], ...core, plural: 'namespaces', namespaced: false,
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], subresources: ['finalize', 'status'],
    renderer: namespaces, describer: namespaceDescriber,
    drill: (obj) => ({ kind: 'pods', namespace: obj.metadata.name, title: `pods in ${obj.metadata.name}` }),
  },
  {
    id: 'events', title: 'Events', kind: 'Event', aliases: ['event', 'ev'], ...core, plural: 'events', namespaced: true,
    subresources: [], renderer: events,
  },
];

/**
 * What kt adds to kinds discovery supplies (by "group/plural"): k9s's aliases where kubectl has no
 * short name, a describer, a drill-down, offers. Their columns stay the server's.
 */
export const OVERLAYS: Readonly<Record<string, Partial<KindSpec>>> = {
  'rbac.authorization.k8s.io/clusterrolebindings': { aliases: ['crb'] },
  'rbac.authorization.k8s.io/clusterroles': { aliases: ['cr'] },
  'rbac.authorization.k8s.io/rolebindings': { aliases: ['rb'] },
  'rbac.authorization.k8s.io/roles': { aliases: ['ro'] },
  '/secrets': { aliases: ['sec'], describer: secretDescriber, offers: ['decode'] },
  'batch/jobs': { aliases: ['jo'], drill: podsBySelector('job'), offers: ['logs'] },
  'batch/cronjobs': { drill: (obj) => ({ kind: 'jobs.batch', namespace: obj.metadata.namespace, ownerUid: obj.metadata.uid, title: `jobs of cronjob/${obj.metadata.name}` }) },
  'networking.k8s.io/networkpolicies': { aliases: ['np'] },
};
