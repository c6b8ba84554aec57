// A TCP relay in front of the sandbox apiserver (or Prometheus), so a test can take "the server"
// away from kt, slow it down or break its connections, and bring it back without touching the
// shared cluster. Faults: stop (refused), freeze (accepted, never answered), reset (every open
// connection gets a TCP RST), delay (every byte from the server arrives late), limit (a slow link).
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { kubeconfigPath } from './sandbox.js';
import { SlowLink } from './slow-link.js';

export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  /** Re-sends what a relay held back while frozen. */
  private readonly relays = new Set<() => void>();
  private frozen = false;
  private delayMs = 0;
  /** Client to server, and server to client. */
  private readonly up = new SlowLink();
  private readonly down = new SlowLink();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<number> {
    const server = createServer({ allowHalfOpen: true }, (client) => {
      const upstream = connect({ port: this.target.port, host: this.target.host, allowHalfOpen: true });
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      this.relay(client, upstream, this.up, 0);
      this.relay(upstream, client, this.down, () => this.delayMs);
      if (this.frozen) for (const s of [client, upstream]) s.pause();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const address = server.address();
    if (address && typeof address === 'object') this.port = address.port;
    return this.port;
  }

  /**
   * Accepts connections but carries nothing either way, on open and new ones alike: a server that
   * hangs, a dead SSH tunnel, a NAT that dropped the flow. thaw() lets the held bytes through.
   */
  freeze(): void {
    this.frozen = true;
    for (const s of this.sockets) s.pause();
  }

  thaw(): void {
    this.frozen = false;
    for (const s of this.sockets) s.resume();
    for (const resend of this.relays) resend();
  }

  /** Every open connection is reset (TCP RST), as by a crashed server or a middlebox; new ones work. */
  reset(): void {
    for (const s of this.sockets) s.resetAndDestroy();
    this.sockets.clear();
  }

  /** Every byte from the server arrives `ms` later than sent (0: none): each answer takes that much longer. */
  delay(ms: number): void {
    this.delayMs = ms;
  }

  /** A link of `bytesPerSecond` each way, shared by every connection (undefined: unlimited). */
  limit(bytesPerSecond: number | undefined): void {
    for (const link of [this.up, this.down]) link.setRate(bytesPerSecond ?? Infinity);
  }

  /** Refuses new connections and cuts the open ones, like a server that went away. */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  /**
   * Forwards `from` to `to` in order: each chunk, the end of the stream and the close wait out the
   * delay, then go through the link; nothing is forwarded while frozen.
   */
  private relay(from: Socket, to: Socket, link: SlowLink, delayMs: number | (() => number)): void {
    const queue: { due: number; bytes?: Buffer; deliver(bytes?: Buffer): void }[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flow = {};
    const pump = (): void => {
      clearTimeout(timer);
      timer = undefined;
      while (queue.length > 0 && !this.frozen) {
        const wait = (queue[0]?.due ?? 0) - Date.now();
        if (wait > 0) {
          timer = setTimeout(pump, wait);
          return;
        }
        link.send(flow, queue.shift()!);
      }
    };
    const later = (bytes: Buffer | undefined, deliver: (bytes?: Buffer) => void) => {
      queue.push({ due: Date.now() + (typeof delayMs === 'number' ? delayMs : delayMs()), bytes, deliver });
      pump();
    };
    this.relays.add(pump);
    from.on('data', (chunk: Buffer) => later(chunk, (bytes) => !to.destroyed && to.write(bytes!)));
    from.on('end', () => later(undefined, () => to.end()));
    from.on('close', () =>
      later(undefined, () => {
        this.relays.delete(pump);
        link.forget(flow);
        to.destroy();
      }),
    );
  }
}

/** Writes a copy of the sandbox kubeconfig whose server is https://127.0.0.1:<port>. */
export function kubeconfigThrough(port: number, path: string): string {
  const text = readFileSync(kubeconfigPath, 'utf8').replace(/server: https:\/\/127\.0\.0\.1:\d+/, `server: https://127.0.0.1:${port}`);
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}
