// A drill-down to what an object owns (CronJob → Jobs): the snapshot narrowed to the objects whose
// ownerReferences name the owner's uid. No selector can say this, so the narrowing is client-side.
import { useMemo } from 'react';
import type { KubeObject } from '../kube/types.js';
import type { ResourceSnapshot } from '../store/types.js';

export function ownedBy(items: readonly KubeObject[], uid: string): KubeObject[] {
  return items.filter((o) => o.metadata.ownerReferences?.some((r) => r.uid === uid));
}

export function useOwned(snapshot: ResourceSnapshot | undefined, ownerUid: string | undefined): ResourceSnapshot | undefined {
  return useMemo(() => {
    if (!snapshot || !ownerUid) return snapshot;
    // Without `changes`: the row pipeline recomputes the (small) narrowed list.
    return { key: snapshot.key, version: snapshot.version, status: snapshot.status, items: ownedBy(snapshot.items, ownerUid) };
  }, [snapshot, ownerUid]);
}
