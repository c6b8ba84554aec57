import { describe, expect, it } from 'vitest';
import { capacityOf, nodeAllocatable, podLimits } from '../../../src/metrics/capacity.js';

const pod = (spec: Record<string, unknown>) => ({ metadata: { name: 'p', namespace: 'default' }, spec });
const limited = (...l: (Record<string, string> | undefined)[]) => pod({ containers: l.map((x, i) => ({ name: `c${i}`, resources: x ? { limits: x } : {} })) });

describe('capacities', () => {
  it("a node's allocatable", () => {
    const node = { metadata: { name: 'n' }, status: { allocatable: { cpu: '3500m', memory: '8Gi', pods: '110' } } };
    expect(nodeAllocatable(node)).toEqual({ cpu: 3.5, memory: 8 * 1024 ** 3, label: 'allocatable' });
    expect(capacityOf('nodes', node)).toBe(capacityOf('nodes', node));
  });

  it("a pod's limit is the containers' sum, and none when one container has none", () => {
    expect(podLimits(limited({ cpu: '500m', memory: '128Mi' }, { cpu: '250m', memory: '64Mi' }))).toEqual({ cpu: 0.75, memory: 192 * 1024 ** 2, label: 'limit' });
    expect(podLimits(limited({ cpu: '500m' }, undefined))).toEqual({ cpu: undefined, memory: undefined, label: 'limit' });
    expect(podLimits(limited({ memory: '1Gi' })).cpu).toBeUndefined();
  });

  it('counts sidecars, the largest init container, and overhead, as describe does', () => {
    const p = pod({
      initContainers: [{ name: 's', restartPolicy: 'Always', resources: { limits: { cpu: '100m' } } }],
      containers: [{ name: 'c', resources: { limits: { cpu: '400m', memory: '1Gi' } } }],
      overhead: { cpu: '50m', memory: '10Mi' },
    });
    expect(podLimits(p)).toEqual({ cpu: 0.55, memory: 1034 * 1024 ** 2, label: 'limit' });
  });

  it('a pod-level limit bounds the pod even when a container has none', () => {
    const p = pod({ resources: { limits: { cpu: '2' } }, containers: [{ name: 'c' }] });
    expect(podLimits(p)).toEqual({ cpu: 2, memory: undefined, label: 'limit' });
  });
});
