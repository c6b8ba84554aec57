import { describe, expect, it } from 'vitest';
import type { PrefsStore } from '../../../src/app/types.js';
import { prefetchStartupWatches, startupWatchKeys } from '../../../src/cli/prefetch.js';
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
    const release = prefetchStartupWatches(source, { prefs: prefs(), context: 'c', allNamespaces: true });
    expect([...held.values()].every((n) => n === 1)).toBe(true);
    expect(held.size).toBeGreaterThan(1);
    release();
    expect([...held.values()].every((n) => n === 0)).toBe(true);
  });
});
