// Help with kind names on the `:` line: the closest known names for a typo ("secret5" → secrets)
// and Tab completion of a prefix. Both read the registry, so discovered kinds take part.
import { distance } from 'fastest-levenshtein';
import { allKinds, findKind } from './registry.js';
import type { KindSpec } from './types.js';

function namesOf(spec: KindSpec): string[] {
  return [spec.plural, spec.kind.toLowerCase(), ...spec.aliases.map((a) => a.toLowerCase()), spec.id];
}

/** The name to show for a kind: its plural where that finds it, else its qualified id. */
export function displayName(spec: KindSpec): string {
  return findKind(spec.plural) === spec ? spec.plural : spec.id;
}

/** Up to `max` kinds whose names are within a few edits of `typed`, closest first. */
export function suggestKinds(typed: string, max = 3): string[] {
  const name = typed.trim().toLowerCase();
  // One edit for short names (else "foo" would suggest "po"), a third of the length for long ones.
  const limit = name.length <= 4 ? 1 : Math.max(2, Math.floor(name.length / 3));
  const best = new Map<string, number>();
  for (const spec of allKinds()) {
    const d = Math.min(...namesOf(spec).map((n) => distance(name, n)));
    if (d > limit) continue;
    const shown = displayName(spec);
    best.set(shown, Math.min(d, best.get(shown) ?? Infinity));
  }
  return [...best.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, max).map(([n]) => n);
}

/** Every known name starting with `prefix` (case-insensitive), sorted. */
export function completions(prefix: string): string[] {
  const p = prefix.toLowerCase();
  const out = new Set<string>();
  for (const spec of allKinds()) for (const n of namesOf(spec)) if (n.startsWith(p)) out.add(n);
  return [...out].sort();
}

/** What Tab makes of a word: the longest common prefix of its completions (the word itself when none). */
export function completeWord(word: string, extra: readonly string[] = []): string {
  const p = word.toLowerCase();
  const all = [...completions(word), ...extra.filter((n) => n.startsWith(p))];
  if (all.length === 0) return word;
  let common = all[0] as string;
  for (const n of all) while (!n.startsWith(common)) common = common.slice(0, -1);
  return common.length >= word.length ? common : word;
}
