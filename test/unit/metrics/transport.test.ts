import { describe, expect, it } from 'vitest';
import { KubeApiError } from '../../../src/kube/api-errors.js';
import { fetchTransport, proxyBase, proxyTransport } from '../../../src/metrics/transport.js';
import { FakeKube } from '../fakes/fake-kube.js';

const signal = () => new AbortController().signal;
const ok = { status: 'success', data: { resultType: 'vector', result: [] } };

describe('fetchTransport', () => {
  it('GETs <url>/api/v1/<endpoint> with the bearer token', async () => {
    const seen: { url: string; auth?: string }[] = [];
    const fake = (async (url: string, init: RequestInit) => {
      seen.push({ url, auth: (init.headers as Record<string, string>).Authorization });
      return new Response(JSON.stringify(ok));
    }) as typeof fetch;
    const t = fetchTransport('http://prom:9090/', { token: 's3cret', fetch: fake });
    expect(t.source).toBe('http://prom:9090');
    expect(await t.get('query', { query: 'up{job="a b"}' }, signal())).toEqual(ok);
    expect(seen).toEqual([{ url: 'http://prom:9090/api/v1/query?query=up%7Bjob%3D%22a+b%22%7D', auth: 'Bearer s3cret' }]);
  });

  it("hands Prometheus's own JSON error answers to the parser", async () => {
    const body = { status: 'error', errorType: 'bad_data', error: 'parse error' };
    const fake = (async () => new Response(JSON.stringify(body), { status: 400 })) as typeof fetch;
    expect(await fetchTransport('http://p', { fetch: fake }).get('query', {}, signal())).toEqual(body);
  });

  it('says what went wrong in one line otherwise', async () => {
    const html = (async () => new Response('<html>denied</html>', { status: 403 })) as typeof fetch;
    await expect(fetchTransport('http://p', { fetch: html }).get('query', {}, signal())).rejects.toThrow('HTTP 403 from http://p (check the bearer token)');
    const page = (async () => new Response('<html>Grafana</html>')) as typeof fetch;
    await expect(fetchTransport('http://p', { fetch: page }).get('query', {}, signal())).rejects.toThrow('unexpected answer from http://p (not JSON; is it Prometheus?)');
    const refused = (async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    }) as typeof fetch;
    await expect(fetchTransport('http://p', { fetch: refused }).get('query', {}, signal())).rejects.toThrow('cannot reach http://p: ECONNREFUSED');
  });
});

describe('proxyTransport', () => {
  const endpoint = { namespace: 'monitoring', service: 'prometheus-k8s', port: 'web', prefix: '/prom' };

  it('goes through the API server service proxy, with the prefix and scheme', async () => {
    expect(proxyBase(endpoint)).toBe('/api/v1/namespaces/monitoring/services/prometheus-k8s%3Aweb/proxy/prom');
    expect(proxyBase({ ...endpoint, scheme: 'https', prefix: '' })).toBe('/api/v1/namespaces/monitoring/services/https%3Aprometheus-k8s%3Aweb/proxy');
    const client = new FakeKube({ routes: { [`${proxyBase(endpoint)}/api/v1/query?query=up`]: ok } });
    const t = proxyTransport(client, endpoint);
    expect(t.source).toBe('monitoring/prometheus-k8s:web (API proxy)');
    expect(await t.get('query', { query: 'up' }, signal())).toEqual(ok);
  });

  it("relays Prometheus's error answers, and names the source on API errors", async () => {
    const body = { status: 'error', errorType: 'bad_data', error: 'parse error' };
    const client = new FakeKube({ routes: {
      [`${proxyBase(endpoint)}/api/v1/query?query=bad`]: new KubeApiError(`400 ${JSON.stringify(body)}`, { statusCode: 400 }),
      [`${proxyBase(endpoint)}/api/v1/query?query=down`]: new KubeApiError('error trying to reach service: dial tcp 10.0.0.1:9090: connect: connection refused', {
        statusCode: 503,
      }),
    } });
    const t = proxyTransport(client, endpoint);
    expect(await t.get('query', { query: 'bad' }, signal())).toEqual(body);
    await expect(t.get('query', { query: 'down' }, signal())).rejects.toThrow(
      'monitoring/prometheus-k8s:web (API proxy): HTTP 503: error trying to reach service: dial tcp 10.0.0.1:9090: connect: connection refused',
    );
  });

  it('gives up when the signal aborts, even though the API call still hangs', async () => {
    const client = new FakeKube({ routes: { [`${proxyBase(endpoint)}/api/v1/query?query=up`]: () => new Promise(() => undefined) } });
    const ctl = new AbortController();
    const pending = proxyTransport(client, endpoint).get('query', { query: 'up' }, ctl.signal);
    ctl.abort(new Error('no answer within 5s'));
    await expect(pending).rejects.toThrow('no answer within 5s');
  });
});
