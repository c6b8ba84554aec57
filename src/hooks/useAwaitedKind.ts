// `:widgets` typed before this session's server has first answered discovery (a cold cache, a CRD
// made since the cache was written): the line waits for that answer instead of being refused, then
// runs as if typed again. A server that stays silent gets the refusal after a while.
import { useEffect, useState } from 'react';
import { registry } from '../kinds/registry.js';

const GIVE_UP_MS = 10_000;

/**
 * Returns `wait(line)`, true when it took the line: a kind name unknown so far while discovery is
 * still out. `rerun(line)` runs it once discovery has answered (or after GIVE_UP_MS); it is not
 * taken again then, so an unknown name is refused in the usual words.
 */
export function useAwaitedKind(rerun: (line: string) => void): (line: string) => boolean {
  const [waiting, setWaiting] = useState<string>();
  useEffect(() => {
    if (waiting === undefined) return;
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      setWaiting(undefined);
      rerun(waiting);
    };
    const stop = registry.subscribe(() => registry.answered && done());
    const timer = setTimeout(done, GIVE_UP_MS);
    if (registry.answered) done(); // answered between the key and this effect
    return () => {
      stop();
      clearTimeout(timer);
    };
    // `rerun` is the App's latest closure; only a new line starts a new wait.
  }, [waiting]);
  return (line) => {
    if (registry.answered) return false;
    setWaiting(line);
    return true;
  };
}
