// The App's single subscription to Ink's input: every chunk goes to one KeyRouter, which the
// keymaps below it (useKeymap) listen on. The router learns from here when React has committed
// the state a key produced, so the next key in a chunk is matched against the re-rendered UI.
import { useInput } from 'ink';
import { createContext, useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { KeyRouter } from '../keys/router.js';

export const KeyRouterContext = createContext<KeyRouter | undefined>(undefined);

export function useKeyRouter<S>(state: S, current: () => S): KeyRouter<S> {
  const [router] = useState(() => new KeyRouter<S>({ current }));
  useInput(useCallback((input, key) => router.feed(input, key), [router]));
  // Layout effect: it runs after the keymaps below have registered their re-rendered handlers.
  useLayoutEffect(() => router.committed(state), [router, state]);
  useEffect(() => () => router.dispose(), [router]);
  return router;
}
