// The store's items array, ordered by namespace then name, rebuilt from the watcher's map either in
// full (sort) or, when only a few keys changed since the last build, by patching a copy of the
// last array with binary searches, which also yields the change set for incremental consumers.
// The arrays are read-only by type but not frozen: copying a frozen array is several times slower.
import type { KubeObject } from '../kube/types.js';
import type { SnapshotChanges } from './types.js';

function compareKey(ns: string, name: string, obj: KubeObject): number {
  const ons = obj.metadata.namespace ?? '';
  if (ns !== ons) return ns < ons ? -1 : 1;
  const oname = obj.metadata.name;
  return name < oname ? -1 : name > oname ? 1 : 0;
}

/** Items ordered by namespace, then name: stable across versions. */
export function sortedItems(map: ReadonlyMap<string, KubeObject>): readonly KubeObject[] {
  const items = [...map.values()];
  items.sort((a, b) => compareKey(a.metadata.namespace ?? '', a.metadata.name, b));
  return items;
}

/** objectKey() back to namespace and name ("ns/name" or "name"). */
function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return slash < 0 ? ['', key] : [key.slice(0, slash), key.slice(slash + 1)];
}

/** Index of the first item not ordered before ns/name. */
function search(items: readonly KubeObject[], ns: string, name: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKey(ns, name, items[mid] as KubeObject) > 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `base` (a previous sortedItems result) patched with the current objects of the `changed` keys.
 * The caller decides when a full sortedItems is cheaper (many changes, relists).
 */
export function patchItems(
  base: readonly KubeObject[],
  map: ReadonlyMap<string, KubeObject>,
  changed: Iterable<string>,
): { items: readonly KubeObject[]; changes: SnapshotChanges } {
  const items = base.slice();
  const removed: KubeObject[] = [];
  const added: KubeObject[] = [];
  for (const key of changed) {
    const [ns, name] = splitKey(key);
    const current = map.get(key);
    const at = search(items, ns, name);
    const found = at < items.length && compareKey(ns, name, items[at] as KubeObject) === 0 ? items[at] : undefined;
    if (found === current) continue;
    if (found) removed.push(found);
    if (current) added.push(current);
    if (found && current) items[at] = current;
    else if (found) items.splice(at, 1);
    else if (current) items.splice(at, 0, current);
  }
  return { items, changes: { base, removed, added } };
}
