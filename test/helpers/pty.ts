// End-to-end harness: runs the built `kt` (node bin/kt.js) in a pseudo-terminal and feeds
// everything it writes into a headless xterm of the same size, so tests read the screen a
// user would see, one whole frame at a time. Polls, never sleeps a fixed time. Run `npm run build` first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn as spawnPty, type IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { frameGate } from './sync-frames.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ktBin = join(repoRoot, 'bin', 'kt.js');

/** Named keys for press(); anything else is sent as typed. */
export const KEYS = {
  Enter: '\r',
  Esc: '\x1b',
  Tab: '\t',
  'Shift-Tab': '\x1b[Z',
  Up: '\x1b[A',
  Down: '\x1b[B',
  Right: '\x1b[C',
  Left: '\x1b[D',
  'Shift-Right': '\x1b[1;2C',
  'Shift-Left': '\x1b[1;2D',
  Home: '\x1b[H',
  End: '\x1b[F',
  PgUp: '\x1b[5~',
  PgDn: '\x1b[6~',
  Backspace: '\x7f',
  Delete: '\x1b[3~',
  Space: ' ',
  'Ctrl-C': '\x03',
  'Ctrl-D': '\x04',
} as const;
export type KeyName = keyof typeof KEYS;

export interface PtyExit {
  exitCode: number;
  signal?: number;
}

export interface SpawnKtOptions {
  cols?: number;
  rows?: number;
  /** Added to (undefined: removed from) the test process's environment. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** The script to run instead of bin/kt.js. */
  bin?: string;
  /** A whole command line to run instead of node and the script (the args follow it): the release binary. */
  command?: readonly string[];
}

export type ScreenMatch = RegExp | string | ((screen: string) => boolean);

export interface KtPty {
  readonly pid: number;
  /** The emulated terminal itself: cells with their colours (sandbox/screen-svg.ts draws them). */
  readonly terminal: xterm.Terminal;
  /** The visible screen as text, one line per row, trailing spaces trimmed. */
  screen(): string;
  /** Wait until the screen matches; resolves with that screen, rejects with the last one. */
  waitFor(match: ScreenMatch, timeoutMs?: number): Promise<string>;
  /** Send keys: names from KEYS ("Enter", "Down", "Ctrl-C"...) or literal text, each in its own write. */
  press(...keys: (KeyName | (string & {}))[]): void;
  resize(cols: number, rows: number): void;
  /** Settles once kt has exited and all of its output has reached the screen. */
  readonly exit: Promise<PtyExit>;
  /** Everything kt wrote, escape sequences included. */
  rawOutput(): string;
  kill(signal?: NodeJS.Signals): void;
  /** Kill if still running and remove the temporary config dir. */
  dispose(): Promise<void>;
}

function matches(match: ScreenMatch, screen: string): boolean {
  if (typeof match === 'string') return screen.includes(match);
  if (match instanceof RegExp) return match.test(screen);
  return match(screen);
}

export function spawnKt(args: readonly string[], options: SpawnKtOptions = {}): KtPty {
  const cols = options.cols ?? 100;
  const rows = options.rows ?? 30;
  const configDir = mkdtempSync(join(tmpdir(), 'kt-e2e-config-'));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, TERM: 'xterm-256color', KT_CONFIG_DIR: configDir, KT_STATE_DIR: configDir, ...options.env })) {
    if (value !== undefined) env[key] = value;
  }
  // Ink draws nothing until exit when it thinks it runs in CI.
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;

  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
  // Character widths as today's terminals (and Ink's string-width) count them: emoji take two cells.
  term.loadAddon(new Unicode11Addon());
  term.unicode.activeVersion = '11';
  const [file, ...argv] = options.command ?? [process.execPath, options.bin ?? ktBin];
  const pty: IPty = spawnPty(file as string, [...argv, ...args], { name: 'xterm-256color', cols, rows, cwd: options.cwd ?? repoRoot, env });
  let raw = '';
  let exited: PtyExit | undefined;
  const gate = frameGate((data) => term.write(data));
  pty.onData((data) => {
    raw += data;
    gate.push(data);
  });
  const flushed = (): Promise<void> => new Promise((resolve) => term.write('', resolve));
  const exit = new Promise<PtyExit>((resolve) => {
    pty.onExit(({ exitCode, signal }) => {
      gate.flush();
      void flushed().then(() => {
        exited = signal ? { exitCode, signal } : { exitCode };
        resolve(exited);
      });
    });
  });

  const screen = (): string => {
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let y = buffer.viewportY; y < buffer.viewportY + term.rows; y++) {
      lines.push(buffer.getLine(y)?.translateToString(true) ?? '');
    }
    return lines.join('\n');
  };

  const typist = escSpacedTypist((data) => {
    if (!exited) pty.write(data);
  });

  const waitFor = async (match: ScreenMatch, timeoutMs = 10_000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await flushed();
      const now = screen();
      if (matches(match, now)) return now;
      if (exited || Date.now() > deadline) {
        const why = exited ? `kt exited (${JSON.stringify(exited)})` : `timed out after ${timeoutMs} ms`;
        throw new Error(`waitFor(${String(match)}): ${why}; screen:\n${now}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  return {
    pid: pty.pid,
    terminal: term,
    screen,
    waitFor,
    press(...keys) {
      typist.type(keys.map((key) => (key in KEYS ? KEYS[key as KeyName] : key)));
    },
    resize(newCols, newRows) {
      term.resize(newCols, newRows);
      pty.resize(newCols, newRows);
    },
    exit,
    rawOutput: () => raw,
    kill(signal = 'SIGTERM') {
      if (!exited) pty.kill(signal);
    },
    async dispose() {
      if (!exited) {
        pty.kill('SIGKILL');
        await exit;
      }
      term.dispose();
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}

/** How long after a lone Esc the next key waits: Ink holds a lone Esc 20 ms, so a key sooner reads as Alt+key. */
const AFTER_ESC_MS = 40;

/**
 * Writes keys in order, each in its own write, and waits AFTER_ESC_MS after a lone Esc, as a person's
 * typing does. press() stays synchronous: later calls queue behind the wait.
 */
function escSpacedTypist(write: (data: string) => void): { type(keys: readonly string[]): void } {
  const queue: string[] = [];
  let waiting = false;
  const pump = (): void => {
    while (queue.length > 0) {
      const key = queue.shift()!;
      write(key);
      if (key === KEYS.Esc && queue.length > 0) {
        waiting = true;
        setTimeout(() => {
          waiting = false;
          pump();
        }, AFTER_ESC_MS);
        return;
      }
    }
  };
  return {
    type(keys) {
      queue.push(...keys);
      if (!waiting) pump();
    },
  };
}

const ALT_ON = '\x1b[?1049h';
const ALT_OFF = '\x1b[?1049l';
const CURSOR_HIDE = '\x1b[?25l';
const CURSOR_SHOW = '\x1b[?25h';

/**
 * Why the terminal was left unusable, or undefined when it was restored: the last alternate-screen
 * switch must be a leave, and the cursor must be shown after it was last hidden.
 */
export function terminalNotRestored(raw: string): string | undefined {
  if (raw.lastIndexOf(ALT_ON) > raw.lastIndexOf(ALT_OFF)) return 'still on the alternate screen';
  if (raw.lastIndexOf(CURSOR_HIDE) > raw.lastIndexOf(CURSOR_SHOW)) return 'cursor left hidden';
  return undefined;
}

export function expectTerminalRestored(raw: string): void {
  const problem = terminalNotRestored(raw);
  if (problem) throw new Error(`terminal not restored: ${problem}; output ended with ${JSON.stringify(raw.slice(-200))}`);
}

/** Did kt ever switch to the alternate screen? */
export function enteredAltScreen(raw: string): boolean {
  return raw.includes(ALT_ON);
}
