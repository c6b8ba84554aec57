// Which kinds have logs, and what `l` streams for a row: a pod's own, or the merged logs of the
// pods a workload or Service selects (its drill-down's selector). The lead moves this onto the
// kind registry (capabilities) when merging.
import type { LogsTarget } from '../app/logs-state.js';
import type { KindSpec } from '../kinds/registry.js';
import type { KubeObject } from '../kube/types.js';

const MERGED = new Set(['deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'services']);

export function hasLogs(kindId: string): boolean {
  return kindId === 'pods' || MERGED.has(kindId);
}

/** What `l` (or `p`, previous) opens on the row; a string says why nothing. */
export function logsTargetFor(spec: KindSpec, obj: KubeObject, previous: boolean): LogsTarget | string {
  const { name, namespace } = obj.metadata;
  if (!hasLogs(spec.id)) return `${spec.title.toLowerCase()} have no logs; l works on pods and on workloads and services (their pods)`;
  if (!namespace) return `${spec.kind} ${name} has no namespace`;
  if (spec.id === 'pods') return { kind: spec.id, name, namespace, pod: name, previous };
  const pods = spec.drill?.(obj);
  if (!pods?.labelSelector) return `${spec.kind.toLowerCase()}/${name} selects no pods`;
  return { kind: spec.kind.toLowerCase(), name, namespace, labelSelector: pods.labelSelector, previous };
}
