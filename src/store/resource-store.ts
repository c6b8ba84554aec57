// The DataSource the UI reads: one watcher (a supervised informer) per WatchKey, started on the
// first acquire() and stopped a short linger after the last release(). Events only mark a
// collection dirty; listeners hear about it once per coalescing window, and the sorted items array
// is built lazily, once per published version, when a view asks for the snapshot.
import type { KubeObject, WatchKey, WatchStatus } from '../kube/types.js';
import { watchKeyId } from '../kube/types.js';
import { summariseConnection } from './connection.js';
import type { ConnectionStatus, DataSource, ResourceSnapshot } from './types.js';

/** What the store needs from a running watch; the real one is an Informer. */
export interface Watcher {
  readonly items: ReadonlyMap<string, KubeObject>;
  readonly status: WatchStatus;
  start(): void;
  stop(): void;
}

export interface ResourceStoreOptions {
  /** Creates (not yet started) the watcher for a key; onChange marks the collection dirty. */
  createWatcher(key: WatchKey, onChange: () => void): Watcher;
  /** Listener notifications are coalesced to at most one per this many ms. Default 150. */
  coalesceMs?: number;
  /** A released watch keeps running this long in case it is acquired again. Default 2000. */
  lingerMs?: number;
}

interface Entry {
  key: WatchKey;
  watcher: Watcher;
  refs: number;
  dirty: boolean;
  version: number;
  built?: ResourceSnapshot;
  linger?: ReturnType<typeof setTimeout>;
}

const IDLE: WatchStatus = Object.freeze({ state: 'loading', stale: false });

export class ResourceStore implements DataSource {
  private readonly entries = new Map<string, Entry>();
  private readonly idle = new Map<string, ResourceSnapshot>();
  private readonly listeners = new Set<() => void>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private pending = false;
  private clock = 0;
  private conn: ConnectionStatus = { state: 'connecting' };
  private everLive = false;
  private disposed = false;
  private readonly coalesceMs: number;
  private readonly lingerMs: number;

  constructor(private readonly opts: ResourceStoreOptions) {
    this.coalesceMs = opts.coalesceMs ?? 150;
    this.lingerMs = opts.lingerMs ?? 2000;
  }

  acquire(key: WatchKey): () => void {
    const id = watchKeyId(key);
    let entry = this.entries.get(id);
    if (!entry) {
      const created: Entry = { key, refs: 0, dirty: false, version: ++this.clock, watcher: undefined as unknown as Watcher };
      created.watcher = this.opts.createWatcher(key, () => this.changed(created));
      this.entries.set(id, created);
      this.idle.delete(id);
      entry = created;
      if (!this.disposed) entry.watcher.start();
    }
    const held = entry;
    held.refs++;
    clearTimeout(held.linger);
    held.linger = undefined;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(id, held);
    };
  }

  snapshot(key: WatchKey): ResourceSnapshot {
    const id = watchKeyId(key);
    const entry = this.entries.get(id);
    if (!entry) {
      let snap = this.idle.get(id);
      if (!snap) {
        snap = Object.freeze({ key, items: Object.freeze([]), version: 0, status: IDLE });
        this.idle.set(id, snap);
      }
      return snap;
    }
    if (entry.built?.version !== entry.version) {
      entry.built = Object.freeze({
        key: entry.key,
        items: sortedItems(entry.watcher.items),
        version: entry.version,
        status: Object.freeze(entry.watcher.status),
      });
    }
    return entry.built;
  }

  connection(): ConnectionStatus {
    return this.conn;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops every watch and timer; the store is unusable afterwards. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.flushTimer);
    for (const entry of this.entries.values()) {
      clearTimeout(entry.linger);
      entry.watcher.stop();
    }
    this.entries.clear();
    this.listeners.clear();
  }

  /** Number of collections being watched (held or lingering); for tests and diagnostics. */
  get activeCount(): number {
    return this.entries.size;
  }

  private release(id: string, entry: Entry): void {
    entry.refs--;
    if (entry.refs > 0 || this.entries.get(id) !== entry) return;
    const stop = () => {
      if (entry.refs > 0 || this.entries.get(id) !== entry) return;
      entry.watcher.stop();
      this.entries.delete(id);
      this.schedule();
    };
    if (this.lingerMs <= 0) stop();
    else entry.linger = setTimeout(stop, this.lingerMs);
  }

  private changed(entry: Entry): void {
    if (this.disposed) return;
    entry.dirty = true;
    this.schedule();
  }

  private schedule(): void {
    this.pending = true;
    if (this.flushTimer !== undefined || this.disposed) return;
    this.flushTimer = setTimeout(() => this.flush(), this.coalesceMs);
  }

  private flush(): void {
    this.flushTimer = undefined;
    if (!this.pending || this.disposed) return;
    this.pending = false;
    const statuses: WatchStatus[] = [];
    for (const entry of this.entries.values()) {
      if (entry.dirty) {
        entry.dirty = false;
        entry.version = ++this.clock;
      }
      statuses.push(entry.watcher.status);
    }
    const summary = summariseConnection(statuses, this.everLive);
    this.everLive = summary.everLive;
    if (summary.status.state !== this.conn.state || summary.status.reason !== this.conn.reason) this.conn = summary.status;
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch {
        // A broken listener must not starve the others.
      }
    }
  }
}

/** Items ordered by namespace, then name: stable across versions. */
function sortedItems(map: ReadonlyMap<string, KubeObject>): readonly KubeObject[] {
  const items = [...map.values()];
  items.sort((a, b) => {
    const na = a.metadata.namespace ?? '';
    const nb = b.metadata.namespace ?? '';
    if (na !== nb) return na < nb ? -1 : 1;
    const ma = a.metadata.name;
    const mb = b.metadata.name;
    return ma < mb ? -1 : ma > mb ? 1 : 0;
  });
  return Object.freeze(items);
}
