import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Informer } from '../../../src/kube/informer.js';
import type { WatchKey } from '../../../src/kube/types.js';
import { ResourceStore } from '../../../src/store/resource-store.js';
import { FakeKube } from '../fakes/fake-kube.js';
import { pod, refused } from '../kube/objects.js';

const PODS: WatchKey = { kind: 'pods', namespace: 'default' };
const NODES: WatchKey = { kind: 'nodes' };

let client: FakeKube;
let store: ResourceStore;
let created: WatchKey[];
let notified: number;

function makeStore(opts: { coalesceMs?: number; lingerMs?: number } = {}): ResourceStore {
  const s = new ResourceStore({
    ...opts,
    createWatcher(key, onChange) {
      created.push(key);
      const path = key.namespace ? `/api/v1/namespaces/${key.namespace}/${key.kind}` : `/api/v1/${key.kind}`;
      return new Informer({ client, key, target: { path, plural: key.kind, namespace: key.namespace }, onChange, random: () => 0.5 });
    },
  });
  s.subscribe(() => notified++);
  return s;
}

const tick = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
  client = new FakeKube({ objects: [] });
  created = [];
  notified = 0;
  store = makeStore();
});
afterEach(() => {
  store.dispose();
  vi.useRealTimers();
});

describe('ResourceStore', () => {
  it('coalesces 1,000 events into at most a couple of notifications', async () => {
    store.acquire(PODS);
    await tick(200);
    notified = 0;
    for (let i = 0; i < 1000; i++) client.last.emit('ADDED', pod(`p${String(i).padStart(4, '0')}`, 'default', String(200 + i)));
    await tick(1000);
    expect(notified).toBeGreaterThanOrEqual(1);
    expect(notified).toBeLessThanOrEqual(2);
    expect(store.snapshot(PODS).items).toHaveLength(1000);
  });

  it('notifies at most once per window during a steady stream, with a trailing flush', async () => {
    store.acquire(PODS);
    await tick(200);
    notified = 0;
    for (let i = 0; i < 100; i++) {
      client.last.emit('ADDED', pod(`p${i}`, 'default', String(300 + i)));
      await tick(10); // 100 events over 1 s
    }
    await tick(150);
    expect(notified).toBeLessThanOrEqual(Math.ceil(1150 / 150));
    expect(store.snapshot(PODS).items).toHaveLength(100);
  });

  it('keeps snapshot identity until the collection changes, with items in a stable order', async () => {
    client.objects = [pod('b', 'kube-system'), pod('z'), pod('a'), pod('a', 'a-b')];
    store.acquire({ kind: 'pods' });
    await tick(200);
    const first = store.snapshot({ kind: 'pods' });
    expect(first.status.state).toBe('live');
    expect(first.items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['a-b/a', 'default/a', 'default/z', 'kube-system/b']);
    expect(store.snapshot({ kind: 'pods' })).toBe(first);
    client.last.emit('BOOKMARK', { metadata: { name: '', resourceVersion: '500' } });
    await tick(200);
    expect(store.snapshot({ kind: 'pods' })).toBe(first);
    client.last.emit('MODIFIED', pod('z', 'default', '501'));
    await tick(200);
    const second = store.snapshot({ kind: 'pods' });
    expect(second).not.toBe(first);
    expect(second.version).toBeGreaterThan(first.version);
    expect(store.snapshot({ kind: 'pods' })).toBe(second);
  });

  it('builds the items array lazily, once per published version', async () => {
    store.acquire(PODS);
    await tick(200);
    const spy = vi.spyOn(Array.prototype, 'sort');
    for (let i = 0; i < 500; i++) client.last.emit('ADDED', pod(`p${i}`, 'default', String(100 + i)));
    expect(spy).not.toHaveBeenCalled();
    await tick(200);
    store.snapshot(PODS);
    store.snapshot(PODS);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('shares one watch between holders and stops it after the last release and the linger', async () => {
    const release1 = store.acquire(PODS);
    const release2 = store.acquire({ ...PODS });
    await tick();
    expect(created).toHaveLength(1);
    release1();
    release1(); // idempotent
    await tick(5000);
    expect(client.last.aborted).toBe(false);
    release2();
    await tick(1999);
    expect(client.last.aborted).toBe(false);
    await tick(1);
    expect(client.last.aborted).toBe(true);
    expect(store.activeCount).toBe(0);
    expect(store.snapshot(PODS).items).toEqual([]);
  });

  it('re-acquiring within the linger keeps the running watch', async () => {
    store.acquire(PODS)();
    await tick(1000);
    store.acquire(PODS);
    await tick(10_000);
    expect(created).toHaveLength(1);
    expect(client.watches).toHaveLength(1);
    expect(client.last.aborted).toBe(false);
  });

  it('returns a stable empty snapshot for a key nobody holds', () => {
    const a = store.snapshot(NODES);
    expect(a).toMatchObject({ items: [], version: 0, status: { state: 'loading', stale: false } });
    expect(store.snapshot({ kind: 'nodes' })).toBe(a);
  });

  it('summarises the connection: connecting, live, reconnecting with the reason, live again', async () => {
    expect(store.connection()).toEqual({ state: 'connecting' });
    store.acquire(PODS);
    store.acquire(NODES);
    await tick(200);
    const live = store.connection();
    expect(live).toEqual({ state: 'live' });
    expect(store.connection()).toBe(live);
    client.watchErrors = [refused(), refused()];
    client.watches[0]?.end(refused());
    await tick(200);
    // The retry to come and when, and since when the rows are stale, for the header to show.
    expect(store.connection()).toEqual({
      state: 'reconnecting',
      reason: 'connect ECONNREFUSED 127.0.0.1:6443',
      attempt: 1,
      retryAt: expect.any(Number),
      staleSince: expect.any(Number),
    });
    expect(store.snapshot(PODS).status).toMatchObject({ state: 'reconnecting', stale: true });
    await tick(5000);
    expect(store.connection()).toEqual({ state: 'live' });
  });

  it('a forbidden collection makes the state forbidden, never live', async () => {
    client.listErrors = [Object.assign(refused(), { statusCode: 403, code: undefined })];
    store.acquire(NODES);
    await tick(200);
    expect(store.snapshot(NODES).status).toMatchObject({ state: 'forbidden', message: 'forbidden: cannot list nodes at the cluster scope' });
    expect(store.connection()).toEqual({ state: 'forbidden', reason: 'forbidden: cannot list nodes at the cluster scope' });
  });

  it('dispose stops every watch and silences listeners', async () => {
    store.acquire(PODS);
    store.acquire(NODES);
    await tick(200);
    notified = 0;
    store.dispose();
    expect(client.watches.every((w) => w.aborted)).toBe(true);
    await tick(60_000);
    expect(notified).toBe(0);
  });
});
