import { describe, expect, it } from 'vitest';
import { discoverPrometheus, normalizePrefix } from '../../../src/metrics/discovery.js';
import { endpointName } from '../../../src/metrics/transport.js';
import { FakeKube } from '../fakes/fake-kube.js';
import { forbidden, service } from './services.js';

const KP = '/api/v1/namespaces/monitoring/services/prometheus-k8s';
const OPERATED = '/api/v1/services?labelSelector=operated-prometheus%3Dtrue';
const HELM = '/api/v1/services?fieldSelector=metadata.name%3Dprometheus-server';
const CRS = '/apis/monitoring.coreos.com/v1/prometheuses';

const names = async (client: FakeKube) => (await discoverPrometheus(client)).found.map(endpointName);

describe('discoverPrometheus', () => {
  it('finds nothing in a cluster without Prometheus (404s are not problems)', async () => {
    const client = new FakeKube({ routes: { [OPERATED]: { items: [] }, [HELM]: { items: [] } } });
    expect(await discoverPrometheus(client)).toEqual({ found: [], problems: [] });
  });

  it('orders kube-prometheus, then operator Services by namespace/name, then the Helm chart', async () => {
    const client = new FakeKube({ routes: {
      [KP]: service('monitoring', 'prometheus-k8s', [{ name: 'reloader-web', port: 8080 }, { name: 'web', port: 9090 }]),
      [OPERATED]: {
        items: [
          service('zeta', 'prometheus-operated', [{ name: 'web', port: 9090 }]),
          service('alpha', 'prometheus-operated', [{ name: 'web', port: 9090 }]),
        ],
      },
      [HELM]: { items: [service('metrics', 'prometheus-server', [{ name: 'http', port: 80 }])] },
    } });
    const expected = ['monitoring/prometheus-k8s:web', 'alpha/prometheus-operated:web', 'zeta/prometheus-operated:web', 'metrics/prometheus-server:http'];
    expect(await names(client)).toEqual(expected);
    // Same cluster listed in another order: same answer.
    (client.routes[OPERATED] as { items: unknown[] }).items.reverse();
    expect(await names(client)).toEqual(expected);
  });

  it('uses the first port when none has the wanted name, by name or else number', async () => {
    const client = new FakeKube({ routes: {
      [OPERATED]: { items: [service('a', 'prometheus-operated', [{ port: 9091 }])] },
      [HELM]: { items: [service('b', 'prometheus-server', [{ name: 'metrics', port: 80 }])] },
    } });
    expect(await names(client)).toEqual(['a/prometheus-operated:9091', 'b/prometheus-server:metrics']);
  });

  it("reads routePrefix from the Prometheus resource the Service selects, else the namespace's only one", async () => {
    const client = new FakeKube({ routes: {
      [KP]: service('monitoring', 'prometheus-k8s', [{ name: 'web', port: 9090 }], { selector: { prometheus: 'k8s' } }),
      [OPERATED]: { items: [service('team', 'prometheus-operated', [{ name: 'web', port: 9090 }])] },
      [HELM]: { items: [] },
      [CRS]: {
        items: [
          { metadata: { namespace: 'monitoring', name: 'other' }, spec: { routePrefix: '/wrong' } },
          { metadata: { namespace: 'monitoring', name: 'k8s' }, spec: { routePrefix: '/prom/' } },
          { metadata: { namespace: 'team', name: 'p' }, spec: { externalUrl: 'https://example.com/team-prom' } },
        ],
      },
    } });
    const found = (await discoverPrometheus(client)).found;
    expect(found.map((e) => e.prefix)).toEqual(['/prom', '/team-prom']);
  });

  it('dials https when the resource serves TLS', async () => {
    const client = new FakeKube({ routes: {
      [OPERATED]: { items: [service('m', 'prometheus-operated', [{ name: 'web', port: 9090 }])] },
      [HELM]: { items: [] },
      [CRS]: { items: [{ metadata: { namespace: 'm', name: 'p' }, spec: { web: { tlsConfig: { cert: {} } } } }] },
    } });
    expect((await discoverPrometheus(client)).found[0]?.scheme).toBe('https');
  });

  it('reports lookups it could not make, and still finds what it can', async () => {
    const client = new FakeKube({ routes: {
      [KP]: service('monitoring', 'prometheus-k8s', [{ name: 'web', port: 9090 }]),
      [OPERATED]: forbidden(),
      [HELM]: forbidden(),
    } });
    expect(await discoverPrometheus(client)).toEqual({
      found: [{ namespace: 'monitoring', service: 'prometheus-k8s', port: 'web', prefix: '' }],
      problems: ['services: forbidden'],
    });
  });

  it('normalizes prefixes', () => {
    expect(['', '/', 'prom', '/prom/', '/a/b//'].map(normalizePrefix)).toEqual(['', '', '/prom', '/prom', '/a/b']);
  });
});
