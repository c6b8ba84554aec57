import { describe, expect, it } from 'vitest';
import { apiPath, findKind, KINDS } from '../../../src/kinds/registry.js';
import type { KubeObject } from '../../../src/kube/types.js';
import { columnsFor } from '../../../src/render/columns.js';
import { byName, loadItems, NOW } from './fixture.js';

const spec = (name: string) => {
  const s = findKind(name);
  if (!s) throw new Error(`unknown kind ${name}`);
  return s;
};

describe('findKind', () => {
  it.each([
    ['pods', ['pods', 'pod', 'po', 'PO', 'Pod', ' pods ']],
    ['nodes', ['nodes', 'node', 'no']],
    ['daemonsets', ['daemonsets', 'daemonset', 'ds', 'daemonsets.apps', 'ds.v1.apps']],
    ['deployments', ['deployments', 'deployment', 'deploy', 'dp', 'Deployment', 'deployments.apps']],
    ['replicasets', ['replicasets', 'replicaset', 'rs']],
    ['statefulsets', ['statefulsets', 'statefulset', 'sts']],
    ['services', ['services', 'service', 'svc']],
    ['namespaces', ['namespaces', 'namespace', 'ns']],
    ['events', ['events', 'event', 'ev']],
    ['replicationcontrollers', ['replicationcontrollers', 'rc', 'ReplicationController']],
  ])('%s', (id, names) => {
    for (const n of names) expect(findKind(n)?.id, n).toBe(id);
  });
  it('rejects unknown names and wrong groups', () => {
    expect(findKind('widgets')).toBeUndefined();
    expect(findKind('deployments.batch')).toBeUndefined();
    expect(findKind('pods.apps')).toBeUndefined();
    expect(findKind('')).toBeUndefined();
  });
});

describe('apiPath', () => {
  it('builds core, group, namespaced and cluster paths', () => {
    expect(apiPath(spec('pods'), 'default')).toBe('/api/v1/namespaces/default/pods');
    expect(apiPath(spec('pods'))).toBe('/api/v1/pods');
    expect(apiPath(spec('ds'), 'x')).toBe('/apis/apps/v1/namespaces/x/daemonsets');
    expect(apiPath(spec('nodes'), 'ignored')).toBe('/api/v1/nodes');
    expect(apiPath(spec('events'))).toBe('/api/v1/events');
  });
});

describe('drill', () => {
  const deploy = loadItems('deployments.json');
  it('goes from a node to its pods in all namespaces', () => {
    const node = loadItems('nodes.json')[0] as KubeObject;
    expect(spec('nodes').drill?.(node)).toEqual({ kind: 'pods', fieldSelector: 'spec.nodeName=control-plane', title: 'pods on node/control-plane' });
  });
  it('goes from a workload to the pods its selector matches', () => {
    expect(spec('deploy').drill?.(byName(deploy, 'api'))).toMatchObject({
      kind: 'pods', namespace: 'default', labelSelector: 'app=api,env in (canary,prod),!legacy,tier,zone notin (b)',
    });
    const ds = byName(loadItems('daemonsets.json'), 'kube-proxy');
    expect(spec('ds').drill?.(ds)).toMatchObject({ namespace: 'kube-system', labelSelector: 'k8s-app=kube-proxy' });
    const sts = byName(loadItems('statefulsets.json'), 'db');
    expect(spec('sts').drill?.(sts)?.labelSelector).toBe('app=db');
    const rs = loadItems('replicasets.json');
    expect(spec('rs').drill?.(byName(rs, 'web-old'))?.labelSelector).toBe('app=web,pod-template-hash=old');
    expect(spec('rs').drill?.(byName(rs, 'bad-selector'))).toBeUndefined();
  });
  it('goes from a service to its selected pods, nowhere without a selector', () => {
    const svcs = loadItems('services.json');
    expect(spec('svc').drill?.(byName(svcs, 'web'))).toMatchObject({ kind: 'pods', namespace: 'default', labelSelector: 'app=web,tier=fe' });
    expect(spec('svc').drill?.(byName(svcs, 'kubernetes'))).toBeUndefined();
  });
  it('goes from a namespace to its pods', () => {
    const ns = byName(loadItems('namespaces.json'), 'default');
    expect(spec('ns').drill?.(ns)).toMatchObject({ kind: 'pods', namespace: 'default' });
  });
});

describe('every kind', () => {
  const fixtures: Record<string, string> = {
    pods: 'pods.json', nodes: 'nodes.json', daemonsets: 'daemonsets.json', deployments: 'deployments.json',
    replicasets: 'replicasets.json', statefulsets: 'statefulsets.json', services: 'services.json',
    namespaces: 'namespaces.json', events: 'events.json', replicationcontrollers: 'replicationcontrollers.json',
  };
  it.each(KINDS.map((k) => [k.id, k] as const))('%s renders one cell per column in both namespace modes', (id, k) => {
    expect(Boolean(k.renderer.clusterScoped)).toBe(!k.namespaced);
    for (const obj of loadItems(fixtures[id] as string)) {
      for (const allNamespaces of [false, true]) {
        const row = k.renderer.render(obj, { now: NOW, allNamespaces, podCountByNode: new Map() });
        expect(row.cells).toHaveLength(columnsFor(k.renderer, allNamespaces).length);
        for (const c of row.cells) expect(typeof c).toBe('string');
      }
    }
  });
  it.each(KINDS.map((k) => [k.id, k] as const))('%s keeps NAME and gives every column a priority', (_id, k) => {
    expect(k.renderer.columns.some((c) => c.name === 'NAME')).toBe(true);
    for (const c of k.renderer.columns) expect(c.priority, c.name).toBeTypeOf('number');
  });
});
