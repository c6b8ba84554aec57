// Pods per node (spec.nodeName) for the node PODS column. It needs every pod in the cluster, so the
// all-namespace pods watch is held only while a Nodes view is on screen (and shared with a Pods
// pane in all-namespaces mode: the store reference-counts watches by key).
import { useMemo, useRef } from 'react';
import type { KubeObject } from '../kube/types.js';
import type { DataSource, ResourceSnapshot } from '../store/types.js';
import { useResource } from './useResource.js';

const ALL_PODS = { kind: 'pods' };

/** Node of a pod, or undefined when not scheduled. */
function nodeOf(pod: KubeObject): string | undefined {
  const node = (pod.spec as { nodeName?: unknown } | undefined)?.nodeName;
  return typeof node === 'string' && node ? node : undefined;
}

export function countPodsByNode(pods: readonly KubeObject[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const pod of pods) {
    const node = nodeOf(pod);
    if (node) counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  return counts;
}

export interface PodCounts {
  items: readonly KubeObject[];
  counts: ReadonlyMap<string, number>;
}

/** Counts for `snap`, from `prev` plus the snapshot's changes when it says what changed. */
export function updatePodCounts(prev: PodCounts | undefined, snap: ResourceSnapshot): PodCounts {
  const changes = snap.changes;
  if (!prev || !changes || changes.base !== prev.items) return { items: snap.items, counts: countPodsByNode(snap.items) };
  if (prev.items === snap.items) return prev;
  const counts = new Map(prev.counts);
  const bump = (pod: KubeObject, by: number) => {
    const node = nodeOf(pod);
    if (!node) return;
    const n = (counts.get(node) ?? 0) + by;
    if (n > 0) counts.set(node, n);
    else counts.delete(node);
  };
  for (const pod of changes.removed) bump(pod, -1);
  for (const pod of changes.added) bump(pod, 1);
  return { items: snap.items, counts: sameCounts(prev.counts, counts) ? prev.counts : counts };
}

function sameCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/**
 * undefined when not enabled or not known (pods still loading, or forbidden: the column shows "?"
 * rather than a misleading 0); otherwise updated from each pods snapshot's changes, and the same
 * map while no count changed (so the node rows are not rendered again).
 */
export function usePodCounts(source: DataSource, enabled: boolean): ReadonlyMap<string, number> | undefined {
  const pods = useResource(source, enabled ? ALL_PODS : undefined);
  const last = useRef<PodCounts | undefined>(undefined);
  return useMemo(() => {
    if (!pods) return undefined;
    const { state } = pods.status;
    if (state === 'forbidden' || state === 'unauthorized' || state === 'error' || (state === 'loading' && pods.items.length === 0)) return undefined;
    last.current = updatePodCounts(last.current, pods);
    return last.current.counts;
  }, [pods]);
}
