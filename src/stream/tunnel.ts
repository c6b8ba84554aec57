// One forwarded connection: a local TCP socket joined to a pod's port through the API server's
// pods/portforward over WebSocket (v4.channel.k8s.io). The server opens two channels per port,
// data (0) and error (1), and starts each with the port as two little-endian bytes; after that,
// data frames carry the bytes both ways and the error channel carries the kubelet's message.
import type { Socket } from 'node:net';
import { messageBytes, type WebSocket, type WebSocketDialer } from '../kube/websocket.js';
import { frame, unframe, V4 } from './channels.js';

const DATA = 0;
const ERROR = 1;

export interface TunnelCounters {
  /** Bytes from the pod to the local client, and from the client to the pod. */
  onBytes(received: number, sent: number): void;
}

export function portForwardPath(namespace: string, pod: string, port: number): string {
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/portforward?ports=${port}`;
}

/** Opens the tunnel to `port` of the pod: the WebSocket, or the server's refusal in one line. */
export async function openTunnel(dialer: WebSocketDialer, namespace: string, pod: string, port: number): Promise<WebSocket | string> {
  try {
    return await dialer.dial(portForwardPath(namespace, pod, port), [V4]);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/**
 * Carries bytes between an open tunnel and the local socket (paused until now) until either side
 * closes; resolves with the kubelet's error, if it sent one.
 */
export function join(socket: WebSocket, local: Socket, counters: TunnelCounters): Promise<string | undefined> {
  return new Promise((resolve) => {
    const seen = new Set<number>(); // channels whose port prefix has been read
    let error = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      local.destroy();
      socket.close();
      resolve(error.trim() || undefined);
    };
    socket.on('message', (message: WebSocket.RawData) => {
      const got = unframe(messageBytes(message));
      if (!got) return;
      let data = got.data;
      if (!seen.has(got.channel)) {
        seen.add(got.channel);
        data = data.subarray(2);
      }
      if (data.length === 0) return;
      if (got.channel === DATA) {
        counters.onBytes(data.length, 0);
        local.write(data);
      } else if (got.channel === ERROR) {
        error += data.toString('utf8');
      }
    });
    socket.on('close', finish);
    socket.on('error', (err: Error) => {
      error ||= err.message;
      finish();
    });
    local.on('data', (data: Buffer) => {
      if (socket.readyState !== socket.OPEN) return;
      counters.onBytes(0, data.length);
      socket.send(frame(DATA, data));
    });
    local.on('end', finish);
    local.on('error', finish);
    local.on('close', finish);
    if (local.destroyed) return finish(); // the client gave up while the tunnel was being opened
    socket.resume();
    local.resume();
  });
}
