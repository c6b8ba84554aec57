// An in-memory DataSource for mounting the real App in the benchmark: collections set by key,
// listeners notified synchronously (the real store coalesces; here each set is one update).
import { watchKeyId, type KubeObject, type WatchKey } from '../src/kube/types.js';
import type { ConnectionStatus, DataSource, ResourceSnapshot } from '../src/store/types.js';

export class BenchSource implements DataSource {
  private readonly snaps = new Map<string, ResourceSnapshot>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  set(key: WatchKey, items: readonly KubeObject[]): void {
    this.snaps.set(watchKeyId(key), { key, items, version: ++this.version, status: { state: 'live', stale: false, lastSync: Date.now() } });
    for (const listener of [...this.listeners]) listener();
  }

  acquire(): () => void {
    return () => undefined;
  }

  snapshot(key: WatchKey): ResourceSnapshot {
    const id = watchKeyId(key);
    let snap = this.snaps.get(id);
    if (!snap) {
      snap = { key, items: [], version: 0, status: { state: 'live', stale: false } };
      this.snaps.set(id, snap);
    }
    return snap;
  }

  connection(): ConnectionStatus {
    return { state: 'live' };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** A copy of the list with pod `index` changed (one more restart), as one watch MODIFIED event makes it. */
export function withOneChange(pods: readonly KubeObject[], index: number, round: number): KubeObject[] {
  const next = pods.slice();
  const pod = pods[index];
  if (!pod) return next;
  const status = (pod.status ?? {}) as { containerStatuses?: { restartCount?: number }[] };
  const containers = (status.containerStatuses ?? []).map((c, i) => (i === 0 ? { ...c, restartCount: round } : c));
  next[index] = { ...pod, metadata: { ...pod.metadata, resourceVersion: `${round}` }, status: { ...status, containerStatuses: containers } };
  return next;
}
