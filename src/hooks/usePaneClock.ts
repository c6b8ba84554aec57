// A coarse clock for AGE columns, so the rows on screen age on a timer too, not only when the
// watch changes. Ticks are shared and aligned to multiples of the interval on the wall clock, so
// every pane moves in the same React batch and costs one frame, not one each.
import { useEffect, useRef, useState } from 'react';
import type { ScreenChange } from '../store/row-pipeline.js';

/** Every interval in use is a multiple of this; one timer serves them all. */
const BASE_MS = 5_000;
const listeners = new Map<(now: number) => void, number>();
let timer: ReturnType<typeof setTimeout> | undefined;

function arm(): void {
  timer = setTimeout(() => {
    const at = Date.now();
    const boundary = Math.round(at / BASE_MS) * BASE_MS;
    for (const [listener, interval] of [...listeners]) if (boundary % interval === 0) listener(at);
    arm();
  }, BASE_MS - (Date.now() % BASE_MS));
  timer.unref?.();
}

/**
 * Calls `listener` at each multiple of `intervalMs` (rounded up to a multiple of 5 s) on the wall
 * clock; all listeners due at the same moment run in the same task. Returns the unsubscribe.
 */
export function onTick(intervalMs: number, listener: (now: number) => void): () => void {
  listeners.set(listener, Math.max(BASE_MS, Math.ceil(intervalMs / BASE_MS) * BASE_MS));
  if (timer === undefined) arm();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

/** How the screen would read at clock `at`, judged over steps of `stepMs` (RowPipeline.changeAt). */
export type ScreenChangeAt = (at: number, stepMs: number) => ScreenChange;

/**
 * How long a change that only steps a minute-or-slower cell ("45m" → "46m") may wait for a frame
 * drawn anyway (a metrics refresh, every 15 s by default) before it is drawn on its own.
 */
export const COARSE_WAIT_MS = 15_000;

/**
 * A pane's clock for its time cells (AGE, LAST SEEN …). It follows the shared 5 s tick, but a tick
 * only re-renders when `changeAt.current(at)` says what is on screen would read differently at
 * `at`: at once when a cell counts seconds, and within COARSE_WAIT_MS when cells only step by the
 * minute or hour, so that such a step rides on the next frame drawn for another reason. Any
 * render (a watch event, a key, metrics) reads the latest tick, so new rows never age from a stale
 * clock.
 */
export function usePaneClock(changeAt: { readonly current: ScreenChangeAt }): number {
  const latest = useRef(Date.now());
  const [, setShown] = useState(latest.current);
  useEffect(() => {
    let waiting: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      clearTimeout(waiting);
      waiting = undefined;
      setShown(latest.current);
    };
    const stop = onTick(BASE_MS, (at) => {
      const change = changeAt.current(at, BASE_MS);
      latest.current = at;
      if (change === 'fine') show();
      else if (change === 'coarse' && waiting === undefined) {
        waiting = setTimeout(() => {
          waiting = undefined;
          // Drawn meanwhile: the rows on screen already read the latest tick.
          if (changeAt.current(latest.current, 0) !== 'none') show();
        }, COARSE_WAIT_MS);
        waiting.unref?.();
      }
    });
    return () => {
      stop();
      clearTimeout(waiting);
    };
  }, [changeAt]);
  return latest.current;
}
