// Starts the UI: kubeconfig, prefs, data source, alternate screen, Ink. Runs only on a terminal,
// after main() has fixed up the environment (so Ink and chalk see NO_COLOR and no CI).
import { homedir } from 'node:os';
import { render } from 'ink';
import type { CliArgs } from './args.js';
import { loadDeps } from './deps.js';
import { Root } from './root.js';
import { fetchServerVersion } from './server-version.js';
import type { PrefsStore, SessionInfo } from '../app/types.js';
import { openPrefs } from '../config/prefs.js';
import { errorLine, installGuard } from '../terminal/guard.js';
import { createScreen } from '../terminal/screen.js';

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
  let loaded;
  try {
    loaded = deps.loadKubeconfig({ kubeconfig: args.kubeconfig, context: args.context, env: process.env, home: homedir() });
  } catch (err) {
    if (!deps.isKubeconfigError(err)) throw err;
    process.stderr.write(`${errorLine(err)}\n`);
    return 1;
  }
  const prefs = openPrefs();
  if (prefs.warning) process.stderr.write(`${prefs.warning}\n`);

  const source = deps.createSource(loaded, { requestTimeoutMs: args.requestTimeoutMs });
  const session: SessionInfo = {
    context: loaded.contextName,
    cluster: loaded.clusterName,
    user: loaded.userName,
    server: loaded.server,
  };

  const App = await deps.loadApp();
  const screen = createScreen(process.stdout, process.stdin);
  const guard = installGuard({ screen, stderr: process.stderr, beforeRestore: () => source.dispose() });
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
        prefs: withContextNamespace(prefs.store, loaded.contextName, loaded.namespace),
        initialNamespace: args.allNamespaces ? undefined : args.namespace,
        allNamespaces: args.allNamespaces,
        readonly: args.readonly,
        onQuit: () => guard.exit(0),
      }}
    />,
    // Not incrementalRendering: in Ink 6.8.0 it moves up one line too few when the frame is shorter
    // than the terminal (it ends with a newline), so every frame lands one row lower; a frame of
    // exactly `rows` lines takes Ink's clear-and-redraw path anyway. Frames are wrapped in
    // synchronized-output marks (CSI ?2026), so full redraws do not flicker where supported.
    { exitOnCtrlC: false, patchConsole: true, incrementalRendering: false, maxFps: 30 },
  );
  guard.setBeforeRestore(() => {
    instance.unmount();
    source.dispose();
  });
  instance.waitUntilExit().then(
    () => guard.exit(0),
    (err: unknown) => guard.exit(1, errorLine(err)),
  );
  return undefined;
}
