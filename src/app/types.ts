import type { Journal } from '../actions/journal.js';
import type { KubeClient } from '../kube/client.js';
import type { PrefsStore } from '../config/types.js';
import type { TextStreamer } from '../kube/text-stream.js';
import type { LogSettings } from '../logs/log-settings.js';
import type { MetricsSource } from '../metrics/types.js';
import type { WebSocketDialer } from '../kube/websocket.js';
import type { ShellSettings } from '../stream/shell-settings.js';
import type { DataSource } from '../store/types.js';

/** Who and where kt is connected, for the header. */
export interface SessionInfo {
  context: string;
  cluster: string;
  user: string;
  server: string;
  serverVersion?: string;
}

export interface AppProps {
  source: DataSource;
  /** For actions and describe; absent in tests that only render (actions are then unavailable). */
  client?: KubeClient;
  /** Log streams (pods/log) for the log view; absent = `l` says logs are unavailable. */
  streamer?: TextStreamer;
  /** The log view's tail and buffer (config file `logs`); defaults when absent. */
  logSettings?: LogSettings;
  /** WebSockets to the API server (shell, attach, port-forward); absent = those say they need one. */
  dialer?: WebSocketDialer;
  /** The command `s` runs (config file `shell`); bash, else sh, when absent. */
  shellSettings?: ShellSettings;
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
  /** The kubeconfig's contexts, for `:ctx`. */
  contexts?: readonly ContextChoice[];
  /** Switches to another context; a one-line reason when it cannot. */
  onSwitchContext?: (name: string) => string | undefined;
}

/** A context as `kubectl config get-contexts` lists it. */
export interface ContextChoice {
  name: string;
  cluster: string;
  authInfo: string;
  namespace: string;
}
