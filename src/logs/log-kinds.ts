// What `l` streams for a row: a pod's own logs, or the merged logs of the pods a workload or
// Service selects (its drill-down's selector). Which kinds have logs is the kind's own offer.
import type { LogsTarget } from '../app/logs-state.js';
import type { KindSpec } from '../kinds/registry.js';
import type { KubeObject } from '../kube/types.js';

export function hasLogs(spec: Pick<KindSpec, 'offers'>): boolean {
  return Boolean(spec.offers?.includes('logs'));
}

/** What `l` (or `p`, previous) opens on the row; a string says why nothing. */
export function logsTargetFor(spec: KindSpec, obj: KubeObject, previous: boolean): LogsTarget | string {
  const { name, namespace } = obj.metadata;
  if (!hasLogs(spec)) return `${spec.title.toLowerCase()} have no logs; l works on pods and on workloads and services (their pods)`;
  if (!namespace) return `${spec.kind} ${name} has no namespace`;
  if (spec.id === 'pods') return { kind: spec.id, name, namespace, pod: name, previous };
  const pods = spec.drill?.(obj);
  if (!pods?.labelSelector) return `${spec.kind.toLowerCase()}/${name} selects no pods`;
  return { kind: spec.kind.toLowerCase(), name, namespace, labelSelector: pods.labelSelector, previous };
}
