// kt's active port-forwards (`Shift-F`, listed by `:pf`): each listens on a local address and
// port, and every connection it accepts gets its own tunnel (tunnel.ts) to the pod that serves the
// target now. A pod target always goes to that pod; a Service or Deployment target goes to one of
// its ready pods, the same one while it stays ready, and new connections move to another ready pod
// when it goes (kubectl port-forward picks one pod at start and dies with it). Counts connections
// and bytes; tells subscribers at most every NOTIFY_MS. All forwards end with stopAll() (kt exits).
import { createServer, type Server, type Socket } from 'node:net';
import type { KubeObject } from '../kube/types.js';
import type { WebSocket, WebSocketDialer } from '../kube/websocket.js';
import { pickPod, podPort, type ForwardTarget, type PortChoice } from './forward-target.js';
import { join, openTunnel } from './tunnel.js';

export interface ForwardRequest {
  target: ForwardTarget;
  choice: PortChoice;
  localPort: number;
  address: string;
  /** The pods a selector target matches, as its watch holds them now. */
  pods?: () => readonly KubeObject[];
  /** Ends the watch behind `pods` when the forward stops. */
  release?: () => void;
}

export interface ForwardInfo {
  id: number;
  /** "default/service/web". */
  target: string;
  address: string;
  localPort: number;
  remotePort: number;
  /** The pod the latest connection went to. */
  pod?: string;
  /** Connections open now, and accepted in all. */
  active: number;
  connections: number;
  /** Bytes from the pod, and to it. */
  bytesIn: number;
  bytesOut: number;
  /** Why the latest connection failed, if it did. */
  error?: string;
  kubectl: string;
}

export interface Forwards {
  /** Listens and resolves with the new forward; rejects with one line (the port is taken…). */
  start(req: ForwardRequest): Promise<ForwardInfo>;
  stop(id: number): ForwardInfo | undefined;
  /** Oldest first; a new array whenever something changed. */
  list(): readonly ForwardInfo[];
  subscribe(listener: () => void): () => void;
  stopAll(): void;
}

export const NOTIFY_MS = 250;

/** kubectl port-forward's line for the request (`--address` only when it is not the default). */
export function forwardKubectl(req: Pick<ForwardRequest, 'target' | 'choice' | 'localPort' | 'address'>): string {
  const { target } = req;
  const address = req.address === '127.0.0.1' || req.address === 'localhost' ? '' : ` --address ${req.address}`;
  return `kubectl port-forward -n ${target.namespace} ${target.type}/${target.name} ${req.localPort}:${req.choice.port}${address}`;
}

function listen(server: Server, port: number, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE') reject(new Error(`${address}:${port} is already in use: choose another local port`));
      else if (err.code === 'EACCES') reject(new Error(`${address}:${port} needs privileges kt does not have: choose a port above 1023`));
      else if (err.code === 'EADDRNOTAVAIL') reject(new Error(`${address} is not an address of this machine: use 127.0.0.1 or one of its own`));
      else reject(new Error(`cannot listen on ${address}:${port}: ${err.message}`));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, address);
  });
}

export function createForwards(dialer: WebSocketDialer): Forwards {
  const live = new Map<number, { info: ForwardInfo; server: Server; sockets: Set<Socket>; req: ForwardRequest }>();
  let list: readonly ForwardInfo[] = [];
  let nextId = 1;
  const listeners = new Set<() => void>();
  let timer: NodeJS.Timeout | undefined;

  const publish = () => {
    timer = undefined;
    list = [...live.values()].map((f) => ({ ...f.info }));
    for (const l of [...listeners]) l();
  };
  const changed = (now = false) => {
    if (now) {
      clearTimeout(timer);
      return publish();
    }
    timer ??= setTimeout(publish, NOTIFY_MS);
  };

  /** The pod and its port for a new connection, or why there is none. */
  function route(req: ForwardRequest, current: string | undefined, refused: ReadonlySet<string>): { pod: string; port: number } | string {
    const { target, choice } = req;
    if (target.pod) return { pod: target.pod, port: choice.port };
    const pod = pickPod((req.pods?.() ?? []).filter((p) => !refused.has(p.metadata.name)), current);
    if (!pod) return `no ready pod of ${target.type}/${target.name}`;
    const port = podPort(choice, pod);
    return typeof port === 'string' ? port : { pod: pod.metadata.name, port };
  }

  function accept(id: number, local: Socket): void {
    const entry = live.get(id);
    if (!entry) {
      local.destroy();
      return;
    }
    const { info, req, sockets } = entry;
    info.connections++;
    info.active++;
    sockets.add(local);
    local.pause();
    const done = (error?: string) => {
      sockets.delete(local);
      info.active--;
      if (error) info.error = error;
      if (live.has(id)) changed(true);
    };
    void connectTo(req, info, new Set()).then((opened) => {
      if (typeof opened === 'string' || !live.has(id)) {
        local.destroy();
        return done(typeof opened === 'string' ? opened : undefined);
      }
      const counters = {
        onBytes(received: number, sent: number) {
          info.bytesIn += received;
          info.bytesOut += sent;
          changed();
        },
      };
      void join(opened.socket, local, counters).then((error) => done(error && `${opened.pod}: ${error}`));
    });
  }

  /**
   * The tunnel for a new connection. A pod the server refuses (deleted a moment before its watch
   * said so) is left out and the next ready one tried: one refusal per pod, then the last refusal.
   */
  async function connectTo(req: ForwardRequest, info: ForwardInfo, refused: Set<string>): Promise<{ socket: WebSocket; pod: string } | string> {
    const to = route(req, info.pod, refused);
    if (typeof to === 'string') return to;
    info.pod = to.pod;
    changed(true);
    const opened = await openTunnel(dialer, req.target.namespace, to.pod, to.port);
    if (typeof opened !== 'string') return { socket: opened, pod: to.pod };
    if (req.target.pod || refused.has(to.pod)) return `${to.pod}: ${opened}`;
    refused.add(to.pod);
    // No other ready pod: the refusal says more than "no ready pod".
    if (typeof route(req, undefined, refused) === 'string') return `${to.pod}: ${opened}`;
    return connectTo(req, info, refused);
  }

  return {
    async start(req) {
      const id = nextId++;
      const server = createServer((socket) => accept(id, socket));
      try {
        await listen(server, req.localPort, req.address);
      } catch (err) {
        req.release?.();
        throw err;
      }
      const { target } = req;
      const info: ForwardInfo = {
        id,
        target: `${target.namespace}/${target.type}/${target.name}`,
        address: req.address,
        localPort: req.localPort,
        remotePort: req.choice.port,
        active: 0,
        connections: 0,
        bytesIn: 0,
        bytesOut: 0,
        kubectl: forwardKubectl(req),
      };
      live.set(id, { info, server, sockets: new Set(), req });
      changed(true);
      return { ...info };
    },
    stop(id) {
      const entry = live.get(id);
      if (!entry) return undefined;
      live.delete(id);
      entry.server.close();
      for (const s of entry.sockets) s.destroy();
      entry.req.release?.();
      changed(true);
      return { ...entry.info };
    },
    list: () => list,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stopAll() {
      for (const id of [...live.keys()]) this.stop(id);
      clearTimeout(timer);
    },
  };
}

/**
 * The form's default local port: the remote port when it is free here, else the next free one.
 * A port below 1024 that kt may not open (not root) starts from port + 8000 instead (80 → 8080).
 */
export async function freeLocalPort(address: string, wanted: number, tries = 20): Promise<number> {
  let port = wanted;
  for (let i = 0; i < tries && port <= 65535; i++, port++) {
    const server = createServer();
    try {
      await listen(server, port, address);
      await new Promise((resolve) => server.close(resolve));
      return port;
    } catch (err) {
      if (port < 1024 && /privileges/.test((err as Error).message)) port = wanted + 8000 - 1;
    }
  }
  return wanted;
}
