// The client's streaming GET (pods/log with follow) against a local plain-HTTP server.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { createKubeClient } from '../../../src/kube/client.js';
import { type KubeApiError } from '../../../src/kube/api-errors.js';

let server: Server | undefined;
let open: ServerResponse | undefined;

async function serve(handler: (url: string, res: ServerResponse) => void): Promise<string> {
  server = createServer((req, res) => handler(req.url ?? '', res));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

function client(url: string) {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: url, skipTLSVerify: true }],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return createKubeClient(kc);
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('KubeClient.stream', () => {
  it('hands over the body as it arrives, and ends once when the server ends it', async () => {
    let asked = '';
    const url = await serve((path, res) => {
      asked = path;
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('one\ntw');
      open = res;
    });
    const kube = client(url);
    const chunks: string[] = [];
    const done: (KubeApiError | undefined)[] = [];
    kube.stream('/api/v1/namespaces/d/pods/p/log', { follow: true, tailLines: 5 }, (t) => chunks.push(t), (err) => done.push(err));
    await until(() => chunks.join('') === 'one\ntw');
    expect(asked).toBe('/api/v1/namespaces/d/pods/p/log?follow=true&tailLines=5');
    open?.end('o\n');
    await until(() => done.length === 1);
    expect(chunks.join('')).toBe('one\ntwo\n');
    expect(done).toEqual([undefined]);
    kube.close();
  });

  it('ends with the API error of a refused request, and never after abort', async () => {
    const url = await serve((path, res) => {
      res.writeHead(path.includes('denied') ? 403 : 200, { 'Content-Type': 'application/json' });
      if (path.includes('denied')) res.end(JSON.stringify({ kind: 'Status', message: 'pods "p" is forbidden: cannot get pods/log', reason: 'Forbidden', code: 403 }));
      else res.write('x\n');
    });
    const kube = client(url);
    const errors: (KubeApiError | undefined)[] = [];
    kube.stream('/denied', {}, () => undefined, (err) => errors.push(err));
    await until(() => errors.length === 1);
    expect(errors[0]?.statusCode).toBe(403);
    expect(errors[0]?.message).toContain('cannot get pods/log');
    const after: unknown[] = [];
    const handle = kube.stream('/ok', {}, (t) => after.push(t), (err) => after.push(err ?? 'done'));
    await until(() => after.length === 1);
    handle.abort();
    await new Promise((r) => setTimeout(r, 50));
    expect(after).toEqual(['x\n']);
    kube.close();
  });
});
