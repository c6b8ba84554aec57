import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Informer, type InformerOptions, type InformerTiming, type WatchTarget } from '../../../src/kube/informer.js';
import type { WatchKey } from '../../../src/kube/types.js';
import { FakeKube } from '../fakes/fake-kube.js';
import { httpError, pod, refused } from './objects.js';

const PODS: WatchTarget = { path: '/api/v1/namespaces/default/pods', plural: 'pods', namespace: 'default' };
const KEY: WatchKey = { kind: 'pods', namespace: 'default' };

let client: FakeKube;
let changes = 0;
const started: Informer[] = [];

function start(timing: InformerTiming & Pick<InformerOptions, 'recovered'> = {}, target = PODS, key = KEY): Informer {
  const inf = new Informer({ client, key, target, onChange: () => changes++, random: () => 0.5, ...timing });
  started.push(inf);
  inf.start();
  return inf;
}

const tick = (ms = 0) => vi.advanceTimersByTimeAsync(ms);
const names = (inf: Informer) => [...inf.items.keys()].sort();

beforeEach(() => {
  vi.useFakeTimers();
  client = new FakeKube({ objects: [] });
  changes = 0;
});
afterEach(() => {
  for (const inf of started.splice(0)) inf.stop();
  vi.useRealTimers();
});

describe('Informer', () => {
  it('lists, then watches from the list resourceVersion with bookmarks and a server timeout', async () => {
    client.objects = [pod('a'), pod('b')];
    client.rv = '42';
    const inf = start();
    expect(inf.status.state).toBe('loading');
    await tick();
    expect(client.lists).toEqual([{ path: PODS.path, query: { labelSelector: undefined, fieldSelector: undefined, limit: 500, continue: undefined } }]);
    expect(names(inf)).toEqual(['default/a', 'default/b']);
    expect(inf.status).toMatchObject({ state: 'live', stale: false });
    expect(client.watches).toHaveLength(1);
    expect(client.last.path).toBe(PODS.path);
    expect(client.last.query).toMatchObject({ resourceVersion: '42', allowWatchBookmarks: true });
    const timeout = client.last.query.timeoutSeconds as number;
    expect(timeout).toBeGreaterThanOrEqual(300);
    expect(timeout).toBeLessThanOrEqual(600);
  });

  it('lists in pages of 500, following continue tokens, and keeps the old items until the last page is in', async () => {
    client.objects = Array.from({ length: 1_234 }, (_, i) => pod(`p${String(i).padStart(4, '0')}`));
    client.rv = '77';
    const inf = start();
    await tick();
    expect(client.lists.map((l) => [l.query?.limit, l.query?.continue])).toEqual([[500, undefined], [500, '500'], [500, '1000']]);
    expect(inf.items.size).toBe(1_234);
    expect(client.last.query.resourceVersion).toBe('77');
    // A relist that fails half-way (its continue token expired) leaves the cache as it was.
    client.objects = client.objects.slice(0, 600);
    client.listErrors = [];
    const failing = client.list.bind(client);
    client.list = (path, query) => (query?.continue ? Promise.reject(httpError(410, 'expired')) : failing(path, query));
    client.last.end(httpError(410, 'too old'));
    await tick();
    expect(inf.items.size).toBe(1_234);
  });

  it('passes label and field selectors to list and watch', async () => {
    start({}, PODS, { ...KEY, labelSelector: 'app=web', fieldSelector: 'status.phase=Running' });
    await tick();
    expect(client.lists[0]?.query).toEqual({ labelSelector: 'app=web', fieldSelector: 'status.phase=Running', limit: 500, continue: undefined });
    expect(client.last.query).toMatchObject({ labelSelector: 'app=web', fieldSelector: 'status.phase=Running' });
  });

  it('strips managedFields from listed and watched objects', async () => {
    client.objects = [pod('a')];
    const inf = start();
    await tick();
    client.last.emit('ADDED', pod('b', 'default', '101'));
    client.last.emit('MODIFIED', pod('a', 'default', '102'));
    for (const obj of inf.items.values()) expect(obj.metadata).not.toHaveProperty('managedFields');
    expect(inf.items.get('default/a')?.metadata.resourceVersion).toBe('102');
  });

  it('applies ADDED/MODIFIED/DELETED and re-watches from the last resourceVersion when the server ends the stream', async () => {
    client.objects = [pod('a')];
    const inf = start();
    await tick();
    client.last.emit('ADDED', pod('b', 'default', '101'));
    client.last.emit('DELETED', pod('a', 'default', '102'));
    client.last.emit('BOOKMARK', { metadata: { name: '', resourceVersion: '150' } });
    expect(names(inf)).toEqual(['default/b']);
    client.last.end();
    await tick();
    expect(client.lists).toHaveLength(1);
    expect(client.watches).toHaveLength(2);
    expect(client.last.query.resourceVersion).toBe('150');
  });

  it('relists on a 410 ERROR event, removing objects that vanished', async () => {
    client.objects = [pod('a'), pod('b'), pod('c')];
    const inf = start();
    await tick();
    client.objects = [pod('b', 'default', '300'), pod('d')];
    client.rv = '300';
    client.last.emit('ERROR', { kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version: 1 (250)' });
    expect(client.watches[0]?.aborted).toBe(true);
    await tick();
    expect(client.lists).toHaveLength(2);
    expect(names(inf)).toEqual(['default/b', 'default/d']);
    expect(inf.items.get('default/b')?.metadata.resourceVersion).toBe('300');
    expect(client.last.query.resourceVersion).toBe('300');
    expect(inf.status).toMatchObject({ state: 'live', stale: false });
  });

  it('relists when the watch request itself answers HTTP 410', async () => {
    client.objects = [pod('a')];
    const inf = start();
    await tick();
    client.objects = [];
    client.last.end(httpError(410, 'Gone'));
    await tick();
    expect(client.lists).toHaveLength(2);
    expect(inf.items.size).toBe(0);
  });

  it('keeps the items, marks them stale and backs off exponentially on connection errors', async () => {
    client.objects = [pod('a')];
    const inf = start({ backoffInitialMs: 500, backoffMaxMs: 30_000 });
    await tick();
    client.watchErrors = [refused(), refused(), refused()];
    client.last.end(refused());
    await tick();
    expect(inf.status).toEqual({
      state: 'reconnecting',
      message: 'connect ECONNREFUSED 127.0.0.1:6443',
      stale: true,
      lastSync: expect.any(Number),
      staleSince: Date.now(),
      attempt: 1,
      retryAt: Date.now() + 500,
    });
    expect(names(inf)).toEqual(['default/a']);
    // random() = 0.5 → no jitter: 500, 1000, 2000, 4000 ms
    const counts: number[] = [];
    for (const wait of [499, 1, 999, 1, 1999, 1, 3999, 1]) {
      await tick(wait);
      counts.push(client.watches.length);
    }
    expect(counts).toEqual([1, 2, 2, 3, 3, 4, 4, 5]);
    // Resumed from the last resourceVersion, no relist: each retry first checked the server's history with a one-item list.
    expect(client.lists.map((l) => l.query?.limit)).toEqual([500, 1, 1, 1, 1]);
    expect(client.last.query.resourceVersion).toBe('100');
    expect(inf.status).toMatchObject({ state: 'live', stale: false });
    expect(client.maxConcurrentWatches).toBe(1);
  });

  it('is reconnecting but not stale when no list ever answered (nothing old is shown)', async () => {
    client.listErrors = [refused(), refused()];
    const inf = start({ backoffInitialMs: 500, backoffMaxMs: 30_000 });
    await tick();
    expect(inf.status).toMatchObject({ state: 'reconnecting', stale: false });
    expect(inf.status.staleSince).toBeUndefined();
    await tick(500);
    expect(inf.status).toMatchObject({ state: 'reconnecting', stale: false });
    await tick(1000);
    expect(inf.status).toMatchObject({ state: 'live', stale: false });
  });

  it('caps the backoff and retries a failing list', async () => {
    client.listErrors = Array.from({ length: 100 }, refused);
    const inf = start({ backoffInitialMs: 500, backoffMaxMs: 30_000 });
    await tick(5 * 60_000);
    const listsAfter5Min = client.lists.length;
    await tick(60_000);
    expect(client.lists.length - listsAfter5Min).toBe(2); // every 30 s once capped
    expect(inf.status.state).toBe('reconnecting');
    client.listErrors = [];
    await tick(30_000);
    expect(inf.status.state).toBe('live');
  });

  it('restarts a watch that has been silent longer than the watchdog threshold; bookmarks count as activity', async () => {
    const inf = start({ watchdogMs: 10_000 });
    await tick();
    await tick(9_000);
    client.rv = '120';
    client.last.emit('BOOKMARK', { metadata: { name: '', resourceVersion: '120' } });
    await tick(9_000);
    expect(client.watches).toHaveLength(1);
    await tick(1_001);
    expect(client.watches[0]?.aborted).toBe(true);
    expect(inf.status).toMatchObject({ state: 'reconnecting', message: 'watch silent for 10s, reconnecting' });
    await tick(500);
    expect(client.watches).toHaveLength(2);
    expect(client.last.query.resourceVersion).toBe('120');
    expect(client.maxConcurrentWatches).toBe(1);
  });

  it('the watchdog also covers a watch that never connects', async () => {
    client.openWatches = false;
    start({ watchdogMs: 5_000 });
    await tick(5_001);
    expect(client.watches[0]?.aborted).toBe(true);
    await tick(600);
    expect(client.watches).toHaveLength(2);
  });

  it('reports 403 as forbidden in the namespace and retries, backing off to refusedRetryMs, so restored RBAC shows within seconds', async () => {
    client.listErrors = Array.from({ length: 5 }, () => httpError(403, 'pods is forbidden: User "x" cannot list resource "pods"'));
    const inf = start({ refusedRetryMs: 5_000 });
    await tick();
    expect(inf.status).toEqual({ state: 'forbidden', message: 'forbidden: cannot list pods in namespace default', stale: false, attempt: 1, retryAt: Date.now() + 500 });
    await tick(500 + 1_000 + 2_000 + 4_000);
    expect(client.lists).toHaveLength(5);
    await tick(4_999); // the cap, not the 8 s the backoff would reach
    expect(client.lists).toHaveLength(5);
    await tick(1);
    expect(client.lists).toHaveLength(6);
    expect(inf.status.state).toBe('live');
  });

  it('retries a kind the server does not serve (404) slowly', async () => {
    client.listErrors = [httpError(404)];
    const inf = start({ slowRetryMs: 30_000 });
    await tick();
    expect(inf.status).toMatchObject({ state: 'error', message: 'not found: the server does not serve pods', retryAt: Date.now() + 30_000 });
    await tick(29_999);
    expect(client.lists).toHaveLength(1);
    await tick(1);
    expect(client.lists).toHaveLength(2);
  });

  it.each([
    ['refused connection', refused()],
    ['401', httpError(401)],
    ['403', httpError(403)],
  ])('a watch waiting to retry after a %s tries at once when the server answers again', async (_, error) => {
    let recover = () => {};
    let subscribed = 0;
    client.listErrors = [error, error];
    const inf = start({
      backoffInitialMs: 20_000,
      recovered: (listener) => {
        subscribed++;
        recover = listener;
        return () => subscribed--;
      },
    });
    await tick();
    expect(client.lists).toHaveLength(1);
    expect(inf.status.state).not.toBe('live');
    recover();
    await tick();
    expect(client.lists).toHaveLength(2);
    recover();
    await tick();
    expect(client.lists).toHaveLength(3);
    expect(inf.status.state).toBe('live');
    recover(); // live: nothing to do
    await tick();
    expect(client.lists).toHaveLength(3);
    inf.stop();
    expect(subscribed).toBe(0);
  });

  it('reports 403 at the cluster scope for all namespaces', async () => {
    client.listErrors = [httpError(403)];
    const inf = start({}, { path: '/api/v1/nodes', plural: 'nodes' }, { kind: 'nodes' });
    await tick();
    expect(inf.status.message).toBe('forbidden: cannot list nodes at the cluster scope');
  });

  it('stop aborts the watch and nothing restarts afterwards', async () => {
    const inf = start();
    await tick();
    inf.stop();
    expect(client.last.aborted).toBe(true);
    await tick(120_000);
    expect(client.watches).toHaveLength(1);
    expect(client.lists).toHaveLength(1);
  });

  it('stop during a backoff wait cancels the retry', async () => {
    client.listErrors = [refused()];
    const inf = start();
    await tick();
    inf.stop();
    await tick(60_000);
    expect(client.lists).toHaveLength(1);
    expect(client.watches).toHaveLength(0);
  });

  it('re-watches at once after a quiet watch that stayed open a while', async () => {
    start({ watchdogMs: 60_000 });
    await tick();
    await tick(20_000);
    client.last.end();
    await tick();
    expect(client.watches).toHaveLength(2);
  });

  it('backs off when the server closes watches immediately without events', async () => {
    start();
    await tick();
    client.last.end();
    await tick();
    expect(client.watches).toHaveLength(1);
    await tick(500);
    expect(client.watches).toHaveLength(2);
  });
});
