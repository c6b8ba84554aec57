// Starts the UI: kubeconfig, prefs, data source, alternate screen, Ink. Runs only on a terminal,
// after main() has fixed up the environment (so Ink and chalk see NO_COLOR and no CI).
import { homedir } from 'node:os';
import type { CliArgs } from './args.js';
import { loadDeps } from './deps.js';
import { firstLists, prefetchStartupWatches } from './prefetch.js';
import { frameLogger } from './frame-log.js';
import { withoutGlobalFetch } from './hide-fetch.js';
import { fetchServerVersion } from './server-version.js';
import type { PrefsStore, SessionInfo } from '../app/types.js';
import { createJournal } from '../actions/journal.js';
import { journalPath } from '../actions/journal-file.js';
import { openPrefs } from '../config/prefs.js';
import { BINDINGS, setActiveBindings } from '../keys/bindings.js';
import { applyKeyOverrides } from '../keys/overrides.js';
import { resolveMetricsSettings, startMetrics, type MetricsSettings } from '../metrics/settings.js';
import { errorLine, installGuard } from '../terminal/guard.js';
import { anchoredStdout } from '../terminal/anchored-stdout.js';
import { createScreen } from '../terminal/screen.js';

/** How long the first frame waits for the startup lists once the UI code is loaded. */
const FIRST_LIST_WAIT_MS = 300;

/** Until kt remembers a namespace for this context, start in the one its kubeconfig names. */
function withContextNamespace(store: PrefsStore, context: string, namespace: string | undefined): PrefsStore {
  if (!namespace) return store;
  return {
    get(name) {
      const prefs = store.get(name);
      return name === context && prefs.namespace === undefined ? { ...prefs, namespace } : prefs;
    },
    set: (name, patch) => store.set(name, patch),
  };
}

/** Resolves with an exit code when the UI could not start; undefined once it runs. */
export async function startUi(args: CliArgs): Promise<number | undefined> {
  const deps = await loadDeps();
  const kubeconfigOptions = { kubeconfig: args.kubeconfig, context: args.context, env: process.env, home: homedir() };
  let loaded;
  try {
    loaded = deps.loadKubeconfig(kubeconfigOptions);
  } catch (err) {
    if (!deps.isKubeconfigError(err)) throw err;
    process.stderr.write(`${errorLine(err)}\n`);
    return 1;
  }
  const prefs = openPrefs();
  if (prefs.warning) process.stderr.write(`${prefs.warning}\n`);
  const keys = applyKeyOverrides(BINDINGS, prefs.keys, prefs.path);
  if (keys.warning) process.stderr.write(`${keys.warning}\n`);
  setActiveBindings(keys.bindings);

  let metricsSettings: MetricsSettings;
  try {
    metricsSettings = resolveMetricsSettings(args, prefs.store.get(loaded.contextName).prometheus);
  } catch (err) {
    process.stderr.write(`${errorLine(err)}\n`);
    return 1;
  }

  // Credentials rewritten under kt (a rotated token) are read again on the next 401.
  const source = deps.createSource(loaded, { requestTimeoutMs: args.requestTimeoutMs, reload: () => deps.loadKubeconfig(kubeconfigOptions).kc });
  const appPrefs = withContextNamespace(prefs.store, loaded.contextName, loaded.namespace);
  const initialNamespace = args.allNamespaces ? undefined : args.namespace;
  // Lists start now; Ink, React and the views load while the API server answers.
  const prefetch = prefetchStartupWatches(source, { prefs: appPrefs, context: loaded.contextName, initialNamespace, allNamespaces: args.allNamespaces });
  // Usage from Prometheus: the configured URL, else discovered through the API server's service proxy.
  const metrics = startMetrics(metricsSettings, source.client);
  const session: SessionInfo = {
    context: loaded.contextName,
    cluster: loaded.clusterName,
    user: loaded.userName,
    server: loaded.server,
  };

  const [{ render }, { Root }, App] = await withoutGlobalFetch(() => Promise.all([import('ink'), import('./root.js'), deps.loadApp()]));
  // A first list that is nearly in is worth a short wait: one frame with rows instead of two.
  await firstLists(source, prefetch.keys, FIRST_LIST_WAIT_MS);
  const screen = createScreen(process.stdout, process.stdin);
  const guard = installGuard({
    screen,
    stderr: process.stderr,
    beforeRestore: () => {
      metrics.dispose();
      source.dispose();
    },
  });
  // The terminal went away under us (closed window): nothing left to draw on.
  process.stdout.on('error', () => guard.exit(1));
  screen.enter();

  const instance = render(
    <Root
      App={App}
      size={screen}
      session={session}
      serverVersion={fetchServerVersion(source.client)}
      app={{
        source,
        client: source.client,
        metrics,
        prefs: appPrefs,
        initialNamespace,
        allNamespaces: args.allNamespaces,
        readonly: args.readonly,
        journal: createJournal({ file: journalPath() }),
        onQuit: () => guard.exit(0),
      }}
    />,
    // Incremental: only changed lines are rewritten. See anchored-stdout.ts for the Ink 6.8.0 workaround.
    { stdout: anchoredStdout(process.stdout), exitOnCtrlC: false, patchConsole: true, incrementalRendering: true, maxFps: 30, onRender: frameLogger(process.env.KT_FRAME_LOG) },
  );
  // The panes acquired their watches when they mounted; the store lingers on a release anyway.
  setTimeout(prefetch.release, 1_000);
  guard.setBeforeRestore(() => {
    instance.unmount();
    metrics.dispose();
    source.dispose();
  });
  instance.waitUntilExit().then(
    () => guard.exit(0),
    (err: unknown) => guard.exit(1, errorLine(err)),
  );
  return undefined;
}
