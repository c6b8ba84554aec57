import type { PrometheusPrefs } from '../metrics/types.js';

/** Per-context memory kept across runs (backed by `conf`). */
export interface ContextPrefs {
  namespace?: string; // "" or undefined = all namespaces
  view?: string; // registry id of the focused pane's kind
  favourites: string[]; // most recently used namespaces, newest first, at most 9
  prometheus?: PrometheusPrefs; // set by hand in the config file: { url, tokenFile, interval }
}

export interface PrefsStore {
  get(context: string): ContextPrefs;
  set(context: string, prefs: Partial<ContextPrefs>): void;
}
