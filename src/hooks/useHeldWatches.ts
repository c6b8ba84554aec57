// Holds the watches of the panes an overlay (help, describe, logs, metrics, a picker) hides, so
// closing it shows their tables at once, and the header speaks of the watches the panes need.
import { useEffect, useMemo } from 'react';
import { paneWatchKeys } from '../app/frame-watch.js';
import type { PaneState } from '../app/state.js';
import { watchKeyId } from '../kube/types.js';
import type { DataSource } from '../store/types.js';

export function useHeldWatches(source: DataSource, panes: readonly PaneState[], namespace: string | undefined): void {
  const keys = paneWatchKeys(panes, namespace);
  const id = keys.map(watchKeyId).join('\n');
  const stable = useMemo(() => keys, [id]);
  useEffect(() => {
    const releases = stable.map((key) => source.acquire(key));
    return () => releases.forEach((release) => release());
  }, [source, stable]);
}
