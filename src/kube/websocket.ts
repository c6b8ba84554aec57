// A WebSocket to the API server (pods/exec, pods/attach, pods/portforward), opened with the same
// TLS material and credentials as every other request of the client (client.ts prepares them).
// A refused upgrade (403 from RBAC, 404 for a pod that is gone) is a KubeApiError carrying the
// server's Status message, as kubectl prints it.
import type http from 'node:http';
import WebSocket from 'ws';
import { apiErrorFromBody, KubeApiError } from './api-errors.js';
import { firstLine } from '../text/first-line.js';

export type { WebSocket };

export interface WebSocketDialer {
  /**
   * Opens a WebSocket to `path` (its query included), offering `protocols` in order of preference;
   * resolves once the server accepted the upgrade (socket.protocol is the one it chose), paused:
   * a server that speaks first (a prompt, port-forward's port prefix) would otherwise be heard
   * before the caller listens. The caller resumes it once its listeners are on.
   */
  dial(path: string, protocols: readonly string[]): Promise<WebSocket>;
}

/** A received message's bytes, however ws hands them over. */
export function messageBytes(data: WebSocket.RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

/** How long the upgrade may take before the dial fails. */
export const HANDSHAKE_TIMEOUT_MS = 30_000;

/** Opens the socket on a prepared URL and request options (TLS agent, auth headers). */
export function dialWebSocket(url: URL, options: { headers?: http.OutgoingHttpHeaders; agent?: http.Agent; auth?: string }, protocols: readonly string[]): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const headers = Object.fromEntries(Object.entries(options.headers ?? {}).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
    const socket = new WebSocket(url, [...protocols], {
      headers,
      ...(options.agent ? { agent: options.agent } : {}),
      ...(options.auth ? { auth: options.auth } : {}),
      handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
      perMessageDeflate: false,
    });
    let settled = false;
    const fail = (err: KubeApiError) => {
      if (settled) return;
      settled = true;
      socket.terminate();
      reject(err);
    };
    socket.once('unexpected-response', (_req: http.ClientRequest, res: http.IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => fail(apiErrorFromBody(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))));
      res.on('error', () => fail(apiErrorFromBody(res.statusCode ?? 0, '')));
    });
    socket.once('error', (err: Error) => fail(new KubeApiError(firstLine(err), { code: (err as NodeJS.ErrnoException).code ?? 'ENETWORK' })));
    socket.once('open', () => {
      if (settled) return;
      settled = true;
      socket.pause();
      resolve(socket);
    });
  });
}
