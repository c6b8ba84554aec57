// The real client against a local plain-HTTP server (a cluster marked insecure-skip-tls-verify).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { createKubeClient, type WatchEventArgs } from '../../../src/kube/client.js';
import { KubeApiError } from '../../../src/kube/api-errors.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let server: Server | undefined;

async function serve(handler: Handler): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

function kubeconfig(url: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: url, skipTLSVerify: true }],
    users: [{ name: 'u', token: 'secret-token' }],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
    currentContext: 'ctx',
  });
  return kc;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

describe('createKubeClient', () => {
  it('lists raw JSON with the bearer token, filling kind/apiVersion from the list', async () => {
    let seen: IncomingMessage | undefined;
    const url = await serve((req, res) => {
      seen = req;
      json(res, 200, {
        kind: 'PodList',
        apiVersion: 'v1',
        metadata: { resourceVersion: '77' },
        items: [{ metadata: { name: 'a', namespace: 'default', creationTimestamp: '2026-01-02T03:04:05Z' } }],
      });
    });
    const client = createKubeClient(kubeconfig(url));
    const got = await client.list('/api/v1/namespaces/default/pods', { labelSelector: 'app=x', fieldSelector: undefined });
    expect(got.resourceVersion).toBe('77');
    expect(got.items).toEqual([
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', namespace: 'default', creationTimestamp: '2026-01-02T03:04:05Z' } },
    ]);
    expect(seen?.url).toBe('/api/v1/namespaces/default/pods?labelSelector=app%3Dx');
    expect(seen?.headers.authorization).toBe('Bearer secret-token');
    expect(seen?.headers.accept).toBe('application/json');
  });

  it('a page of a list names its continue token from its first bytes, before the rest has arrived', async () => {
    let finish: (() => void) | undefined;
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const head = '{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"9","continue":"tok\\"en==","remainingItemCount":1},"items":[';
      res.write(head + ' '.repeat(2048)); // well past the head the client looks at
      finish = () => res.end('{"metadata":{"name":"a"}}]}');
    });
    const client = createKubeClient(kubeconfig(url));
    const tokens: string[] = [];
    const page = client.list('/api/v1/pods', { limit: 1 }, undefined, (token) => {
      tokens.push(token);
      finish?.();
    });
    const got = await page;
    expect(tokens).toEqual(['tok"en==']); // seen while the body was still open (it closed the body)
    expect(got.continue).toBe('tok"en==');
    expect(got.items).toHaveLength(1);
  });

  it('errors carry the HTTP status and the API Status message', async () => {
    const url = await serve((_req, res) =>
      json(res, 403, { kind: 'Status', status: 'Failure', reason: 'Forbidden', code: 403, message: 'pods is forbidden: User "x" cannot list' }),
    );
    const err = await createKubeClient(kubeconfig(url)).list('/api/v1/pods').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KubeApiError);
    expect(err).toMatchObject({ statusCode: 403, reason: 'Forbidden', message: 'pods is forbidden: User "x" cannot list' });
  });

  it('a non-JSON error body gives the status line', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(502);
      res.end('');
    });
    const err = await createKubeClient(kubeconfig(url)).serverVersion().catch((e: unknown) => e);
    expect(err).toMatchObject({ statusCode: 502, message: '502 Bad Gateway' });
  });

  it('honours the request timeout for non-watch requests', async () => {
    const url = await serve(() => {
      /* never answers */
    });
    const err = await createKubeClient(kubeconfig(url), { requestTimeoutMs: 150 }).list('/api/v1/pods').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ETIMEDOUT', message: 'request timed out after 150ms' });
  });

  it('connection errors carry the system code', async () => {
    const url = await serve(() => {});
    await new Promise((resolve) => server?.close(resolve));
    const err = await createKubeClient(kubeconfig(url)).list('/api/v1/pods').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ECONNREFUSED', statusCode: undefined });
    expect((err as Error).message).toMatch(/^connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  });

  it('serverVersion and request (JSON and custom content types)', async () => {
    const calls: { method?: string; url?: string; type?: string; body: string }[] = [];
    const url = await serve((req, res, body) => {
      calls.push({ method: req.method, url: req.url, type: req.headers['content-type'], body });
      if (req.url === '/version') json(res, 200, { gitVersion: 'v1.34.1' });
      else json(res, 200, { kind: 'Scale', spec: { replicas: 3 } });
    });
    const client = createKubeClient(kubeconfig(url));
    expect(await client.serverVersion()).toBe('v1.34.1');
    const path = '/apis/apps/v1/namespaces/d/deployments/web/scale';
    expect(await client.request('PATCH', path, { spec: { replicas: 3 } }, 'application/merge-patch+json')).toEqual({
      kind: 'Scale',
      spec: { replicas: 3 },
    });
    await client.request('DELETE', '/api/v1/namespaces/d/pods/p', { propagationPolicy: 'Background' });
    expect(calls.slice(1)).toEqual([
      { method: 'PATCH', url: path, type: 'application/merge-patch+json', body: '{"spec":{"replicas":3}}' },
      { method: 'DELETE', url: '/api/v1/namespaces/d/pods/p', type: 'application/json', body: '{"propagationPolicy":"Background"}' },
    ]);
  });

  it('streams watch events, and reports the server closing the stream', async () => {
    let seenUrl = '';
    const url = await serve((req, res) => {
      seenUrl = req.url ?? '';
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(JSON.stringify({ type: 'ADDED', object: { kind: 'Pod', metadata: { name: 'a', resourceVersion: '5' } } }) + '\n');
      res.write('{"type":"BOOKMARK","object":{"kind":"Pod","metadata":{"resourceVersion":"6"}}}\n{"type":"ERROR","object":');
      setTimeout(() => res.end('{"kind":"Status","code":410,"message":"too old"}}\n'), 20);
    });
    const events: WatchEventArgs[] = [];
    let opened = false;
    const done = await new Promise<KubeApiError | undefined>((resolve) => {
      createKubeClient(kubeconfig(url)).watch(
        '/api/v1/pods',
        { resourceVersion: '4', allowWatchBookmarks: true },
        (...e) => events.push(e),
        resolve,
        () => (opened = true),
      );
    });
    expect(done).toBeUndefined();
    expect(opened).toBe(true);
    expect(seenUrl).toBe('/api/v1/pods?resourceVersion=4&allowWatchBookmarks=true&watch=true');
    expect(events.map((e) => e[0])).toEqual(['ADDED', 'BOOKMARK', 'ERROR']);
    expect(events[2]?.[1]).toMatchObject({ code: 410 });
  });

  it('a refused watch reports its status; an aborted one reports nothing', async () => {
    const url = await serve((req, res) => {
      if (req.url?.startsWith('/api/v1/secrets')) json(res, 403, { kind: 'Status', code: 403, message: 'secrets is forbidden' });
      else res.writeHead(200).write('');
    });
    const client = createKubeClient(kubeconfig(url));
    const err = await new Promise<KubeApiError | undefined>((resolve) => client.watch('/api/v1/secrets', {}, () => {}, resolve));
    expect(err).toMatchObject({ statusCode: 403, message: 'secrets is forbidden' });

    let doneCalls = 0;
    await new Promise<void>((resolve) => {
      const handle = client.watch('/api/v1/pods', {}, () => {}, () => doneCalls++, () => {
        handle.abort();
        resolve();
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(doneCalls).toBe(0);
  });
});
