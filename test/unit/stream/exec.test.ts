// Shell and attach sessions over the channel protocol, against a local server that speaks it:
// what kt asks for, the size first and on every change, keys to stdin, output to the terminal,
// and how a session ends (Success, a non-zero exit, a refusal, a dropped connection, detach).
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { openSession, sessionPath, type TerminalPort } from '../../../src/stream/exec.js';
import { runSession } from '../../../src/stream/session.js';
import { streamServer, serverFrame, type StreamServer } from './stream-server.js';

let server: StreamServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function fakeTerminal(columns = 100, rows = 30) {
  const inputs = new Set<(d: Buffer) => void>();
  const resizes = new Set<(s: { columns: number; rows: number }) => void>();
  let out = '';
  let size = { columns, rows };
  let released = false;
  const port: TerminalPort & { release(): void } = {
    onInput: (l) => (inputs.add(l), () => inputs.delete(l)),
    write: (d) => (out += d.toString()),
    size: () => size,
    onResize: (l) => (resizes.add(l), () => resizes.delete(l)),
    release: () => (released = true),
  };
  return {
    port,
    type: (text: string) => inputs.forEach((l) => l(Buffer.from(text))),
    resize(c: number, r: number) {
      size = { columns: c, rows: r };
      resizes.forEach((l) => l(size));
    },
    output: () => out,
    listening: () => inputs.size,
    released: () => released,
  };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

/** A shell: echoes stdin to stdout, records every frame; `exit` ends with the given Status. */
function shell(frames: Buffer[], status: object) {
  return (ws: WebSocket) => {
    ws.send(serverFrame(1, '$ '));
    ws.on('message', (raw) => {
      const m = raw as Buffer;
      frames.push(m);
      if (m[0] !== 0) return;
      const text = m.subarray(1).toString();
      if (text.includes('exit')) {
        ws.send(serverFrame(3, JSON.stringify(status)));
        ws.close(1000);
      } else ws.send(serverFrame(1, `echo:${text}`));
    });
  };
}

const req = { type: 'exec' as const, namespace: 'ns', pod: 'web-1', container: 'app', command: ['sh', '-c', 'exec bash'] };

describe('sessionPath', () => {
  it('asks as kubectl exec -it does: the command word by word, stdin, stdout and a TTY without stderr', () => {
    expect(sessionPath(req)).toBe('/api/v1/namespaces/ns/pods/web-1/exec?command=sh&command=-c&command=exec+bash&container=app&stdin=true&stdout=true&stderr=false&tty=true');
    expect(sessionPath({ type: 'attach', namespace: 'ns', pod: 'p', container: 'c', stdin: false, tty: false })).toBe(
      '/api/v1/namespaces/ns/pods/p/attach?container=c&stdin=false&stdout=true&stderr=true&tty=false',
    );
  });
});

describe('a shell session', () => {
  it('offers v5 then v4 with the kubeconfig token, sends the size first and on resize, keys to stdin, output to the terminal', async () => {
    const frames: Buffer[] = [];
    server = await streamServer({ onSocket: shell(frames, { status: 'Success' }) });
    const session = await openSession(server.client, req);
    expect(session.protocol).toBe('v5.channel.k8s.io');
    expect(server.upgrades[0]).toMatchObject({ protocols: ['v5.channel.k8s.io', 'v4.channel.k8s.io'], authorization: 'Bearer secret-token' });
    const term = fakeTerminal(120, 40);
    const ended = session.run(term.port);
    await until(() => term.output().includes('$ ')); // sent before the terminal was connected: kept
    term.type('ls\r');
    await until(() => term.output().includes('echo:ls\r'));
    term.resize(90, 20);
    await until(() => frames.some((f) => f[0] === 4 && f.subarray(1).toString() === '{"Width":90,"Height":20}'));
    expect(frames[0]?.toString('latin1')).toBe('\x04{"Width":120,"Height":40}');
    term.type('exit\r');
    expect(await ended).toEqual({ ok: true, message: '' });
    expect(term.listening()).toBe(0);
  });

  it('falls back to v4 on a server without v5', async () => {
    server = await streamServer({ speaks: ['v4.channel.k8s.io'], onSocket: shell([], { status: 'Success' }) });
    const session = await openSession(server.client, req);
    expect(session.protocol).toBe('v4.channel.k8s.io');
    session.close();
  });

  it('a shell that exits non-zero ends with its code; a failed command with the Status message', async () => {
    const nonZero = { status: 'Failure', reason: 'NonZeroExitCode', message: 'command terminated with non-zero exit code', details: { causes: [{ reason: 'ExitCode', message: '3' }] } };
    server = await streamServer({ onSocket: shell([], nonZero) });
    const term = fakeTerminal();
    const session = await openSession(server.client, req);
    const ended = session.run(term.port);
    term.type('exit 3\r');
    expect(await ended).toEqual({ ok: true, message: 'exit code 3', exitCode: 3 });
    await server.close();

    const failed = { status: 'Failure', reason: 'InternalError', message: 'Internal error occurred: exec: "bash": executable file not found in $PATH' };
    server = await streamServer({ onSocket: shell([], failed) });
    const again = await openSession(server.client, req);
    const term2 = fakeTerminal();
    const ended2 = again.run(term2.port);
    term2.type('exit\r');
    expect(await ended2).toEqual({ ok: false, message: 'Internal error occurred: exec: "bash": executable file not found in $PATH' });
  });

  it('a connection that drops before the command ended says so', async () => {
    server = await streamServer({ onSocket: (ws) => ws.on('message', () => ws.terminate()) });
    const term = fakeTerminal();
    const session = await openSession(server.client, req);
    const ended = session.run(term.port);
    term.type('x');
    const end = await ended;
    expect(end.ok).toBe(false);
    expect(end.message).toMatch(/^the connection was cut before the command ended \(WebSocket 1006/);
  });
});

describe('runSession', () => {
  it('an exec RBAC forbids is one line with the server reason, and the terminal is never handed over', async () => {
    const status = { kind: 'Status', status: 'Failure', reason: 'Forbidden', code: 403, message: 'pods "web-1" is forbidden: User "viewer" cannot create resource "pods/exec" in API group "" in the namespace "ns"' };
    server = await streamServer({ refuse: () => ({ code: 403, status }), onSocket: () => undefined });
    let handedOver = false;
    const outcome = await runSession(req, {
      dialer: server.client,
      handOver: (run) => ((handedOver = true), run()),
      terminal: () => fakeTerminal().port,
    });
    expect(handedOver).toBe(false);
    expect(outcome).toEqual({ ok: false, message: `shell in ns/web-1 (app): Error from server (Forbidden): ${status.message}` });
  });

  it('hands the terminal over for the session, releases it, and says the shell ended', async () => {
    server = await streamServer({ onSocket: shell([], { status: 'Success' }) });
    const term = fakeTerminal();
    let inside = false;
    const outcome = runSession(req, {
      dialer: server.client,
      handOver: async (run) => {
        inside = true;
        try {
          return await run();
        } finally {
          inside = false;
        }
      },
      terminal: () => term.port,
    });
    await until(() => term.output().includes('$ '));
    expect(inside).toBe(true);
    term.type('exit\r');
    expect(await outcome).toEqual({ ok: true, message: 'shell in ns/web-1 (app) ended' });
    expect(inside).toBe(false);
    expect(term.released()).toBe(true);
  });

  it('attach: Ctrl-P Ctrl-Q detaches and leaves the container running; without stdin no key is sent', async () => {
    const frames: Buffer[] = [];
    server = await streamServer({ onSocket: (ws) => (ws.send(serverFrame(1, 'log line\n')), ws.on('message', (raw) => frames.push(raw as Buffer))) });
    const term = fakeTerminal();
    const outcome = runSession(
      { type: 'attach', namespace: 'ns', pod: 'web-1', container: 'app', stdin: false, tty: false },
      { dialer: server.client, handOver: (run) => run(), terminal: () => term.port },
    );
    await until(() => term.output().includes('log line'));
    term.type('abc');
    term.type('\x10');
    term.type('\x11');
    expect(await outcome).toEqual({ ok: true, message: 'detached from ns/web-1 (app); it keeps running' });
    expect(frames.every((f) => f[0] === 4)).toBe(true);
    expect(server.upgrades[0]?.path).toContain('/attach?container=app&stdin=false');
  });
});
