// The DataSource the UI reads: one watcher (a supervised informer) per WatchKey, started on the
// first acquire() and stopped a short linger after the last release(). Events only mark a
// collection dirty; listeners hear about it at most once per coalescing window, and the sorted
// items array is built lazily, once per published version, when a view asks for the snapshot.
import type { KubeObject, WatchKey, WatchStatus } from '../kube/types.js';
import { watchKeyId } from '../kube/types.js';
import type { HealthReport } from '../kube/health.js';
import { sameConnection, summariseConnection } from './connection.js';
import { patchItems, sortedItems } from './sorted-items.js';
import type { ConnectionStatus, DataSource, ResourceSnapshot } from './types.js';

/** What the store needs from a running watch; the real one is an Informer. */
export interface Watcher {
  readonly items: ReadonlyMap<string, KubeObject>;
  readonly status: WatchStatus;
  start(): void;
  stop(): void;
}

export interface ResourceStoreOptions {
  /**
   * Creates (not yet started) the watcher for a key; onChange marks the collection dirty. A watcher
   * that names the changed object's key (objectKey) lets the next snapshot be patched, not re-sorted.
   */
  createWatcher(key: WatchKey, onChange: (changedKey?: string) => void): Watcher;
  /** Listener notifications are coalesced to at most one per this many ms. Default 150. */
  coalesceMs?: number;
  /** A released watch keeps running this long in case it is acquired again. Default 2000. */
  lingerMs?: number;
  /** How the API server has been answering (the client's ConnectionHealth); part of the connection state. */
  health?: { report(): HealthReport; subscribe(listener: () => void): () => void };
}

interface Entry {
  key: WatchKey;
  watcher: Watcher;
  refs: number;
  dirty: boolean;
  version: number;
  built?: ResourceSnapshot;
  /** Keys changed since `built` was built (patchable), unless `keyless`. */
  changedKeys?: Set<string>;
  /** Something changed since `built` without naming a key (relist, status): re-sort. */
  keyless?: boolean;
  /** Its first list has been announced (that one goes out without waiting for the window). */
  announced?: boolean;
  linger?: ReturnType<typeof setTimeout>;
}

const IDLE: WatchStatus = Object.freeze({ state: 'loading', stale: false });

export class ResourceStore implements DataSource {
  private readonly entries = new Map<string, Entry>();
  private readonly idle = new Map<string, ResourceSnapshot>();
  private readonly listeners = new Set<() => void>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private lastFlush = Number.NEGATIVE_INFINITY;
  private pending = false;
  private clock = 0;
  private conn: ConnectionStatus = { state: 'connecting' };
  private disposed = false;
  private readonly unhealth: () => void;
  private readonly coalesceMs: number;
  private readonly lingerMs: number;

  constructor(private readonly opts: ResourceStoreOptions) {
    this.coalesceMs = opts.coalesceMs ?? 150;
    this.lingerMs = opts.lingerMs ?? 2000;
    this.unhealth = opts.health?.subscribe(() => this.schedule(true)) ?? (() => {});
  }

  acquire(key: WatchKey): () => void {
    const id = watchKeyId(key);
    let entry = this.entries.get(id);
    if (!entry) {
      const created: Entry = { key, refs: 0, dirty: false, version: ++this.clock, watcher: undefined as unknown as Watcher };
      created.watcher = this.opts.createWatcher(key, (changedKey) => this.changed(created, changedKey));
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
    if (entry.built?.version !== entry.version) entry.built = build(entry);
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
    this.unhealth();
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

  private changed(entry: Entry, changedKey?: string): void {
    if (this.disposed) return;
    if (!entry.keyless) {
      const keys = (entry.changedKeys ??= new Set());
      if (changedKey !== undefined) keys.add(changedKey);
      if (changedKey === undefined || keys.size > Math.max(64, entry.watcher.items.size >> 3)) {
        entry.keyless = true;
        entry.changedKeys = undefined;
      }
    }
    entry.dirty = true;
    // The first list of a collection is shown at once: nothing on screen to coalesce with yet.
    const first = !entry.announced && entry.watcher.status.state === 'live';
    if (first) entry.announced = true;
    this.schedule(first);
  }

  private schedule(urgent = false): void {
    this.pending = true;
    if (this.disposed) return;
    if (urgent && this.flushTimer !== undefined) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    if (this.flushTimer !== undefined) return;
    // Throttled, not delayed: a change after a quiet spell goes out on the next turn (events read in
    // the same turn still share it); within coalesceMs of the last flush it waits for the window.
    const wait = urgent ? 0 : Math.max(0, this.lastFlush + this.coalesceMs - Date.now());
    this.flushTimer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.flushTimer = undefined;
    if (!this.pending || this.disposed) return;
    this.pending = false;
    this.lastFlush = Date.now();
    const statuses: WatchStatus[] = [];
    for (const entry of this.entries.values()) {
      if (entry.dirty) {
        entry.dirty = false;
        entry.version = ++this.clock;
      }
      statuses.push(entry.watcher.status);
    }
    const summary = summariseConnection(statuses, this.opts.health?.report());
    if (!sameConnection(summary, this.conn)) this.conn = summary;
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch {
        // A broken listener must not starve the others.
      }
    }
  }
}

/** A few changed keys patch the last items (and say what changed); anything else re-sorts. */
function build(entry: Entry): ResourceSnapshot {
  const { built, changedKeys, keyless, watcher } = entry;
  entry.changedKeys = undefined;
  entry.keyless = false;
  const status = Object.freeze(watcher.status);
  const base = { key: entry.key, version: entry.version, status };
  if (built && changedKeys && !keyless) {
    const { items, changes } = patchItems(built.items, watcher.items, changedKeys);
    return Object.freeze({ ...base, items, changes });
  }
  return Object.freeze({ ...base, items: sortedItems(watcher.items) });
}
