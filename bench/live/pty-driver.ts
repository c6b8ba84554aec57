// Runs any terminal program (kt, k9s) in a pseudo-terminal and feeds its output into a headless
// xterm of the same size. Records when each chunk arrived and how many bytes the program wrote,
// and resolves screen conditions at the arrival time of the chunk that made them true (checked
// right after xterm parsed that chunk), so latencies are not rounded to a polling interval.
import { performance } from 'node:perf_hooks';
import { spawn as spawnPty, type IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { SYNC_START } from '../../test/helpers/sync-frames.js';

export const COLS = 200;
export const ROWS = 50;

export interface Launch {
  file: string;
  args: readonly string[];
  env: Record<string, string | undefined>;
  cwd: string;
}

type Check = (app: PtyApp) => boolean;

interface Waiter {
  check: Check;
  resolve: (at: number) => void;
}

export class PtyApp {
  readonly startedAt: number;
  readonly pid: number;
  /** Bytes the program wrote to the terminal (UTF-8). */
  bytes = 0;
  /** Synchronized-update starts written (ESC[?2026h): Ink writes one per frame. */
  frames = 0;
  /** performance.now() of the last chunk. */
  lastChunkAt = 0;
  exited = false;
  private readonly term: xterm.Terminal;
  private readonly pty: IPty;
  private waiters: Waiter[] = [];
  private readonly exitPromise: Promise<void>;

  constructor(launch: Launch) {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, TERM: 'xterm-256color', COLORTERM: 'truecolor', ...launch.env })) {
      if (v !== undefined) env[k] = v;
    }
    delete env.CI;
    delete env.CONTINUOUS_INTEGRATION;
    this.term = new xterm.Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true, scrollback: 0 });
    this.startedAt = performance.now();
    this.pty = spawnPty(launch.file, [...launch.args], { name: 'xterm-256color', cols: COLS, rows: ROWS, cwd: launch.cwd, env });
    this.pid = this.pty.pid;
    this.pty.onData((data) => {
      const at = performance.now();
      this.bytes += Buffer.byteLength(data, 'utf8');
      this.frames += data.split(SYNC_START).length - 1;
      this.lastChunkAt = at;
      this.term.write(data, () => this.parsed(at));
    });
    this.exitPromise = new Promise((resolve) => this.pty.onExit(() => {
      this.exited = true;
      resolve();
    }));
  }

  private parsed(at: number): void {
    if (this.waiters.length === 0) return;
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.check(this)) w.resolve(at);
      else still.push(w);
    }
    this.waiters = still;
  }

  /** The screen as text, one line per row, trailing spaces trimmed. */
  screen(): string {
    const buf = this.term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < this.term.rows; y++) lines.push(buf.getLine(buf.viewportY + y)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  /** Text plus colours/inverse of each line's first 80 cells: a cursor (highlight) move changes it. */
  signature(): string {
    const buf = this.term.buffer.active;
    const cell = buf.getNullCell();
    const parts: string[] = [];
    for (let y = 0; y < this.term.rows; y++) {
      const line = buf.getLine(buf.viewportY + y);
      if (!line) continue;
      let attrs = '';
      for (let x = 0; x < 80; x++) {
        const c = line.getCell(x, cell);
        if (c) attrs += `${c.getFgColor()},${c.getBgColor()},${c.isInverse()};`;
      }
      parts.push(line.translateToString(true), attrs);
    }
    return parts.join('\n');
  }

  /**
   * Resolves with the arrival time of the chunk after which `check` held (now, if it holds
   * already); rejects after `timeoutMs` or when the program exits.
   */
  when(check: Check, timeoutMs: number, what: string): Promise<number> {
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = (at: number) => {
        clearTimeout(timer);
        resolve(at);
      };
      // Flush what xterm has not parsed yet, then check once before waiting for new chunks.
      this.term.write('', () => {
        if (check(this)) return done(performance.now());
        this.waiters.push({ check, resolve: done });
        timer = setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w.resolve !== done);
          const screen = this.screen().split('\n').filter((l) => l.trim()).slice(0, 12).join('\n');
          reject(new Error(`${what}: not seen within ${timeoutMs} ms${this.exited ? ' (program exited)' : ''}; screen:\n${screen}`));
        }, timeoutMs);
      });
    });
  }

  /** Resolves once nothing has been written for `quietMs` (or after `maxMs`), with the last chunk's time. */
  async settled(quietMs: number, maxMs = 5_000): Promise<number> {
    const end = performance.now() + maxMs;
    for (;;) {
      const since = performance.now() - this.lastChunkAt;
      if (since >= quietMs || performance.now() > end) return this.lastChunkAt;
      await sleep(Math.max(5, quietMs - since));
    }
  }

  write(data: string): void {
    this.pty.write(data);
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      this.pty.kill('SIGTERM');
      const killed = await Promise.race([this.exitPromise.then(() => true), sleep(3_000).then(() => false)]);
      if (!killed) {
        this.pty.kill('SIGKILL');
        await this.exitPromise;
      }
    }
    this.term.dispose();
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
