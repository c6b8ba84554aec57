// Pods per node (spec.nodeName) for the node PODS column. It needs every pod in the cluster, so the
// all-namespace pods watch is held only while a Nodes view is on screen (and shared with a Pods
// pane in all-namespaces mode: the store reference-counts watches by key).
import { useMemo } from 'react';
import type { KubeObject } from '../kube/types.js';
import type { DataSource } from '../store/types.js';
import { useResource } from './useResource.js';

const ALL_PODS = { kind: 'pods' };

export function countPodsByNode(pods: readonly KubeObject[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const pod of pods) {
    const spec = pod.spec as { nodeName?: unknown } | undefined;
    const node = spec?.nodeName;
    if (typeof node === 'string' && node) counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  return counts;
}

/**
 * undefined when not enabled or not known (pods still loading, or forbidden: the column shows "?"
 * rather than a misleading 0); otherwise recomputed only when the pods snapshot changes.
 */
export function usePodCounts(source: DataSource, enabled: boolean): ReadonlyMap<string, number> | undefined {
  const pods = useResource(source, enabled ? ALL_PODS : undefined);
  return useMemo(() => {
    if (!pods) return undefined;
    const { state } = pods.status;
    if (state === 'forbidden' || state === 'error' || (state === 'loading' && pods.items.length === 0)) return undefined;
    return countPodsByNode(pods.items);
  }, [pods]);
}
