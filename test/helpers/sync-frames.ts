// Holds back a synchronized update (DEC mode 2026) until it is complete, as a real terminal does,
// so a test never reads a half-drawn frame. @xterm/headless parses the mode but still updates its
// buffer byte by byte.
export const SYNC_START = '\x1b[?2026h';
export const SYNC_END = '\x1b[?2026l';

/** A frame left open this long is written anyway (terminals time out a stuck update too). */
export const SYNC_TIMEOUT_MS = 1_000;

export interface FrameGate {
  /** Feed output as it arrives; complete frames and anything outside a frame pass straight on. */
  push(data: string): void;
  /** Pass on whatever is held back (at exit). */
  flush(): void;
}

export function frameGate(write: (data: string) => void, timeoutMs = SYNC_TIMEOUT_MS): FrameGate {
  let held = '';
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (held) write(held);
    held = '';
  };
  return {
    push(data) {
      held += data;
      const open = held.lastIndexOf(SYNC_START);
      if (open < 0 || held.indexOf(SYNC_END, open) >= 0) return flush();
      if (open > 0) {
        write(held.slice(0, open));
        held = held.slice(open);
        clearTimeout(timer);
        timer = undefined;
      }
      timer ??= setTimeout(flush, timeoutMs);
    },
    flush,
  };
}
