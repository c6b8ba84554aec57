// A pod's effective requests and limits, as kubectl's node describe counts them.
import { describe, expect, it } from 'vitest';
import { podResources, type ResourceMap } from '../../../src/resources/pod-resources.js';
import { formatQuantity } from '../../../src/resources/quantity.js';
import type { KubeObject } from '../../../src/kube/types.js';

const text = (m: ResourceMap) => Object.fromEntries([...m].map(([k, q]) => [k, formatQuantity(q)]));
const c = (name: string, requests?: Record<string, string>, limits?: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  name,
  resources: { requests, limits },
  ...extra,
});
const pod = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject => ({ kind: 'Pod', metadata: { name: 'p' }, spec, status });

describe('podResources', () => {
  it('sums containers; the largest init container (with earlier sidecars) is the floor', () => {
    const p = pod({
      initContainers: [
        c('sidecar', { cpu: '100m' }, undefined, { restartPolicy: 'Always' }),
        c('init-big', { cpu: '1', memory: '1Gi' }),
      ],
      containers: [c('a', { cpu: '200m', memory: '64Mi' }), c('b', { cpu: '300m' })],
    });
    // containers 500m + sidecar 100m = 600m; init-big runs with the sidecar: 1100m, 1Gi.
    expect(text(podResources(p, 'requests'))).toEqual({ cpu: '1100m', memory: '1Gi' });
  });

  it('pod-level cpu/memory win; overhead adds to requests and to set limits only', () => {
    const p = pod({
      resources: { requests: { cpu: '2' }, limits: { memory: '2Gi' } },
      overhead: { cpu: '10m', memory: '1Mi' },
      containers: [c('a', { cpu: '100m', memory: '10Mi' }, { cpu: '500m' })],
    });
    expect(text(podResources(p, 'requests'))).toEqual({ cpu: '2010m', memory: '11Mi' });
    expect(text(podResources(p, 'limits'))).toEqual({ cpu: '510m', memory: '2049Mi' });
  });

  it('with status resources, counts the larger of spec, actuated and allocated', () => {
    const p = pod(
      { containers: [c('a', { cpu: '100m' }, { cpu: '200m' })] },
      { containerStatuses: [{ name: 'a', resources: { requests: { cpu: '150m' }, limits: { cpu: '300m' } }, allocatedResources: { cpu: '120m' } }] },
    );
    expect(text(podResources(p, 'requests', true))).toEqual({ cpu: '150m' });
    expect(text(podResources(p, 'limits', true))).toEqual({ cpu: '300m' });
    expect(text(podResources(p, 'requests'))).toEqual({ cpu: '100m' });
  });

  it('an infeasible resize counts only what is actuated and allocated', () => {
    const p = pod(
      { containers: [c('a', { cpu: '4' }, { cpu: '4' })] },
      {
        conditions: [{ type: 'PodResizePending', status: 'True', reason: 'Infeasible' }],
        containerStatuses: [{ name: 'a', resources: { requests: { cpu: '1' }, limits: { cpu: '1' } }, allocatedResources: { cpu: '1' } }],
      },
    );
    expect(text(podResources(p, 'requests', true))).toEqual({ cpu: '1' });
    expect(text(podResources(p, 'limits', true))).toEqual({ cpu: '1' });
  });
});
