import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCommand } from '../../../src/app/commands.js';
import { API_RESOURCES_HEADERS, apiResourceRows } from '../../../src/kinds/api-resources.js';
import { discoverResources, pluralTitle, specFromDiscovery } from '../../../src/kinds/discovery.js';
import { discoveryCacheFile, readDiscoveryCache, writeDiscoveryCache } from '../../../src/kinds/discovery-cache.js';
import { createDiscoveryService } from '../../../src/kinds/discovery-service.js';
import { findKind, registry } from '../../../src/kinds/registry.js';
import { completeWord, suggestKinds } from '../../../src/kinds/suggest.js';
import { kubectlTableLines } from '../../../src/views/kubectl-table.js';
import { FakeKube, scripted } from '../fakes/fake-kube.js';

/** A fake whose GETs answer from a map of path → body; anything else is a 404. */
function discoveryClient(bodies: Record<string, unknown>): FakeKube & { gets: string[] } {
  const gets: string[] = [];
  const client = scripted((call) => {
    gets.push(call.path);
    if (call.path in bodies) return structuredClone(bodies[call.path]);
    throw new Error(`404 ${call.path}`);
  });
  return Object.assign(client, { gets });
}

const resource = (resource: string, kind: string, extra: Record<string, unknown> = {}) => ({
  resource, responseKind: { group: '', version: '', kind }, scope: 'Namespaced', singularResource: kind.toLowerCase(),
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], ...extra,
});

const AGGREGATED = {
  '/api': {
    kind: 'APIGroupDiscoveryList',
    items: [{ metadata: { name: '' }, versions: [{ version: 'v1', resources: [
      resource('pods', 'Pod', { shortNames: ['po'], categories: ['all'], subresources: [{ subresource: 'log' }, { subresource: 'status' }] }),
      resource('secrets', 'Secret'),
      resource('configmaps', 'ConfigMap', { shortNames: ['cm'] }),
      resource('serviceaccounts', 'ServiceAccount', { shortNames: ['sa'] }),
    ] }] }],
  },
  '/apis': {
    kind: 'APIGroupDiscoveryList',
    items: [
      { metadata: { name: 'rbac.authorization.k8s.io' }, versions: [{ version: 'v1', resources: [resource('clusterrolebindings', 'ClusterRoleBinding', { scope: 'Cluster' })] }] },
      {
        metadata: { name: 'monitoring.coreos.com' },
        versions: [
          { version: 'v1', resources: [resource('servicemonitors', 'ServiceMonitor', { shortNames: ['smon'] }), resource('prometheuses', 'Prometheus', { shortNames: ['prom'], subresources: [{ subresource: 'scale' }] })] },
          { version: 'v1alpha1', resources: [resource('alertmanagerconfigs', 'AlertmanagerConfig')] },
        ],
      },
    ],
  },
};

afterEach(() => registry.setDiscovered([]));

describe('discovery', () => {
  it('reads aggregated discovery at each group preferred version, with subresources and short names', async () => {
    const client = discoveryClient(AGGREGATED);
    const found = await discoverResources(client);
    expect(client.gets.sort()).toEqual(['/api', '/apis']);
    expect(found.map((r) => `${r.plural}.${r.group}/${r.version}`)).toEqual([
      'pods./v1', 'secrets./v1', 'configmaps./v1', 'serviceaccounts./v1', 'clusterrolebindings.rbac.authorization.k8s.io/v1',
      'servicemonitors.monitoring.coreos.com/v1', 'prometheuses.monitoring.coreos.com/v1',
    ]);
    const prom = found.find((r) => r.plural === 'prometheuses');
    expect(prom).toMatchObject({ kind: 'Prometheus', singular: 'prometheus', shortNames: ['prom'], subresources: ['scale'], namespaced: true });
    expect(found.find((r) => r.plural === 'clusterrolebindings')?.namespaced).toBe(false);
  });

  it('falls back to the per-group lists when the server has no aggregated discovery', async () => {
    const client = discoveryClient({
      '/api': { kind: 'APIVersions', versions: ['v1'] },
      '/apis': { kind: 'APIGroupList', groups: [{ name: 'batch', preferredVersion: { groupVersion: 'batch/v1', version: 'v1' } }, { name: 'broken', preferredVersion: { version: 'v1' } }] },
      '/api/v1': { resources: [
        { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['get', 'list'], shortNames: ['po'] },
        { name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] },
      ] },
      '/apis/batch/v1': { resources: [{ name: 'cronjobs', singularName: 'cronjob', namespaced: true, kind: 'CronJob', verbs: ['list'], shortNames: ['cj'] }] },
    });
    const found = await discoverResources(client);
    expect(found.map((r) => [r.plural, r.group, r.subresources])).toEqual([['pods', '', ['log']], ['cronjobs', 'batch', []]]);
  });

  it('makes specs the registry finds by every name kubectl accepts; built-in specs keep their renderer', async () => {
    registry.setDiscovered((await discoverResources(discoveryClient(AGGREGATED))).map(specFromDiscovery));
    for (const name of ['secrets', 'secret', 'Secret', 'SECRETS', 'cm', 'sa', 'smon', 'ServiceMonitor', 'servicemonitors.monitoring.coreos.com', 'servicemonitors.v1.monitoring.coreos.com', 'servicemonitor.monitoring.coreos.com', 'ServiceMonitor.monitoring.coreos.com', 'prom']) {
      expect(findKind(name), name).toBeDefined();
    }
    expect(findKind('smon')?.id).toBe('servicemonitors.monitoring.coreos.com');
    expect(findKind('servicemonitors.v2.monitoring.coreos.com')).toBeUndefined();
    expect(findKind('pods')?.renderer).toBeDefined();
    expect(findKind('pods')?.subresources).toEqual(['log', 'status']);
    expect(findKind('prom')?.title).toBe('Prometheuses');
    expect(findKind('deploy')?.id).toBe('deployments'); // hand-written kinds stay known
  });

  it('titles kinds in the plural', () => {
    expect(pluralTitle('Ingress', 'ingresses')).toBe('Ingresses');
    expect(pluralTitle('NetworkPolicy', 'networkpolicies')).toBe('NetworkPolicies');
    expect(pluralTitle('Endpoints', 'endpoints')).toBe('Endpoints');
  });
});

describe('the : line with discovered kinds', () => {
  it('suggests the closest names for a typo, and Tab completes a prefix', async () => {
    registry.setDiscovered((await discoverResources(discoveryClient(AGGREGATED))).map(specFromDiscovery));
    expect(suggestKinds('secret5')).toEqual(['secrets']);
    expect(parseCommand('secret5', findKind, suggestKinds)).toEqual({ type: 'error', text: 'unknown resource "secret5": did you mean secrets?', unknownKind: 'secret5' });
    expect(parseCommand('smon', findKind, suggestKinds)).toEqual({ type: 'show', kind: 'servicemonitors.monitoring.coreos.com' });
    expect(parseCommand('api-resources', findKind)).toEqual({ type: 'apiResources' });
    expect(completeWord('servicem')).toBe('servicemonitor');
    expect(completeWord('api-', ['api-resources'])).toBe('api-resources');
    expect(completeWord('zzz')).toBe('zzz');
  });

  it(':api-resources has kubectl api-resources columns, core group first', async () => {
    registry.setDiscovered((await discoverResources(discoveryClient(AGGREGATED))).map(specFromDiscovery));
    const lines = kubectlTableLines(API_RESOURCES_HEADERS, apiResourceRows().map((r) => r.cells));
    expect(lines[0]).toMatch(/^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND$/);
    expect(lines[1]).toMatch(/^configmaps +cm +v1 +true +ConfigMap$/);
    expect(lines.find((l) => l.startsWith('servicemonitors'))).toMatch(/^servicemonitors +smon +monitoring.coreos.com\/v1 +true +ServiceMonitor$/);
  });
});

describe('the discovery cache and service', () => {
  it('caches per server on disk and ignores another server or a corrupt file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kt-disc-'));
    const file = discoveryCacheFile(dir, 'https://127.0.0.1:6443');
    expect(file).toBe(join(dir, 'discovery', '127.0.0.1_6443.json'));
    const res = [{ group: '', version: 'v1', plural: 'secrets', singular: 'secret', kind: 'Secret', namespaced: true, verbs: [], shortNames: [], categories: [], subresources: [] }];
    writeDiscoveryCache(file, 'https://127.0.0.1:6443', res);
    expect(readDiscoveryCache(file, 'https://127.0.0.1:6443')).toEqual(res);
    expect(readDiscoveryCache(file, 'https://10.0.0.1:6443')).toBeUndefined();
    writeFileSync(file, '{not json');
    expect(readDiscoveryCache(file, 'https://127.0.0.1:6443')).toBeUndefined();
  });

  it('applies the cache at once, the server in the background, and discovers again when a CRD changes', async () => {
    vi.useFakeTimers();
    try {
      const dir = mkdtempSync(join(tmpdir(), 'kt-disc-'));
      const cacheFile = discoveryCacheFile(dir, 'https://s:6443');
      writeDiscoveryCache(cacheFile, 'https://s:6443', [{ group: 'old.io', version: 'v1', plural: 'olds', singular: 'old', kind: 'Old', namespaced: true, verbs: ['list'], shortNames: [], categories: [], subresources: [] }]);
      const disco = discoveryClient(AGGREGATED);
      const client = new FakeKube({ objects: [] }); // the CRD list: none yet
      const lastWatch = () => client.watches.at(-1)!;
      let answers = 0;
      const service = createDiscoveryService({ discoveryClient: disco, client, server: 'https://s:6443', cacheFile, apply: (s) => registry.setDiscovered(s), onAnswered: () => answers++, debounceMs: 50 });
      expect(service.loadCache()).toBe(true);
      expect(findKind('olds')).toBeDefined();
      expect(disco.gets).toEqual([]); // nothing asked before start()
      service.start();
      await vi.advanceTimersByTimeAsync(10);
      expect(findKind('olds')).toBeUndefined();
      expect(findKind('smon')).toBeDefined();
      expect(answers).toBe(1); // the cache is not the server's answer
      expect(readDiscoveryCache(cacheFile, 'https://s:6443')?.some((r) => r.plural === 'servicemonitors')).toBe(true);
      // A CRD is added: discovery runs again once the events settle.
      expect(lastWatch().path).toBe('/apis/apiextensions.k8s.io/v1/customresourcedefinitions');
      (AGGREGATED['/apis'].items[1]?.versions[0]?.resources as unknown[]).push(resource('podmonitors', 'PodMonitor', { shortNames: ['pmon'] }));
      const before = disco.gets.length;
      lastWatch().emit('ADDED', { metadata: { name: 'podmonitors.monitoring.coreos.com' } });
      lastWatch().emit('MODIFIED', { metadata: { name: 'podmonitors.monitoring.coreos.com' } });
      await vi.advanceTimersByTimeAsync(60);
      expect(disco.gets.length).toBe(before + 2); // one refresh: /api and /apis
      expect(findKind('pmon')?.id).toBe('podmonitors.monitoring.coreos.com');
      service.dispose();
      expect(lastWatch().aborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
