// THE registry of resource kinds kt knows: names and aliases (as kubectl accepts them), where
// each is served, how it renders, and where Enter drills down to.
import type { KubeObject } from './types.js';
import type { Renderer } from '../render/types.js';
import { daemonsets } from '../render/daemonsets.js';
import { deployments } from '../render/deployments.js';
import { events } from '../render/events.js';
import { namespaces } from '../render/namespaces.js';
import { nodes } from '../render/nodes.js';
import { pods } from '../render/pods.js';
import { replicasets } from '../render/replicasets.js';
import { labelsString, selectorString, type LabelSelector } from '../render/selector.js';
import { services } from '../render/services.js';
import { statefulsets } from '../render/statefulsets.js';

export { columnsFor } from '../render/columns.js';

/** A view to open from a row: a kind, narrowed by namespace and selectors. */
export interface DrillTarget {
  kind: string; // registry id
  namespace?: string; // undefined = all namespaces
  labelSelector?: string;
  fieldSelector?: string;
  /** Human title for the crumb, e.g. "pods of deployment/web". */
  title: string;
}

export interface KindSpec {
  /** Registry id: the lowercase plural, e.g. "pods". */
  id: string;
  title: string;
  /** The API kind, e.g. "Pod". */
  kind: string;
  /** Other names findKind accepts: the singular and kubectl's short names. */
  aliases: string[];
  /** API group; "" for the core group. */
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
  renderer: Renderer;
  /** The pods behind a row; undefined when it selects nothing (e.g. a Service without a selector). */
  drill?: (obj: KubeObject) => DrillTarget | undefined;
}

/** Pods matched by a workload's spec.selector, in its namespace. */
function podsBySelector(what: string) {
  return (obj: KubeObject): DrillTarget | undefined => {
    const sel = selectorString((obj.spec as { selector?: LabelSelector } | undefined)?.selector);
    if (!sel) return undefined; // absent (matches nothing) or invalid; "" would match every pod
    return { kind: 'pods', namespace: obj.metadata.namespace, labelSelector: sel, title: `pods of ${what}/${obj.metadata.name}` };
  };
}

export const KINDS: readonly KindSpec[] = [
  {
    id: 'pods', title: 'Pods', kind: 'Pod', aliases: ['pod', 'po'],
    group: '', version: 'v1', plural: 'pods', namespaced: true, renderer: pods,
  },
  {
    id: 'deployments', title: 'Deployments', kind: 'Deployment', aliases: ['deployment', 'deploy', 'dp'],
    group: 'apps', version: 'v1', plural: 'deployments', namespaced: true, renderer: deployments,
    drill: podsBySelector('deployment'),
  },
  {
    id: 'daemonsets', title: 'DaemonSets', kind: 'DaemonSet', aliases: ['daemonset', 'ds'],
    group: 'apps', version: 'v1', plural: 'daemonsets', namespaced: true, renderer: daemonsets,
    drill: podsBySelector('daemonset'),
  },
  {
    id: 'statefulsets', title: 'StatefulSets', kind: 'StatefulSet', aliases: ['statefulset', 'sts'],
    group: 'apps', version: 'v1', plural: 'statefulsets', namespaced: true, renderer: statefulsets,
    drill: podsBySelector('statefulset'),
  },
  {
    id: 'replicasets', title: 'ReplicaSets', kind: 'ReplicaSet', aliases: ['replicaset', 'rs'],
    group: 'apps', version: 'v1', plural: 'replicasets', namespaced: true, renderer: replicasets,
    drill: podsBySelector('replicaset'),
  },
  {
    id: 'services', title: 'Services', kind: 'Service', aliases: ['service', 'svc'],
    group: '', version: 'v1', plural: 'services', namespaced: true, renderer: services,
    drill(obj) {
      const sel = labelsString((obj.spec as { selector?: Record<string, string> } | undefined)?.selector);
      if (!sel) return undefined; // a Service without a selector has hand-made endpoints
      return { kind: 'pods', namespace: obj.metadata.namespace, labelSelector: sel, title: `pods of service/${obj.metadata.name}` };
    },
  },
  {
    id: 'nodes', title: 'Nodes', kind: 'Node', aliases: ['node', 'no'],
    group: '', version: 'v1', plural: 'nodes', namespaced: false, renderer: nodes,
    drill: (obj) => ({ kind: 'pods', fieldSelector: `spec.nodeName=${obj.metadata.name}`, title: `pods on node/${obj.metadata.name}` }),
  },
  {
    id: 'namespaces', title: 'Namespaces', kind: 'Namespace', aliases: ['namespace', 'ns'],
    group: '', version: 'v1', plural: 'namespaces', namespaced: false, renderer: namespaces,
    drill: (obj) => ({ kind: 'pods', namespace: obj.metadata.name, title: `pods in ${obj.metadata.name}` }),
  },
  {
    id: 'events', title: 'Events', kind: 'Event', aliases: ['event', 'ev'],
    group: '', version: 'v1', plural: 'events', namespaced: true, renderer: events,
  },
];

const byName = new Map<string, KindSpec>();
for (const spec of KINDS) {
  for (const name of [spec.id, spec.plural, spec.kind, ...spec.aliases]) byName.set(name.toLowerCase(), spec);
}

/**
 * The kind for a name as kubectl accepts it, case-insensitive: plural, singular, short name
 * ("po", "deploy", "sts", …), optionally qualified by group ("deployments.apps",
 * "deploy.v1.apps"). undefined when unknown.
 */
export function findKind(nameOrAlias: string): KindSpec | undefined {
  const name = nameOrAlias.trim().toLowerCase();
  const found = byName.get(name);
  if (found) return found;
  const dot = name.indexOf('.');
  if (dot <= 0) return undefined;
  const spec = byName.get(name.slice(0, dot));
  const qualifier = name.slice(dot + 1);
  if (!spec || !spec.group) return undefined;
  return qualifier === spec.group || qualifier === `${spec.version}.${spec.group}` ? spec : undefined;
}

/** The collection's REST path: "/api/v1/pods", "/apis/apps/v1/namespaces/x/daemonsets". */
export function apiPath(spec: KindSpec, namespace?: string): string {
  const base = spec.group ? `/apis/${spec.group}/${spec.version}` : `/api/${spec.version}`;
  if (spec.namespaced && namespace) return `${base}/namespaces/${encodeURIComponent(namespace)}/${spec.plural}`;
  return `${base}/${spec.plural}`;
}
