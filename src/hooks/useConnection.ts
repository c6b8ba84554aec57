// The context's connection state, re-rendered only when it changes, and a clock that ticks each
// second while it is not live (the header counts down to the next retry and up the data's age).
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ConnectionStatus, DataSource } from '../store/types.js';
import { useSourceSubscribe } from './useResource.js';

export function useConnection(source: DataSource): ConnectionStatus {
  // Read as a string so a source returning a fresh object per call cannot loop the store hook.
  const read = () => JSON.stringify(source.connection());
  const text = useSyncExternalStore(useSourceSubscribe(source), read, read);
  return useMemo(() => JSON.parse(text) as ConnectionStatus, [text]);
}

/** Date.now(), re-read every second while `ticking`, else only when rendered anyway. */
export function useSecondsWhile(ticking: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return ticking ? now : Date.now();
}
