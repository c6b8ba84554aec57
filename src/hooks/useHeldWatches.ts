// Holds the watches of the panes hidden under a full-screen overlay (describe), so closing it
// shows their tables at once instead of listing them again.
import { useEffect, useMemo } from 'react';
import { frameWatchKey } from '../app/scope.js';
import { currentFrame, type PaneState } from '../app/state.js';
import { findKind } from '../kube/registry.js';
import { watchKeyId, type WatchKey } from '../kube/types.js';
import type { DataSource } from '../store/types.js';

/** The watch keys the panes use: each frame's, and all pods for a Nodes pane's PODS column. */
export function paneWatchKeys(panes: readonly PaneState[], namespace: string | undefined): WatchKey[] {
  const keys = new Map<string, WatchKey>();
  for (const pane of panes) {
    const frame = currentFrame(pane);
    const spec = findKind(frame.kind);
    if (!spec) continue;
    const key = frameWatchKey(frame, spec, namespace);
    keys.set(watchKeyId(key), key);
    if (spec.id === 'nodes') keys.set(watchKeyId({ kind: 'pods' }), { kind: 'pods' });
  }
  return [...keys.values()];
}

export function useHeldWatches(source: DataSource, panes: readonly PaneState[], namespace: string | undefined): void {
  const keys = paneWatchKeys(panes, namespace);
  const id = keys.map(watchKeyId).join('\n');
  const stable = useMemo(() => keys, [id]);
  useEffect(() => {
    const releases = stable.map((key) => source.acquire(key));
    return () => releases.forEach((release) => release());
  }, [source, stable]);
}
