import { describe, expect, it, vi } from 'vitest';
import type { PrefsStore } from '../../../src/config/types.js';
import { firstLists, prefetchStartupWatches, startupWatchKeys } from '../../../src/cli/prefetch.js';
import { watchKeyId, type WatchKey } from '../../../src/kube/types.js';
import type { DataSource } from '../../../src/store/types.js';

const prefs = (p: { namespace?: string; view?: string } = {}): PrefsStore => ({ get: () => ({ favourites: [], ...p }), set: () => undefined });

describe('startup prefetch', () => {
  it('watches what the initial panes show, plus all pods for the Nodes PODS column', () => {
    const all = startupWatchKeys({ prefs: prefs(), context: 'c', allNamespaces: true }).map(watchKeyId).sort();
    expect(all).toContain(watchKeyId({ kind: 'pods' }));
    expect(all).toContain(watchKeyId({ kind: 'nodes' }));
    expect(new Set(all).size).toBe(all.length);
  });

  it('scopes namespaced kinds to -n, or to the remembered namespace', () => {
    const flag = startupWatchKeys({ prefs: prefs({ namespace: 'remembered' }), context: 'c', initialNamespace: 'dev', allNamespaces: false });
    expect(flag.map(watchKeyId)).toContain(watchKeyId({ kind: 'pods', namespace: 'dev' }));
    const remembered = startupWatchKeys({ prefs: prefs({ namespace: 'remembered' }), context: 'c', allNamespaces: false });
    expect(remembered.map(watchKeyId)).toContain(watchKeyId({ kind: 'pods', namespace: 'remembered' }));
  });

  it('acquires each key once and releases them all', () => {
    const held = new Map<string, number>();
    const source = {
      acquire(key: WatchKey) {
        const id = watchKeyId(key);
        held.set(id, (held.get(id) ?? 0) + 1);
        return () => held.set(id, (held.get(id) ?? 0) - 1);
      },
    } as unknown as DataSource;
    const { keys, release } = prefetchStartupWatches(source, { prefs: prefs(), context: 'c', allNamespaces: true });
    expect([...held.values()].every((n) => n === 1)).toBe(true);
    expect(held.size).toBeGreaterThan(1);
    expect(keys.map(watchKeyId).sort()).toEqual([...held.keys()].sort());
    release();
    expect([...held.values()].every((n) => n === 0)).toBe(true);
  });
});

/** A source whose keys are loading until `load(id)`; subscribers hear every change. */
function loadingSource() {
  const loaded = new Set<string>();
  const listeners = new Set<() => void>();
  const source = {
    snapshot: (key: WatchKey) => ({ status: { state: loaded.has(watchKeyId(key)) ? 'live' : 'loading', stale: false } }),
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as DataSource;
  const load = (key: WatchKey) => {
    loaded.add(watchKeyId(key));
    for (const l of [...listeners]) l();
  };
  return { source, load, listeners };
}

describe('firstLists', () => {
  const keys: WatchKey[] = [{ kind: 'pods' }, { kind: 'nodes' }];

  it('resolves once every key has its first list, and unsubscribes', async () => {
    const { source, load, listeners } = loadingSource();
    let done = false;
    const waiting = firstLists(source, keys, 60_000).then(() => (done = true));
    load(keys[0]!);
    await Promise.resolve();
    expect(done).toBe(false);
    load(keys[1]!);
    await waiting;
    expect(listeners.size).toBe(0);
  });

  it('gives up after the cap', async () => {
    vi.useFakeTimers();
    try {
      const { source, listeners } = loadingSource();
      let done = false;
      const waiting = firstLists(source, keys, 300).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(299);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await waiting;
      expect(done).toBe(true);
      expect(listeners.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
