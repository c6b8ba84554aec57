// The alternate screen and cursor, done by hand rather than with Ink's alternateScreen option: the
// guard must leave them on a crash or a signal whatever state Ink is in.
// enter() switches to the alternate screen and hides the cursor; restore() undoes everything
// (attributes, alternate screen, cursor, raw mode) exactly once, and never throws.

export const ENTER_ALT_SCREEN = '\x1b[?1049h';
export const LEAVE_ALT_SCREEN = '\x1b[?1049l';
export const HIDE_CURSOR = '\x1b[?25l';
export const SHOW_CURSOR = '\x1b[?25h';
export const RESET_ATTRIBUTES = '\x1b[0m';
export const CURSOR_HOME = '\x1b[H';

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

/** The parts of process.stdout the screen uses; tests pass a fake. */
export interface ScreenOutput {
  write(data: string): unknown;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
  on(event: 'resize', listener: () => void): unknown;
  off(event: 'resize', listener: () => void): unknown;
}

/** The parts of process.stdin the screen uses. */
export interface ScreenInput {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export interface Screen {
  /** Switch to the alternate screen and hide the cursor. Does nothing after restore(). */
  enter(): void;
  /** Leave the alternate screen, show the cursor, leave raw mode. Idempotent; never throws. */
  restore(): void;
  readonly active: boolean;
  /** The current size; the same object until the terminal is resized (for useSyncExternalStore). */
  size(): TerminalSize;
  /** Called with the new size after every resize (SIGWINCH, via stdout's 'resize'). */
  onResize(listener: (size: TerminalSize) => void): () => void;
}

const FALLBACK: TerminalSize = { columns: 80, rows: 24 };

export function readSize(out: Pick<ScreenOutput, 'columns' | 'rows'>): TerminalSize {
  const columns = out.columns && out.columns > 0 ? out.columns : FALLBACK.columns;
  const rows = out.rows && out.rows > 0 ? out.rows : FALLBACK.rows;
  return { columns, rows };
}

export function createScreen(out: ScreenOutput, input: ScreenInput): Screen {
  let entered = false;
  let restored = false;
  let current = readSize(out);
  const listeners = new Set<(size: TerminalSize) => void>();

  const onResize = (): void => {
    const next = readSize(out);
    if (next.columns === current.columns && next.rows === current.rows) return;
    current = next;
    for (const listener of [...listeners]) listener(current);
  };
  out.on('resize', onResize);

  const write = (data: string): void => {
    try {
      out.write(data);
    } catch {
      // The terminal may already be gone (SIGHUP, closed pty); nothing useful left to do.
    }
  };

  return {
    enter() {
      if (entered || restored) return;
      entered = true;
      write(ENTER_ALT_SCREEN + CURSOR_HOME + HIDE_CURSOR);
      // Raw at once, not when Ink first listens: keys typed before that would wait for a line
      // end in the tty's cooked mode, and Enter would arrive as "\n".
      if (input.isTTY && input.setRawMode) {
        try {
          input.setRawMode(true);
        } catch {
          // Not a real terminal after all; Ink will report it.
        }
      }
    },
    restore() {
      if (restored) return;
      restored = true;
      out.off('resize', onResize);
      listeners.clear();
      if (entered) write(RESET_ATTRIBUTES + LEAVE_ALT_SCREEN + SHOW_CURSOR);
      if (input.isTTY && input.setRawMode) {
        try {
          input.setRawMode(false);
        } catch {
          // stdin already closed.
        }
      }
    },
    get active() {
      return entered && !restored;
    },
    size: () => current,
    onResize(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
