// The config's `keys` object: command id → key list, applied over the default bindings at
// startup, e.g. {"keys": {"action.scale": ["S"], "action.delete": ["ctrl+x"]}}. A key given to a
// command is taken away from any other command live at the same time (so "S" stops sorting by
// status). Bad entries are skipped and named in one warning line.
import type { Binding, Scope } from './bindings.js';
import { isKeySpec } from './match.js';

/** Normal mode's keymaps all listen at once; every other scope listens alone (with `any`). */
const NORMAL: ReadonlySet<Scope> = new Set<Scope>(['global', 'pane', 'action']);

/** Whether two scopes' keymaps listen at the same time (a key must mean one thing across them). */
function together(a: Scope, b: Scope): boolean {
  return a === b || a === 'any' || b === 'any' || (NORMAL.has(a) && NORMAL.has(b));
}

export interface KeyOverrides {
  bindings: readonly Binding[];
  /** One line naming the entries that were ignored, when any were. */
  warning?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Applies `raw` (the config's `keys`, anything) over `defaults`; `where` names the file in the warning. */
export function applyKeyOverrides(defaults: readonly Binding[], raw: unknown, where = 'config'): KeyOverrides {
  if (raw === undefined) return { bindings: defaults };
  if (!isRecord(raw)) return { bindings: defaults, warning: `kt: ignoring "keys" in ${where}: not an object of command → key list; using the default keys` };
  const problems: string[] = [];
  let bindings = [...defaults];
  for (const [id, value] of Object.entries(raw)) {
    const target = bindings.find((b) => b.id === id);
    if (!target) {
      problems.push(`${id} (no such command; see ? for the ids)`);
      continue;
    }
    if (!Array.isArray(value) || value.length === 0 || !value.every((k): k is string => typeof k === 'string')) {
      problems.push(`${id} (want a non-empty list of keys, e.g. ["S"])`);
      continue;
    }
    const bad = value.find((k) => !isKeySpec(k));
    if (bad !== undefined) {
      problems.push(`${id} ("${bad}" is not a key: use a character, enter, esc, tab, space, up, pgdn, ctrl+x …)`);
      continue;
    }
    const keys = [...new Set(value)];
    bindings = bindings.map((b) => {
      if (b.id === id) return { ...b, keys };
      if (!together(b.scope, target.scope) || !b.keys.some((k) => keys.includes(k))) return b;
      return { ...b, keys: b.keys.filter((k) => !keys.includes(k)) };
    });
  }
  const warning = problems.length ? `kt: ignoring keys in ${where}: ${problems.join('; ')}` : undefined;
  return { bindings, warning };
}
