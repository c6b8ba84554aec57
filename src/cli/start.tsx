// Starts the UI: kubeconfig, prefs, data source, alternate screen, Ink. Runs only on a terminal,
// after main() has fixed up the environment (so Ink and chalk see NO_COLOR and no CI).
import { homedir } from 'node:os';
import type { CliArgs } from './args.js';
import { loadDeps } from './deps.js';
import { firstLists, prefetchStartupWatches } from './prefetch.js';
import { frameLogger } from './frame-log.js';
import { withoutGlobalFetch } from './hide-fetch.js';
import { connect, withContextNamespace, type Connection } from './connection.js';
import { layoutEngineReady } from './layout-ready.js';
import { createJournal } from '../actions/journal.js';
import { journalPath } from '../actions/journal-file.js';
import { openPrefs } from '../config/prefs.js';
import { BINDINGS, setActiveBindings } from '../keys/bindings.js';
import { applyKeyOverrides } from '../keys/overrides.js';
import { resolveLogSettings } from '../logs/log-settings.js';
import { resolveShellSettings } from '../stream/shell-settings.js';
import { errorLine, installGuard } from '../terminal/guard.js';
import { createScreen } from '../terminal/screen.js';

/** How long the first frame waits for the startup lists once the UI code is loaded. */
const FIRST_LIST_WAIT_MS = 300;
/** How long after the first frame kt asks the server what it serves. */
const DISCOVERY_DELAY_MS = 2_000;

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
  const logs = resolveLogSettings(prefs.logs, prefs.path);
  if (logs.warning) process.stderr.write(`${logs.warning}\n`);
  const shell = resolveShellSettings(prefs.shell, prefs.path);
  if (shell.warning) process.stderr.write(`${shell.warning}\n`);

  let first: Connection;
  try {
    first = connect(deps, args, prefs.store, loaded);
  } catch (err) {
    process.stderr.write(`${errorLine(err)}\n`);
    return 1;
  }
  let current = first;
  const { source } = first;
  const appPrefs = withContextNamespace(prefs.store, loaded.contextName, loaded.namespace);
  const initialNamespace = args.allNamespaces ? undefined : args.namespace;
  // Lists start now; Ink, React and the views load while the API server answers.
  const prefetch = prefetchStartupWatches(source, { prefs: appPrefs, context: loaded.contextName, initialNamespace, allNamespaces: args.allNamespaces });
  // `:ctx NAME`: the same flags, another context of the same kubeconfig files.
  const connectTo = (context: string) =>
    connect(deps, args, prefs.store, deps.loadKubeconfig({ kubeconfig: args.kubeconfig, context, namespace: undefined, env: process.env, home: homedir() }));

  const [{ render }, { Root }, App] = await withoutGlobalFetch(() => Promise.all([import('ink'), import('./root.js'), deps.loadApp(), layoutEngineReady()]));
  // A first list that is nearly in is worth a short wait: one frame with rows instead of two.
  await firstLists(source, prefetch.keys, FIRST_LIST_WAIT_MS);
  const screen = createScreen(process.stdout, process.stdin);
  const guard = installGuard({
    screen,
    stderr: process.stderr,
    beforeRestore: () => current.dispose(),
  });
  // The terminal went away under us (closed window): nothing left to draw on.
  process.stdout.on('error', () => guard.exit(1));
  screen.enter();

  const instance = render(
    <Root
      App={App}
      size={screen}
      initial={first}
      connectTo={connectTo}
      onConnected={(next) => {
        current = next;
      }}
      app={{
        prefs: prefs.store,
        logSettings: logs.settings,
        shellSettings: shell.settings,
        initialNamespace,
        allNamespaces: args.allNamespaces,
        readonly: args.readonly,
        journal: createJournal({ file: journalPath() }),
        onQuit: () => guard.exit(0),
      }}
    />,
    // Incremental: only changed lines are rewritten.
    { stdout: process.stdout, exitOnCtrlC: false, patchConsole: true, incrementalRendering: true, maxFps: 30, onRender: frameLogger(process.env.KT_FRAME_LOG) },
  );
  // Off the first frame's path: the server's discovery refreshes the kinds once the first lists have
  // been drawn and the user's first keys handled (its answer re-renders every pane; the disk cache
  // already gave the kinds of the last run).
  setTimeout(() => first.start(), DISCOVERY_DELAY_MS).unref();
  // The panes acquired their watches when they mounted; the store lingers on a release anyway.
  setTimeout(prefetch.release, 1_000);
  guard.setBeforeRestore(() => {
    instance.unmount();
    current.dispose();
  });
  instance.waitUntilExit().then(
    () => guard.exit(0),
    (err: unknown) => guard.exit(1, errorLine(err)),
  );
  return undefined;
}
