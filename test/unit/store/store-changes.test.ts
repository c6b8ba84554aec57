import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Informer } from '../../../src/kube/informer.js';
import type { WatchKey } from '../../../src/kube/types.js';
import { ResourceStore } from '../../../src/store/resource-store.js';
import { sortedItems } from '../../../src/store/sorted-items.js';
import { FakeKube } from '../fakes/fake-kube.js';
import { pod } from '../kube/objects.js';

const PODS: WatchKey = { kind: 'pods' };
let client: FakeKube;
let store: ResourceStore;
let informer: Informer | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  client = new FakeKube({ objects: [] });
  store = new ResourceStore({
    createWatcher(key, onChange) {
      informer = new Informer({ client, key, target: { path: '/api/v1/pods', plural: 'pods' }, onChange, random: () => 0.5 });
      return informer;
    },
  });
});
afterEach(() => {
  store.dispose();
  vi.useRealTimers();
});

const tick = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

describe('ResourceStore snapshots say what changed', () => {
  it('patches the last items on watch events and names the removed and added objects', async () => {
    store.acquire(PODS);
    await tick(200);
    for (let i = 0; i < 100; i++) client.last.emit('ADDED', pod(`p${String(i).padStart(3, '0')}`, `ns${i % 3}`, String(10 + i)));
    await tick(200);
    const first = store.snapshot(PODS);
    expect(first.items).toHaveLength(100);

    const old = first.items[5];
    client.last.emit('MODIFIED', { ...pod(old?.metadata.name ?? '', old?.metadata.namespace, '500') });
    client.last.emit('DELETED', pod('p007', 'ns1', '501'));
    client.last.emit('ADDED', pod('a-new', 'ns2', '502'));
    await tick(200);
    const next = store.snapshot(PODS);
    expect(next.changes?.base).toBe(first.items);
    expect(next.changes?.removed.map((o) => o.metadata.name).sort()).toEqual([old?.metadata.name, 'p007'].sort());
    expect(next.changes?.added.map((o) => o.metadata.name).sort()).toEqual(['a-new', old?.metadata.name].sort());
    expect(next.items).toEqual(sortedItems(informer?.items ?? new Map()));
    expect(next.items).toHaveLength(100);
  });

  it('sends a change after a quiet spell at once, and throttles the ones right behind it', async () => {
    let notified = 0;
    store.subscribe(() => notified++);
    store.acquire(PODS);
    await tick(1000);
    notified = 0;
    client.last.emit('ADDED', pod('quiet', 'default', '900'));
    await tick(0);
    expect(notified).toBe(1);
    client.last.emit('ADDED', pod('next', 'default', '901'));
    await tick(100);
    expect(notified).toBe(1);
    await tick(60);
    expect(notified).toBe(2);
  });
});
