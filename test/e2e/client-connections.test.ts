// kt's API client reuses one TLS connection for its calls to the sandbox's API server.
import tls from 'node:tls';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKubeClient } from '../../src/kube/client.js';
import { sandboxKubeConfig } from '../helpers/sandbox.js';

let close = () => {};
afterEach(() => {
  vi.restoreAllMocks();
  close();
});

describe('API client connections (sandbox)', () => {
  it('sends sequential calls over one kept-alive TLS connection', async () => {
    const client = createKubeClient(sandboxKubeConfig());
    close = () => client.close();
    const connect = vi.spyOn(tls, 'connect');
    const versions: string[] = [];
    for (let i = 0; i < 4; i++) versions.push(await client.serverVersion());
    const list = await client.list('/api/v1/namespaces/kube-system/pods', { limit: 5 });
    expect(versions.every((v) => /^v1\.36\./.test(v))).toBe(true);
    expect(list.items.length).toBeGreaterThan(0);
    // https.Agent opens its connections with tls.connect; a new agent per call opened 5.
    expect(connect).toHaveBeenCalledTimes(1);
  });
});
