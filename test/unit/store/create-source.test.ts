import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WatchKey } from '../../../src/kube/types.js';
import { createStoreForClient, watchTarget } from '../../../src/store/create-source.js';
import { FakeKube } from '../fakes/fake-kube.js';
import { pod } from '../kube/objects.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createStoreForClient', () => {
  it('watches through the client at the path the resolver gives', async () => {
    const client = new FakeKube({ objects: [] });
    client.objects = [pod('a')];
    const resolve = (key: WatchKey) =>
      key.kind === 'pods' ? { path: `/api/v1/namespaces/${key.namespace}/pods`, plural: 'pods', namespace: key.namespace } : undefined;
    const store = createStoreForClient(client, { resolve });
    expect(store.client).toBe(client);
    store.acquire({ kind: 'pods', namespace: 'web' });
    store.acquire({ kind: 'nosuchkind' });
    await vi.advanceTimersByTimeAsync(200);
    expect(client.last.path).toBe('/api/v1/namespaces/web/pods');
    expect(store.snapshot({ kind: 'pods', namespace: 'web' }).items.map((o) => o.metadata.name)).toEqual(['a']);
    expect(store.snapshot({ kind: 'nosuchkind' }).status).toEqual({ state: 'error', message: 'unknown resource kind "nosuchkind"', stale: false });
    store.dispose();
    expect(client.last.aborted).toBe(true);
  });
});

describe('watchTarget', () => {
  it('resolves namespaced and cluster-scoped kinds through the registry', () => {
    expect(watchTarget({ kind: 'pods', namespace: 'web' })).toEqual({ path: '/api/v1/namespaces/web/pods', plural: 'pods', namespace: 'web' });
    expect(watchTarget({ kind: 'pods' })).toEqual({ path: '/api/v1/pods', plural: 'pods', namespace: undefined });
    expect(watchTarget({ kind: 'nodes', namespace: 'web' })).toEqual({ path: '/api/v1/nodes', plural: 'nodes', namespace: undefined });
    expect(watchTarget({ kind: 'nosuchkind' })).toBeUndefined();
  });
});
