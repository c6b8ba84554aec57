// Starts the watches the first screen will show before Ink, React and the views load, so the API
// server builds the (possibly large) lists while kt is still loading code. The keys are those of
// the App's initial state; the App's panes acquire the same keys (the store shares them by key).
import { paneWatchKeys } from '../app/frame-watch.js';
import { initialState } from '../app/state.js';
import type { PrefsStore } from '../config/types.js';
import { findKind } from '../kinds/registry.js';
import type { WatchKey } from '../kube/types.js';
import type { DataSource } from '../store/types.js';

export interface StartupView {
  prefs: PrefsStore;
  context: string;
  initialNamespace?: string;
  allNamespaces: boolean;
}

/** The collections the initial panes watch (and all pods when a Nodes pane counts them). */
export function startupWatchKeys(view: StartupView): WatchKey[] {
  const prefs = view.prefs.get(view.context);
  const kind = prefs.view ? findKind(prefs.view)?.id : undefined;
  const state = initialState({ prefs, view: kind, initialNamespace: view.initialNamespace, allNamespaces: view.allNamespaces });
  return paneWatchKeys(state.panes, state.namespace);
}

/**
 * Resolves once every key's first list is in (or has failed), or after `capMs`. The first frame then
 * shows the rows instead of "loading…" followed at once by a second, full frame.
 */
export function firstLists(source: DataSource, keys: readonly WatchKey[], capMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => keys.every((key) => source.snapshot(key).status.state !== 'loading');
    if (done()) return resolve();
    let unsubscribe = () => {};
    const finish = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(finish, capMs);
    unsubscribe = source.subscribe(() => {
      if (done()) finish();
    });
  });
}

/** Acquires the startup watches now; call the result once the App holds its own. */
export function prefetchStartupWatches(source: DataSource, view: StartupView): { keys: WatchKey[]; release: () => void } {
  const keys = startupWatchKeys(view);
  const releases = keys.map((key) => source.acquire(key));
  return {
    keys,
    release: () => {
      for (const release of releases) release();
    },
  };
}
