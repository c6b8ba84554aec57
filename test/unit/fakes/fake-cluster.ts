// The component tests' cluster: kt's real ResourceStore and Informers over the one fake client.
// set() is what the API server holds for a collection: a list answers with it (a list of a
// collection never set waits, as a slow API server's would), and a later set() reaches the open
// watches as ADDED/MODIFIED/DELETED events, so the store's patch path runs as it does in kt.
import { type ListResult, type Query } from '../../../src/kube/client.js';
import { KubeApiError } from '../../../src/kube/api-errors.js';
import { objectKey, watchKeyId, type KubeObject, type WatchKey, type WatchStatus } from '../../../src/kube/types.js';
import { createStoreForClient, watchTarget, type KubeSource } from '../../../src/store/create-source.js';
import type { ConnectionStatus, DataSource, ResourceSnapshot } from '../../../src/store/types.js';
import { FakeKube, type Call, type FakeWatch } from './fake-kube.js';

interface Collection {
  items: Map<string, KubeObject>;
  /** Lists waiting for the collection's first set(). */
  waiting: ((result: ListResult | Error) => void)[];
  failure?: KubeApiError;
}

const collectionId = (path: string, query: Query | URLSearchParams) => {
  const get = (k: string) => (query instanceof URLSearchParams ? query.get(k) : query[k]) ?? '';
  return `${path}|${String(get('labelSelector'))}|${String(get('fieldSelector'))}`;
};

function keyTarget(key: WatchKey): string {
  const target = watchTarget(key);
  if (!target) throw new Error(`no API path for ${watchKeyId(key)}`);
  return collectionId(target.path, { labelSelector: key.labelSelector || undefined, fieldSelector: key.fieldSelector || undefined });
}

/** A failing status set() can script, as the API server's answer that causes it. */
function failureFor(status: WatchStatus): KubeApiError | undefined {
  if (status.state === 'forbidden') return new KubeApiError(status.message ?? 'forbidden', { statusCode: 403, reason: 'Forbidden' });
  if (status.state === 'error') return new KubeApiError(status.message ?? 'error', { statusCode: 404, reason: 'NotFound' });
  return undefined;
}

export class FakeCluster implements DataSource {
  readonly kube = new FakeKube();
  readonly store: KubeSource;
  private readonly collections = new Map<string, Collection>();
  private rv = 1;
  /** Reference counts by watch key id, of what the views acquired. */
  readonly refs = new Map<string, number>();

  constructor() {
    this.store = createStoreForClient(this.kube, { coalesceMs: 0 });
    this.kube.routes = new Proxy({}, { has: () => true, get: () => (call: Call) => this.answer(call) });
  }

  private collection(id: string): Collection {
    let c = this.collections.get(id);
    if (!c) {
      c = { items: new Map(), waiting: [] };
      this.collections.set(id, c);
    }
    return c;
  }

  private down: KubeApiError | undefined;

  /** The API server stops answering: watches end and lists fail with `reason` until set() again. */
  disconnect(reason: string): void {
    this.down = new KubeApiError(reason, { code: 'ECONNREFUSED' });
    for (const w of this.kube.active) w.end(this.down);
  }

  private answer(call: Call): unknown {
    if (this.down) return this.down;
    const [path = '', qs = ''] = call.path.split('?');
    const c = this.collections.get(collectionId(path, new URLSearchParams(qs)));
    if (c?.failure) return c.failure;
    if (c && c.waiting.length === 0 && this.isSet(c)) return { items: [...c.items.values()], resourceVersion: String(this.rv) };
    return new Promise((resolve, reject) => {
      this.collection(collectionId(path, new URLSearchParams(qs))).waiting.push((r) => (r instanceof Error ? reject(r) : resolve(r)));
    });
  }

  private readonly setOnce = new WeakSet<Collection>();
  private isSet(c: Collection): boolean {
    return this.setOnce.has(c);
  }

  /** The collection the API server holds for `key`; open watches hear the difference. */
  set(key: WatchKey, items: readonly KubeObject[], status: WatchStatus = { state: 'live', stale: false }): void {
    const id = keyTarget(key);
    const c = this.collection(id);
    c.failure = failureFor(status);
    const rv = String(++this.rv);
    const next = new Map(items.map((o) => [objectKey(o), o]));
    const events: ['ADDED' | 'MODIFIED' | 'DELETED', KubeObject][] = [];
    for (const [k, o] of c.items) if (!next.has(k)) events.push(['DELETED', { ...o, metadata: { ...o.metadata, resourceVersion: rv } }]);
    for (const [k, o] of next) {
      const before = c.items.get(k);
      if (before !== o) events.push([before ? 'MODIFIED' : 'ADDED', { ...o, metadata: { ...o.metadata, resourceVersion: rv } }]);
    }
    c.items = next;
    this.setOnce.add(c);
    for (const resolve of c.waiting.splice(0)) resolve(c.failure ?? { items: [...next.values()], resourceVersion: rv });
    if (c.failure) {
      for (const w of this.watchesOf(id)) w.end(c.failure);
      return;
    }
    for (const w of this.watchesOf(id)) for (const [type, obj] of events) w.emit(type, structuredClone(obj));
  }

  private watchesOf(id: string): FakeWatch[] {
    return this.kube.active.filter((w) => collectionId(w.path, w.query) === id);
  }

  /** Keys currently held, as ids ("pods|default||"). */
  held(): string[] {
    return [...this.refs].filter(([, n]) => n > 0).map(([id]) => id).sort();
  }

  acquire(key: WatchKey): () => void {
    const id = watchKeyId(key);
    this.refs.set(id, (this.refs.get(id) ?? 0) + 1);
    const release = this.store.acquire(key);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.refs.set(id, (this.refs.get(id) ?? 1) - 1);
      release();
    };
  }

  snapshot(key: WatchKey): ResourceSnapshot {
    return this.store.snapshot(key);
  }

  connection(): ConnectionStatus {
    return this.store.connection();
  }

  subscribe(listener: () => void): () => void {
    return this.store.subscribe(listener);
  }
}
