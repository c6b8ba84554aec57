// Remembers, per context, the namespace, the favourite namespaces and the focused view, writing
// only when one of them changes (never on start, so -n/-A alone do not overwrite the memory).
import { useEffect, useRef } from 'react';
import type { PrefsStore } from '../config/types.js';

export function usePrefsMemory(
  prefs: PrefsStore,
  context: string,
  namespace: string | undefined,
  favourites: readonly string[],
  view: string | undefined,
): void {
  const saved = useRef({ namespace, favourites, view });
  useEffect(() => {
    const last = saved.current;
    if (last.namespace === namespace && last.favourites === favourites) return;
    saved.current = { ...last, namespace, favourites };
    // Favourites are always given, so the store does not reorder them (keys 1-9 stay put).
    prefs.set(context, { namespace: namespace ?? '', favourites: [...favourites] });
  }, [prefs, context, namespace, favourites]);
  useEffect(() => {
    const last = saved.current;
    if (last.view === view || view === undefined) return;
    saved.current = { ...last, view };
    prefs.set(context, { view });
  }, [prefs, context, view]);
}
