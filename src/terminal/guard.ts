// One way out of kt. Every exit - quit, a crash, a signal, a stray process.exit() - runs the same
// sequence once: stop the UI (so its last frame lands on the alternate screen), restore the
// terminal, print at most one line on stderr, exit.
import { firstLine } from '../text/first-line.js';
import type { Screen } from './screen.js';

type Listener = (...args: unknown[]) => void;

/** The parts of `process` the guard uses; tests pass a fake. */
export interface GuardProcess {
  on(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
  exit(code: number): void;
  env: Record<string, string | undefined>;
}

export interface GuardOptions {
  screen: Pick<Screen, 'restore'>;
  stderr: { write(data: string): unknown };
  proc?: GuardProcess;
  /** Runs before the terminal is restored, e.g. Ink's unmount. Errors in it are ignored. */
  beforeRestore?: () => void;
}

export interface Guard {
  /** Restore the terminal, print `message` (one line) if given, and exit with `code`. Runs once. */
  exit(code: number, message?: string): void;
  /** Set (or replace) what runs before the terminal is restored. */
  setBeforeRestore(fn: (() => void) | undefined): void;
  /** Remove the process listeners (tests). */
  dispose(): void;
}

/** Exit codes for signals, as shells report them: 128 + the signal number. */
export const SIGNAL_EXIT_CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/** The first line of an error's message, prefixed "kt: " unless it already is. */
export function errorLine(err: unknown): string {
  const first = firstLine(err);
  return first.startsWith('kt: ') ? first : `kt: ${first}`;
}

export function installGuard(options: GuardOptions): Guard {
  const proc: GuardProcess = options.proc ?? (process as unknown as GuardProcess);
  let beforeRestore = options.beforeRestore;
  let finished = false;

  const finish = (): void => {
    if (finished) return;
    finished = true;
    const stop = beforeRestore;
    beforeRestore = undefined;
    try {
      stop?.();
    } catch {
      // The UI is going away regardless; the terminal matters more.
    }
    options.screen.restore();
  };

  const say = (line: string): void => {
    try {
      options.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
    } catch {
      // stderr gone (hung-up terminal).
    }
  };

  const exit = (code: number, message?: string): void => {
    if (finished) return;
    finish();
    if (message) say(message);
    dispose();
    proc.exit(code);
  };

  const onCrash: Listener = (err) => {
    if (finished) return;
    finish();
    say(errorLine(err));
    if (proc.env.KT_DEBUG && err instanceof Error && err.stack) say(err.stack);
    dispose();
    proc.exit(1);
  };

  const signalHandlers = Object.entries(SIGNAL_EXIT_CODES).map(([signal, code]) => {
    const handler: Listener = () => exit(code);
    return [signal, handler] as const;
  });

  // Someone called process.exit() directly: still leave the terminal usable.
  const onExit: Listener = () => finish();

  function dispose(): void {
    proc.off('uncaughtException', onCrash);
    proc.off('unhandledRejection', onCrash);
    proc.off('exit', onExit);
    for (const [signal, handler] of signalHandlers) proc.off(signal, handler);
  }

  proc.on('uncaughtException', onCrash);
  proc.on('unhandledRejection', onCrash);
  proc.on('exit', onExit);
  for (const [signal, handler] of signalHandlers) proc.on(signal, handler);

  return {
    exit,
    setBeforeRestore(fn) {
      if (!finished) beforeRestore = fn;
    },
    dispose,
  };
}
