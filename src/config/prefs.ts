// Per-context memory (namespace, view, favourite namespaces) kept across runs with `conf`.
// A corrupt config file is reported once, ignored, and never overwritten during the run.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { firstLine } from '../text/first-line.js';
import type { ContextPrefs, PrefsStore } from './types.js';

export const MAX_FAVOURITES = 9;
const CONFIG_FILE = 'config.json';

type Env = Record<string, string | undefined>;
type ContextMap = Record<string, ContextPrefs>;

export interface OpenPrefsOptions {
  env?: Env;
  platform?: NodeJS.Platform;
  home?: string;
}

export interface OpenedPrefs {
  store: PrefsStore;
  /** The config file's path. */
  path: string;
  /** One line for stderr when the file was unreadable; the run then uses defaults, in memory only. */
  warning?: string;
  /** The file's top-level `keys` (key rebinding), unchecked: see keys/overrides.ts. */
  keys?: unknown;
  /** The file's top-level `logs` (tail, buffer), unchecked: see logs/log-settings.ts. */
  logs?: unknown;
  /** The file's top-level `shell` (the command `s` runs), unchecked: see stream/shell-settings.ts. */
  shell?: unknown;
}

/** Where kt keeps its config: $KT_CONFIG_DIR, else the platform's config dir (as conf/env-paths). */
export function configDir(env: Env = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.KT_CONFIG_DIR) return env.KT_CONFIG_DIR;
  const name = 'kt-nodejs';
  if (platform === 'darwin') return join(home, 'Library', 'Preferences', name);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), name, 'Config');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), name);
}

/** Move `namespace` to the front of `list`, without duplicates, keeping at most MAX_FAVOURITES. */
export function pushFavourite(list: readonly string[], namespace: string): string[] {
  if (!namespace) return [...list].slice(0, MAX_FAVOURITES);
  return [namespace, ...list.filter((ns) => ns !== namespace)].slice(0, MAX_FAVOURITES);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keep only well-formed fields; anything odd reads as "not set". */
function sanitize(value: unknown): ContextPrefs {
  const out: ContextPrefs = { favourites: [] };
  if (!isRecord(value)) return out;
  if (typeof value.namespace === 'string') out.namespace = value.namespace;
  if (typeof value.view === 'string') out.view = value.view;
  if (Array.isArray(value.favourites)) {
    const names = value.favourites.filter((ns): ns is string => typeof ns === 'string' && ns !== '');
    out.favourites = [...new Set(names)].slice(0, MAX_FAVOURITES);
  }
  const prometheus = sanitizePrometheus(value.prometheus);
  if (prometheus) out.prometheus = prometheus;
  return out;
}

/** The hand-written per-context Prometheus settings: string fields only (see metrics/settings.ts). */
function sanitizePrometheus(value: unknown): ContextPrefs['prometheus'] {
  if (!isRecord(value)) return undefined;
  const out: NonNullable<ContextPrefs['prometheus']> = {};
  if (typeof value.url === 'string' && value.url) out.url = value.url;
  if (typeof value.tokenFile === 'string' && value.tokenFile) out.tokenFile = value.tokenFile;
  if (typeof value.interval === 'string' && value.interval) out.interval = value.interval;
  return out;
}

function sanitizeAll(value: unknown): ContextMap {
  const out: ContextMap = {};
  if (!isRecord(value)) return out;
  for (const [name, prefs] of Object.entries(value)) out[name] = sanitize(prefs);
  return out;
}

/** Read and parse the file ourselves: conf would throw on it, or (with clearInvalidConfig) wipe it. */
function checkFile(path: string): { ok: true } | { ok: false; reason: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true };
    return { ok: false, reason: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
  try {
    const data: unknown = JSON.parse(text);
    if (!isRecord(data)) return { ok: false, reason: 'not a JSON object' };
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: firstLine(err) };
  }
}

/**
 * `set(context, {namespace})` also moves a non-empty namespace to the front of that context's
 * favourites (most recently used first, at most 9) unless `favourites` is given too.
 */
export function openPrefs(options: OpenPrefsOptions = {}): OpenedPrefs {
  const dir = configDir(options.env ?? process.env, options.platform ?? process.platform, options.home ?? homedir());
  const path = join(dir, CONFIG_FILE);
  const check = checkFile(path);

  let conf: Conf<{ contexts: ContextMap }> | undefined;
  let memory: ContextMap = {};
  let warning: string | undefined;
  let keys: unknown;
  let logs: unknown;
  let shell: unknown;
  if (check.ok) {
    try {
      conf = new Conf<{ contexts: ContextMap }>({
        projectName: 'kt',
        cwd: dir,
        configName: 'config',
        accessPropertiesByDotNotation: false, // context names are full of dots
      });
      memory = sanitizeAll(conf.get('contexts'));
      keys = (conf.store as Record<string, unknown>).keys;
      logs = (conf.store as Record<string, unknown>).logs;
      shell = (conf.store as Record<string, unknown>).shell;
    } catch (err) {
      conf = undefined;
      warning = `kt: ignoring config ${path}: ${firstLine(err)}; using defaults`;
    }
  } else {
    warning = `kt: ignoring corrupt config ${path}: ${check.reason}; using defaults`;
  }

  const persist = (context: string, prefs: ContextPrefs): void => {
    if (!conf) return;
    try {
      // Re-read so that another kt running on another context keeps its changes.
      const onDisk = sanitizeAll(conf.get('contexts'));
      conf.set('contexts', { ...onDisk, [context]: prefs });
    } catch {
      // Unwritable or changed under us: keep going in memory; the UI is not the place to say so.
      conf = undefined;
    }
  };

  const store: PrefsStore = {
    get(context) {
      const prefs = memory[context] ?? { favourites: [] };
      return { ...prefs, favourites: [...prefs.favourites] };
    },
    set(context, patch) {
      const prev = memory[context] ?? { favourites: [] };
      const next: ContextPrefs = { ...prev, favourites: [...prev.favourites] };
      if ('namespace' in patch) next.namespace = patch.namespace;
      if ('view' in patch) next.view = patch.view;
      if (patch.favourites) next.favourites = sanitize({ favourites: patch.favourites }).favourites;
      else if (patch.namespace) next.favourites = pushFavourite(next.favourites, patch.namespace);
      if (next.namespace === undefined) delete next.namespace;
      if (next.view === undefined) delete next.view;
      memory = { ...memory, [context]: next };
      persist(context, next);
    },
  };
  return { store, path, warning, keys, logs, shell };
}
