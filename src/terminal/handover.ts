// Handing the terminal to another program (an editor now, a shell or attach later) and taking it
// back. Ink's suspendTerminal() stops reading keys, turns raw mode off and, afterwards, takes
// raw mode back and draws the whole frame again; kt keeps its own alternate screen (screen.ts),
// so this also leaves it, with the cursor shown, and enters it again before Ink redraws.
import { CURSOR_HOME, ENTER_ALT_SCREEN, HIDE_CURSOR, LEAVE_ALT_SCREEN, RESET_ATTRIBUTES, SHOW_CURSOR } from './screen.js';

/** Ink's useApp().suspendTerminal with a callback. */
export type SuspendTerminal = (callback: () => void | Promise<void>) => Promise<void>;

export interface HandOverOutput {
  write(data: string): unknown;
}

/** Runs `run` with the terminal handed over: cooked mode, main screen, cursor shown, no key read by kt. */
export async function handOver<T>(suspend: SuspendTerminal, out: HandOverOutput, run: () => T | Promise<T>): Promise<T> {
  let result: { value: T } | undefined;
  await suspend(async () => {
    out.write(RESET_ATTRIBUTES + LEAVE_ALT_SCREEN + SHOW_CURSOR);
    try {
      result = { value: await run() };
    } finally {
      out.write(ENTER_ALT_SCREEN + CURSOR_HOME + HIDE_CURSOR);
    }
  });
  if (!result) throw new Error('kt: the terminal was not handed over');
  return result.value;
}
