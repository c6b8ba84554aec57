// KT_FRAME_LOG=<file>: kt appends how long Ink took to draw each frame (ms, one per line), for
// benchmarks and profiling. Off unless set.
import { appendFileSync } from 'node:fs';

export type OnRender = (metrics: { renderTime: number }) => void;

export function frameLogger(path: string | undefined): OnRender | undefined {
  if (!path) return undefined;
  return ({ renderTime }) => {
    try {
      appendFileSync(path, `${renderTime.toFixed(2)}\n`);
    } catch {
      // A log that cannot be written must not stop the UI.
    }
  };
}
