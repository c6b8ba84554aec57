// A shell (pods/exec) or attach (pods/attach) session with a TTY over the API server's WebSocket
// channel protocol (channels.ts): the user's keys go to stdin, stdout comes back to the terminal,
// the terminal's size goes out first and on every change, and the Status on channel 3 says how it
// ended. The socket is opened before the terminal is handed over, so a refusal (RBAC, a pod that is
// gone) never leaves kt's screen; what the server sends meanwhile waits for the terminal.
import { messageBytes, type WebSocket, type WebSocketDialer } from '../kube/websocket.js';
import { EXEC_PROTOCOLS, frame, resizeFrame, STATUS, STDERR, STDIN, STDOUT, statusEnd, unframe, type SessionEnd } from './channels.js';

export interface ContainerRef {
  namespace: string;
  pod: string;
  container: string;
}

/** exec runs `command`; attach joins the container's main process (its stdin when it has one). */
export type SessionRequest = (ContainerRef & { type: 'exec'; command: readonly string[] }) | (ContainerRef & { type: 'attach'; stdin: boolean; tty: boolean });

/** The user's terminal as a session uses it: raw keys in, bytes out, its size. */
export interface TerminalPort {
  onInput(listener: (data: Buffer) => void): () => void;
  write(data: Buffer): void;
  size(): { columns: number; rows: number };
  onResize(listener: (size: { columns: number; rows: number }) => void): () => void;
}

/** Ctrl-P Ctrl-Q leaves an attached session (as docker attach), the container keeps running. */
export const DETACH_KEYS = Buffer.from([0x10, 0x11]);
/** RFC 6455's close code for a connection that ended without a close frame. */
const ABNORMAL_CLOSURE = 1006;

/** A silent connection is declared lost after this long without an answer to a ping. */
export const PING_MS = 15_000;

/** The request's path, with kubectl's query (a TTY has no separate stderr). */
export function sessionPath(req: SessionRequest): string {
  const query = new URLSearchParams();
  if (req.type === 'exec') for (const part of req.command) query.append('command', part);
  query.set('container', req.container);
  const tty = req.type === 'exec' || req.tty;
  const stdin = req.type === 'exec' || req.stdin;
  query.set('stdin', String(stdin));
  query.set('stdout', 'true');
  query.set('stderr', String(!tty));
  query.set('tty', String(tty));
  return `/api/v1/namespaces/${encodeURIComponent(req.namespace)}/pods/${encodeURIComponent(req.pod)}/${req.type}?${query.toString()}`;
}

export interface OpenSession {
  /** The channel protocol the server chose. */
  readonly protocol: string;
  /** Connects the terminal; resolves when the session ends (never rejects). */
  run(term: TerminalPort): Promise<SessionEnd>;
  /** Ends the session from kt's side (kt is exiting). */
  close(): void;
}

/** Dials the session; rejects with the server's reason (a KubeApiError) when it is refused. */
export async function openSession(dialer: WebSocketDialer, req: SessionRequest, pingMs = PING_MS): Promise<OpenSession> {
  const socket = await dialer.dial(sessionPath(req), EXEC_PROTOCOLS);
  const early: Buffer[] = [];
  let end: SessionEnd | undefined;
  let closed: SessionEnd | undefined;
  let onData: ((data: Buffer) => void) | undefined;
  let onEnd: (() => void) | undefined;

  socket.on('message', (message: WebSocket.RawData) => {
    const got = unframe(messageBytes(message));
    if (!got) return;
    if (got.channel === STATUS) end ??= statusEnd(got.data.toString('utf8'));
    else if (got.channel === STDOUT || got.channel === STDERR) {
      if (onData) onData(got.data);
      else early.push(got.data);
    }
  });
  const finish = (why: SessionEnd) => {
    closed ??= why;
    onEnd?.();
  };
  socket.on('close', (code: number, reason: Buffer) => {
    const text = reason.toString('utf8');
    // 1006: no close frame, the TCP connection itself went (a reset, a dead link, a server gone).
    const how = code === ABNORMAL_CLOSURE ? 'was cut' : 'closed';
    finish(end ?? { ok: false, message: `the connection ${how} before the command ended (WebSocket ${code}${text ? `: ${text}` : ''})` });
  });
  socket.on('error', (err: Error) => finish(end ?? { ok: false, message: `the connection failed: ${err.message}` }));
  socket.resume();
  const alive = keepAlive(socket, pingMs, () => finish({ ok: false, message: `the connection was lost (no answer for ${Math.round(pingMs / 1000)} s)` }));

  return {
    protocol: socket.protocol,
    run(term) {
      return new Promise<SessionEnd>((resolve) => {
        const leftovers = early.splice(0);
        for (const data of leftovers) term.write(data);
        onData = (data) => term.write(data);
        const send = (data: Buffer) => socket.readyState === socket.OPEN && socket.send(data);
        send(resizeFrame(term.size().columns, term.size().rows));
        const stopResize = term.onResize((size) => send(resizeFrame(size.columns, size.rows)));
        let typed = Buffer.alloc(0);
        const stopInput = term.onInput((data) => {
          if (req.type === 'attach') {
            typed = Buffer.concat([typed, data]).subarray(-DETACH_KEYS.length);
            if (typed.equals(DETACH_KEYS)) {
              end ??= { ok: true, message: 'detached' };
              socket.close(1000);
              return finish(end);
            }
            if (!req.stdin) return;
          }
          send(frame(STDIN, data));
        });
        onEnd = () => {
          stopInput();
          stopResize();
          alive.stop();
          onEnd = undefined;
          onData = undefined;
          resolve(closed ?? end ?? { ok: true, message: '' });
        };
        if (closed) onEnd();
      });
    },
    close() {
      alive.stop();
      socket.terminate();
    },
  };
}

/** Pings the server every `ms`; calls `lost` and drops the socket when a ping goes unanswered. */
function keepAlive(socket: WebSocket, ms: number, lost: () => void): { stop(): void } {
  let answered = true;
  socket.on('pong', () => (answered = true));
  const timer = setInterval(() => {
    if (!answered) {
      clearInterval(timer);
      socket.terminate();
      return lost();
    }
    answered = false;
    socket.ping();
  }, ms);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
