// A coarse clock for AGE columns, so the rows on screen age on a timer too, not only when the
// watch changes. Ticks are shared and aligned to multiples of the interval on the wall clock, so
// every pane moves in the same React batch and costs one frame, not one each.
import { useEffect, useRef, useState } from 'react';

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

/**
 * A pane's clock for its time cells (AGE, LAST SEEN …). It follows the shared 5 s tick, but a tick
 * only re-renders when `changesAt.current(at)` says what is on screen would read differently at
 * `at`: a table of hour-old pods renders once a minute, not every tick. Any render (a watch event,
 * a key) still reads the latest tick, so new rows never age from a stale clock.
 */
export function usePaneClock(changesAt: { readonly current: (at: number) => boolean }): number {
  const latest = useRef(Date.now());
  const [, setShown] = useState(latest.current);
  useEffect(
    () =>
      onTick(BASE_MS, (at) => {
        const changed = changesAt.current(at);
        latest.current = at;
        if (changed) setShown(at);
      }),
    [changesAt],
  );
  return latest.current;
}
