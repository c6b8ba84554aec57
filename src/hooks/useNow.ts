// A coarse clock for AGE columns: ticks every `intervalMs`, so rows re-render on a timer too, not
// only when the watch changes. Large tables tick less often. Ticks are shared and aligned to
// multiples of the interval on the wall clock, so every pane (whatever its interval) moves in the
// same React batch and costs one frame, not one each.
import { useEffect, useState } from 'react';

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

export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => onTick(intervalMs, setNow), [intervalMs]);
  return now;
}

/** Tick interval for a table of `count` rows: 5 s, or 30 s beyond 2,000 rows. */
export function ageTickMs(count: number): number {
  return count > 2000 ? 30_000 : 5_000;
}
