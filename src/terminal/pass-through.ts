// The user's terminal given to a remote shell (stream/exec.ts) while kt has handed it over
// (handover.ts): raw mode, so every key (Ctrl-C included) goes to the shell; the keys read from
// stdin as they come; the size from stdout and its 'resize' (SIGWINCH). Undone when released.
import type { TerminalPort } from '../stream/exec.js';
import { readSize } from './screen.js';

interface Input {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  on(event: 'data', listener: (data: Buffer | string) => void): unknown;
  off(event: 'data', listener: (data: Buffer | string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
  ref?(): unknown;
}

interface Output {
  write(data: Buffer | string): unknown;
  columns?: number;
  rows?: number;
  on(event: 'resize', listener: () => void): unknown;
  off(event: 'resize', listener: () => void): unknown;
}

/** The terminal in raw mode for the session; `release()` gives it back as it was handed over. */
export function passThrough(input: Input, output: Output): TerminalPort & { release(): void } {
  const raw = Boolean(input.isTTY && input.setRawMode);
  if (raw) input.setRawMode?.(true);
  const undo: (() => void)[] = [];
  return {
    onInput(listener) {
      const onData = (data: Buffer | string) => listener(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      input.on('data', onData);
      input.ref?.();
      input.resume();
      const stop = () => {
        input.off('data', onData);
        input.pause();
      };
      undo.push(stop);
      return stop;
    },
    write: (data) => output.write(data),
    size: () => readSize(output),
    onResize(listener) {
      const onResize = () => listener(readSize(output));
      output.on('resize', onResize);
      const stop = () => output.off('resize', onResize);
      undo.push(stop);
      return stop;
    },
    release() {
      for (const stop of undo.splice(0)) stop();
      if (raw) input.setRawMode?.(false);
    },
  };
}
