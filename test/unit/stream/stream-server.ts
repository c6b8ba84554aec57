// A local plain-HTTP server that answers WebSocket upgrades as the API server's stream endpoints
// do (for unit tests of the protocol code): each test gives the handler for an accepted socket, or
// refuses the upgrade with a Status, and reads what the client asked for (path, protocols, auth).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { WebSocketServer, type WebSocket } from 'ws';
import { createKubeClient, type ClosableKubeClient } from '../../../src/kube/client.js';

export interface Upgrade {
  path: string;
  protocols: string[];
  authorization?: string;
}

export interface StreamServer {
  url: string;
  upgrades: Upgrade[];
  client: ClosableKubeClient;
  close(): Promise<void>;
}

export interface StreamServerOptions {
  /** The protocols the server speaks, best first (default v5 and v4). */
  speaks?: readonly string[];
  /** A Status to refuse the upgrade with (e.g. 403 from RBAC). */
  refuse?: (req: IncomingMessage) => { code: number; status: object } | undefined;
  onSocket(socket: WebSocket, upgrade: Upgrade): void;
}

export async function streamServer(options: StreamServerOptions): Promise<StreamServer> {
  const speaks = options.speaks ?? ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
  const upgrades: Upgrade[] = [];
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered) => speaks.find((p) => offered.has(p)) ?? false,
  });
  const server: Server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => {
    const upgrade: Upgrade = {
      path: req.url ?? '',
      protocols: String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim()).filter(Boolean),
      authorization: req.headers.authorization,
    };
    upgrades.push(upgrade);
    const refused = options.refuse?.(req);
    if (refused) {
      const body = JSON.stringify(refused.status);
      socket.end(`HTTP/1.1 ${refused.code} Refused\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => options.onSocket(ws, upgrade));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: url, skipTLSVerify: true }],
    users: [{ name: 'u', token: 'secret-token' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  const client = createKubeClient(kc);
  return {
    url,
    upgrades,
    client,
    async close() {
      client.close();
      for (const ws of wss.clients) ws.terminate();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A channel frame as the server sends it. */
export function serverFrame(channel: number, data: string | Buffer): Buffer {
  return Buffer.concat([Buffer.of(channel), typeof data === 'string' ? Buffer.from(data) : data]);
}
