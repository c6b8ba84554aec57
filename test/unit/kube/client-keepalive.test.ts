// The real client over HTTPS (a self-signed test certificate): kept-alive connections, and a GET
// sent again when the server closes a reused connection under it.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { createKubeClient } from '../../../src/kube/client.js';
import { KubeApiError } from '../../../src/kube/api-errors.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/tls/${name}`, import.meta.url));
let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** Answers every request; drops the connection (no answer) on the n-th request of a connection, if `dropNth` is set. */
async function serve(dropNth?: number): Promise<{ url: string; seen: { socket: number; method: string; accept?: string }[] }> {
  const seen: { socket: number; method: string; accept?: string }[] = [];
  const sockets = new Map<Socket, { id: number; requests: number }>();
  server = createServer({ key: fixture('localhost.key'), cert: fixture('localhost.crt') }, (req, res) => {
    const socket = req.socket;
    const s = sockets.get(socket) ?? { id: sockets.size + 1, requests: 0 };
    sockets.set(socket, s);
    s.requests++;
    seen.push({ socket: s.id, method: req.method ?? '', ...(req.headers.accept === 'application/json' ? {} : { accept: req.headers.accept }) });
    req.resume();
    req.on('end', () => {
      if (s.requests === dropNth) {
        socket.destroy();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ gitVersion: 'v1.36.3' }));
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function kubeconfig(url: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: url, caData: fixture('localhost.crt').toString('base64') }],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
    currentContext: 'ctx',
  });
  return kc;
}

describe('createKubeClient over HTTPS', () => {
  it('sends sequential calls over one connection, and close() ends it', async () => {
    const { url, seen } = await serve();
    const client = createKubeClient(kubeconfig(url));
    for (let i = 0; i < 3; i++) expect(await client.serverVersion()).toBe('v1.36.3');
    expect(seen.map((s) => s.socket)).toEqual([1, 1, 1]);
    client.close();
    expect(await client.serverVersion()).toBe('v1.36.3');
    expect(seen.map((s) => s.socket)).toEqual([1, 1, 1, 2]);
    client.close();
  });

  it('sends a GET again on a new connection when the reused one is closed under it', async () => {
    const { url, seen } = await serve(2);
    const client = createKubeClient(kubeconfig(url));
    expect(await client.serverVersion()).toBe('v1.36.3');
    expect(await client.serverVersion()).toBe('v1.36.3');
    expect(seen).toEqual([{ socket: 1, method: 'GET' }, { socket: 1, method: 'GET' }, { socket: 2, method: 'GET' }]);
  });

  it('withAccept asks for another media type over the same kept-alive connection', async () => {
    const { url, seen } = await serve();
    const client = createKubeClient(kubeconfig(url));
    await client.serverVersion();
    await client.withAccept('application/json;as=Table;v=v1;g=meta.k8s.io').request('GET', '/api/v1/pods');
    await client.serverVersion();
    expect(seen).toEqual([
      { socket: 1, method: 'GET' },
      { socket: 1, method: 'GET', accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' },
      { socket: 1, method: 'GET' },
    ]);
    client.close();
  });

  it('never sends a write twice: the error is reported instead', async () => {
    const { url, seen } = await serve(2);
    const client = createKubeClient(kubeconfig(url));
    await client.serverVersion();
    await expect(client.request('DELETE', '/api/v1/namespaces/default/pods/x')).rejects.toBeInstanceOf(KubeApiError);
    expect(seen.map((s) => s.method)).toEqual(['GET', 'DELETE']);
  });
});
