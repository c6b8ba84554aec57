import type { Journal } from '../actions/journal.js';
import type { KubeClient } from '../kube/client.js';
import type { MetricsSource, PrometheusPrefs } from '../metrics/types.js';
import type { DataSource } from '../store/types.js';

/** Who and where kt is connected, for the header. */
export interface SessionInfo {
  context: string;
  cluster: string;
  user: string;
  server: string;
  serverVersion?: string;
}

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

export interface AppProps {
  source: DataSource;
  /** For actions and describe; absent in tests that only render (actions are then unavailable). */
  client?: KubeClient;
  /** Prometheus usage for the CPU/MEM columns and sparklines; absent = no metrics columns. */
  metrics?: MetricsSource;
  session: SessionInfo;
  prefs: PrefsStore;
  /** From -n / -A; overrides the remembered namespace when given. */
  initialNamespace?: string;
  allNamespaces: boolean;
  readonly: boolean;
  /** Terminal size; the app re-lays on change. */
  columns: number;
  rows: number;
  onQuit: () => void;
  /** The run's journal of actions (start.tsx gives it its file); else useActions makes one in memory. */
  journal?: Journal;
}
