// One watched collection as React state: acquires the watch while mounted (and releases it when
// the key changes or the component unmounts), and re-renders only when its snapshot changes.
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { watchKeyId, type WatchKey } from '../kube/types.js';
import type { DataSource, ResourceSnapshot } from '../store/types.js';

function sameSnapshot(a: ResourceSnapshot, b: ResourceSnapshot): boolean {
  if (a === b) return true;
  const sa = a.status;
  const sb = b.status;
  return (
    a.version === b.version &&
    a.items === b.items &&
    watchKeyId(a.key) === watchKeyId(b.key) &&
    sa.state === sb.state &&
    sa.message === sb.message &&
    sa.stale === sb.stale
  );
}

/** The subscribe function for useSyncExternalStore, bound to the source (its methods use `this`). */
export function useSourceSubscribe(source: DataSource): (listener: () => void) => () => void {
  return useCallback((listener: () => void) => source.subscribe(listener), [source]);
}

/** The snapshot for `key`, or undefined when `key` is undefined (nothing is watched then). */
export function useResource(source: DataSource, key: WatchKey | undefined): ResourceSnapshot | undefined {
  const id = key ? watchKeyId(key) : undefined;
  // The key object may be new on every render; the watch follows its identity string.
  const stableKey = useMemo(() => key, [id]);
  useEffect(() => (stableKey ? source.acquire(stableKey) : undefined), [source, stableKey]);

  const last = useRef<ResourceSnapshot | undefined>(undefined);
  const read = useCallback((): ResourceSnapshot | undefined => {
    if (!stableKey) return undefined;
    const next = source.snapshot(stableKey);
    // A source that builds a fresh object per call must not loop useSyncExternalStore.
    if (last.current && sameSnapshot(last.current, next)) return last.current;
    last.current = next;
    return next;
  }, [source, stableKey]);
  return useSyncExternalStore(useSourceSubscribe(source), read, read);
}
