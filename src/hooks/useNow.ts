// A coarse clock for AGE columns: ticks every `intervalMs`, so rows re-render on a timer too, not
// only when the watch changes. Large tables tick less often.
import { useEffect, useState } from 'react';

export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Tick interval for a table of `count` rows: 5 s, or 30 s beyond 2,000 rows. */
export function ageTickMs(count: number): number {
  return count > 2000 ? 30_000 : 5_000;
}
