import { describe, expect, it } from 'vitest';
import { countPodsByNode, updatePodCounts } from '../../../src/hooks/usePodCounts.js';
import type { KubeObject } from '../../../src/kube/types.js';
import type { ResourceSnapshot } from '../../../src/store/types.js';

const pod = (name: string, node?: string, rv = '1'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', resourceVersion: rv },
  spec: node ? { nodeName: node } : {},
});
const snap = (items: KubeObject[], changes?: ResourceSnapshot['changes']): ResourceSnapshot => ({
  key: { kind: 'pods' },
  items,
  version: 1,
  status: { state: 'live', stale: false },
  changes,
});

describe('updatePodCounts', () => {
  it('applies a snapshot’s changes to the last counts, equal to counting again', () => {
    const a = pod('a', 'n1');
    const b = pod('b', 'n1');
    const c = pod('c', 'n2');
    const first = updatePodCounts(undefined, snap([a, b, c]));
    expect(Object.fromEntries(first.counts)).toEqual({ n1: 2, n2: 1 });

    const moved = pod('b', 'n2', '2');
    const d = pod('d');
    const items = [a, moved, c, d];
    const next = updatePodCounts(first, snap(items, { base: first.items, removed: [b], added: [moved, d] }));
    expect(next.counts).toEqual(countPodsByNode(items));
    expect(Object.fromEntries(next.counts)).toEqual({ n1: 1, n2: 2 });
  });

  it('keeps the same map while no count changed, and recounts when the base is not the last items', () => {
    const a = pod('a', 'n1');
    const first = updatePodCounts(undefined, snap([a]));
    const a2 = pod('a', 'n1', '2');
    const same = updatePodCounts(first, snap([a2], { base: first.items, removed: [a], added: [a2] }));
    expect(same.counts).toBe(first.counts);
    const other = updatePodCounts(first, snap([pod('x', 'n9')], { base: [], removed: [], added: [] }));
    expect(Object.fromEntries(other.counts)).toEqual({ n9: 1 });
  });
});
