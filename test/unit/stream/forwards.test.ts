// Port-forwards against a local server that speaks pods/portforward over WebSocket the way the
// kubelet does (the port prefix on each channel's first frame, then data) and joins each tunnel
// to a local HTTP server that names the pod it was asked for: a fetch through the local port, the
// counters, a Service target moving to another ready pod, a taken port, stop.
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { getOnce as get } from '../../helpers/http-get.js';
import type { KubeObject } from '../../../src/kube/types.js';
import { forwardTarget, pickPod } from '../../../src/stream/forward-target.js';
import { createForwards, forwardKubectl, freeLocalPort, type Forwards } from '../../../src/stream/forwards.js';
import { findKind } from '../../../src/kinds/registry.js';
import { streamServer, serverFrame, type StreamServer } from './stream-server.js';

let server: StreamServer | undefined;
let http: Server | undefined;
let forwards: Forwards | undefined;
afterEach(async () => {
  forwards?.stopAll();
  await server?.close();
  http?.closeAllConnections();
  await new Promise((r) => (http ? http.close(r) : r(undefined)));
  server = http = forwards = undefined;
});

const port2 = (port: number) => Buffer.from([port & 0xff, port >> 8]);

/** The kubelet's side: each tunnel reaches the HTTP server, which answers with the pod's name. */
async function kubelet(errorFor?: string, gone?: string): Promise<StreamServer> {
  http = createServer((req, res) => res.end(`hello from ${req.headers['x-pod'] ?? '?'} ${req.url}`));
  await new Promise<void>((r) => http?.listen(0, '127.0.0.1', r));
  const httpPort = (http.address() as AddressInfo).port;
  return streamServer({
    speaks: ['v4.channel.k8s.io'],
    // A pod deleted a moment ago: the API server refuses its portforward with NotFound.
    refuse: (req) =>
      gone && req.url?.includes(`/pods/${gone}/`)
        ? { code: 404, status: { kind: 'Status', status: 'Failure', message: `pods "${gone}" not found`, reason: 'NotFound', code: 404 } }
        : undefined,
    onSocket(ws, upgrade) {
      const url = new URL(upgrade.path, 'http://x');
      const pod = url.pathname.split('/')[6] ?? '';
      const port = Number(url.searchParams.get('ports'));
      ws.send(serverFrame(0, port2(port)));
      ws.send(serverFrame(1, port2(port)));
      if (pod === errorFor) {
        ws.send(serverFrame(1, `error forwarding port ${port} to pod ${pod}: connection refused`));
        return ws.close();
      }
      const tcp = connect(httpPort, '127.0.0.1');
      let first = true;
      ws.on('message', (raw) => {
        const m = raw as Buffer;
        let data = m.subarray(1);
        // Tell the HTTP server which pod the request came through.
        if (first) data = Buffer.from(data.toString().replace('\r\n', `\r\nx-pod: ${pod}:${port}\r\n`));
        first = false;
        tcp.write(data);
      });
      tcp.on('data', (d) => ws.send(serverFrame(0, d)));
      tcp.on('end', () => ws.close());
      ws.on('close', () => tcp.destroy());
    },
  });
}

function pod(name: string, ready: boolean, created = '2026-12-07T10:00:00Z', deleting = false): KubeObject {
  return {
    metadata: { name, namespace: 'ns', creationTimestamp: created, ...(deleting ? { deletionTimestamp: created } : {}) },
    spec: { containers: [{ name: 'app', ports: [{ name: 'http', containerPort: 8080 }] }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  };
}

const service: KubeObject = {
  metadata: { name: 'web', namespace: 'ns' },
  spec: { selector: { app: 'web' }, ports: [{ name: 'web', port: 80, targetPort: 'http' }, { port: 53, protocol: 'UDP' }] },
};

const until = async (check: () => boolean) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('forwardTarget and pickPod', () => {
  it('a Service offers its TCP ports with their target ports and selects pods by its selector', () => {
    const target = forwardTarget(findKind('services')!, service);
    expect(target).toEqual({ type: 'service', namespace: 'ns', name: 'web', labelSelector: 'app=web', ports: [{ port: 80, targetPort: 'http', label: '80 (web) → http' }] });
    const onPod = forwardTarget(findKind('pods')!, pod('web-1', true));
    expect(onPod).toMatchObject({ type: 'pod', pod: 'web-1', ports: [{ port: 8080, label: '8080 (http, app)' }] });
  });

  it('keeps the pod in use while it is ready, else takes the oldest ready one, never one being deleted', () => {
    const pods = [pod('b', true, '2026-12-07T10:00:02Z'), pod('a', true, '2026-12-07T10:00:01Z'), pod('c', false), pod('d', true, '2026-12-07T09:00:00Z', true)];
    expect(pickPod(pods, 'b')?.metadata.name).toBe('b');
    expect(pickPod(pods, 'c')?.metadata.name).toBe('a');
    expect(pickPod(pods, undefined)?.metadata.name).toBe('a');
    expect(pickPod([pod('c', false)], undefined)).toBeUndefined();
  });
});

describe('forwards', () => {
  it('a pod forward: a fetch through the local port reaches the pod port, with connections and bytes counted', async () => {
    server = await kubelet();
    forwards = createForwards(server.client);
    const target = forwardTarget(findKind('pods')!, pod('web-1', true));
    if (typeof target === 'string') throw new Error(target);
    const local = await freeLocalPort('127.0.0.1', 38080);
    const info = await forwards.start({ target, choice: target.ports[0]!, localPort: local, address: '127.0.0.1' });
    expect(info.kubectl).toBe(`kubectl port-forward -n ns pod/web-1 ${local}:8080`);
    expect(await get(local, '/a')).toBe('hello from web-1:8080 /a');
    await until(() => (forwards?.list()[0]?.bytesIn ?? 0) > 0 && forwards?.list()[0]?.active === 0);
    const [row] = forwards.list();
    expect(row).toMatchObject({ pod: 'web-1', connections: 1, localPort: local, remotePort: 8080 });
    expect(row!.bytesIn).toBeGreaterThan(20);
    expect(row!.bytesOut).toBeGreaterThan(20);
  });

  it('a Service forward resolves its named targetPort on the pod and moves to another ready pod when that one goes', async () => {
    server = await kubelet();
    forwards = createForwards(server.client);
    const target = forwardTarget(findKind('services')!, service);
    if (typeof target === 'string') throw new Error(target);
    let pods = [pod('web-1', true, '2026-12-07T10:00:00Z'), pod('web-2', true, '2026-12-07T11:00:00Z')];
    let released = false;
    const local = await freeLocalPort('127.0.0.1', 38180);
    await forwards.start({ target, choice: target.ports[0]!, localPort: local, address: '127.0.0.1', pods: () => pods, release: () => (released = true) });
    expect(await get(local)).toBe('hello from web-1:8080 /');
    pods = [pod('web-1', false), pods[1]!];
    expect(await get(local)).toBe('hello from web-2:8080 /');
    pods = [pod('web-3', true, '2026-12-07T09:00:00Z'), pods[1]!];
    expect(await get(local)).toBe('hello from web-2:8080 /'); // the one in use while it stays ready
    pods = [];
    await expect(get(local)).rejects.toThrow();
    await until(() => forwards?.list()[0]?.error === 'no ready pod of service/web');
    forwards.stop(forwards.list()[0]!.id);
    expect(released).toBe(true);
    expect(forwards.list()).toEqual([]);
  });

  it('a Service forward whose chosen pod the server no longer has takes the next ready one for the same connection', async () => {
    server = await kubelet(undefined, 'web-1');
    forwards = createForwards(server.client);
    const target = forwardTarget(findKind('services')!, service);
    if (typeof target === 'string') throw new Error(target);
    // The watch still holds web-1 as ready: it was deleted a moment before the event arrived.
    const pods = [pod('web-1', true, '2026-12-07T10:00:00Z'), pod('web-2', true, '2026-12-07T11:00:00Z')];
    const local = await freeLocalPort('127.0.0.1', 38280);
    await forwards.start({ target, choice: target.ports[0]!, localPort: local, address: '127.0.0.1', pods: () => pods });
    expect(await get(local, '/x')).toBe('hello from web-2:8080 /x');
    await until(() => forwards?.list()[0]?.active === 0);
    expect(forwards.list()[0]).toMatchObject({ pod: 'web-2', connections: 1 });
    expect(forwards.list()[0]?.error).toBeUndefined();
  });

  it('a local port already taken is one line; the kubelet error is kept per connection', async () => {
    server = await kubelet('web-1');
    forwards = createForwards(server.client);
    const target = forwardTarget(findKind('pods')!, pod('web-1', true));
    if (typeof target === 'string') throw new Error(target);
    const local = await freeLocalPort('127.0.0.1', 38280);
    await forwards.start({ target, choice: target.ports[0]!, localPort: local, address: '127.0.0.1' });
    await expect(forwards.start({ target, choice: target.ports[0]!, localPort: local, address: '127.0.0.1' })).rejects.toThrow(
      `127.0.0.1:${local} is already in use: choose another local port`,
    );
    expect(await freeLocalPort('127.0.0.1', local)).toBe(local + 1);
    await expect(get(local)).rejects.toThrow();
    await until(() => forwards?.list()[0]?.error !== undefined);
    expect(forwards.list()[0]?.error).toBe('web-1: error forwarding port 8080 to pod web-1: connection refused');
  });

  it('the kubectl line names the address only when it is not loopback', () => {
    const target = { type: 'deployment', namespace: 'ns', name: 'web', labelSelector: 'app=web', ports: [] };
    expect(forwardKubectl({ target, choice: { port: 80, label: '' }, localPort: 8080, address: '0.0.0.0' })).toBe('kubectl port-forward -n ns deployment/web 8080:80 --address 0.0.0.0');
  });
});
