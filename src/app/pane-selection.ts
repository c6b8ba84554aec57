// What an action key acts on in a pane: the row under the cursor, and the marked rows that are
// shown (a filter hides marks from the action as it hides the rows from the user).
import type { PaneSelection } from '../actions/open.js';
import type { ActionTarget } from '../actions/types.js';
import type { KindSpec } from '../kinds/registry.js';
import type { RowItem } from '../store/select.js';

function target(kind: string, item: RowItem): ActionTarget {
  const { name, namespace } = item.obj.metadata;
  return namespace ? { kind, name, namespace, object: item.obj } : { kind, name, object: item.obj };
}

export function paneSelection(
  pane: number,
  spec: Pick<KindSpec, 'id'>,
  items: readonly RowItem[],
  cursor: number,
  marks: readonly string[] | undefined,
): PaneSelection {
  const item = items[cursor];
  const set = new Set(marks ?? []);
  const marked = set.size ? items.filter((i) => set.has(i.row.key)).map((i) => target(spec.id, i)) : [];
  return { pane, kind: spec.id, cursor: item ? target(spec.id, item) : undefined, marked };
}
