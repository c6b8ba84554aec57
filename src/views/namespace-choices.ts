// The namespace picker's list: all namespaces, the favourites (with their keys), then every other
// namespace the cluster lists, narrowed by what was typed; a typed name no one listed can still be
// used (a user who may not list namespaces can still work in one).

export interface NamespaceChoice {
  /** undefined = all namespaces. */
  namespace: string | undefined;
  label: string;
  /** "0"-"9" when a key switches to it directly. */
  key?: string;
}

export function namespaceChoices(listed: readonly string[], favourites: readonly string[], typed: string): NamespaceChoice[] {
  const needle = typed.trim().toLowerCase();
  const matches = (name: string) => !needle || name.toLowerCase().includes(needle);
  const out: NamespaceChoice[] = [];
  if (!needle || 'all'.includes(needle)) out.push({ namespace: undefined, label: 'all namespaces', key: '0' });
  favourites.forEach((name, i) => {
    if (matches(name)) out.push({ namespace: name, label: name, key: String(i + 1) });
  });
  const favs = new Set(favourites);
  for (const name of [...listed].sort()) {
    if (!favs.has(name) && matches(name)) out.push({ namespace: name, label: name });
  }
  const typedName = typed.trim();
  if (typedName && !out.some((c) => c.namespace === typedName)) {
    out.push({ namespace: typedName, label: `${typedName} (use as typed)` });
  }
  return out;
}
