// Credentials that change under kt: on a 401 the client reads the kubeconfig again and, when the
// user's credentials changed, sends the request once more with them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { createKubeClient } from '../../../src/kube/client.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** A server that accepts only `Bearer <token()>`. */
async function serve(token: () => string, seen: string[]): Promise<string> {
  server = createServer((req, res) => {
    seen.push(req.headers.authorization ?? '');
    const ok = req.headers.authorization === `Bearer ${token()}`;
    res.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(ok ? { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '5' }, items: [] } : { kind: 'Status', code: 401, message: 'Unauthorized' }));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function kubeconfig(url: string, token: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: url, skipTLSVerify: true }],
    users: [{ name: 'u', token }],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
    currentContext: 'ctx',
  });
  return kc;
}

describe('a kubeconfig rewritten under kt', () => {
  it('is read again on a 401 and the request succeeds with the new token, without a restart', async () => {
    let current = 'old';
    const seen: string[] = [];
    const url = await serve(() => current, seen);
    let onDisk = 'old';
    const client = createKubeClient(kubeconfig(url, 'old'), { reload: () => kubeconfig(url, onDisk) });
    try {
      await expect(client.list('/api/v1/pods')).resolves.toMatchObject({ resourceVersion: '5' });
      current = 'new'; // the token rotated on the server...
      onDisk = 'new'; // ...and in the kubeconfig
      await expect(client.list('/api/v1/pods')).resolves.toMatchObject({ resourceVersion: '5' });
      expect(seen).toEqual(['Bearer old', 'Bearer old', 'Bearer new']);
      await client.list('/api/v1/pods');
      expect(seen.at(-1)).toBe('Bearer new');
    } finally {
      client.close();
    }
  });

  it('an unchanged kubeconfig is not retried: the 401 stands', async () => {
    const seen: string[] = [];
    const url = await serve(() => 'other', seen);
    const client = createKubeClient(kubeconfig(url, 'old'), { reload: () => kubeconfig(url, 'old') });
    try {
      await expect(client.list('/api/v1/pods')).rejects.toMatchObject({ statusCode: 401 });
      expect(seen).toHaveLength(1);
    } finally {
      client.close();
    }
  });
});
