// Snapshot → rendered, filtered, sorted rows. Each stage is memoised on its own inputs only, so
// moving the cursor (or anything else in the reducer) never re-renders or re-sorts the rows.
import { useMemo } from 'react';
import type { Renderer } from '../render/types.js';
import { compileFilter, filterRows, sortRows, type RowItem, type SortSpec } from '../store/select.js';
import type { ResourceSnapshot } from '../store/types.js';

export interface RowsInput {
  snapshot: ResourceSnapshot | undefined;
  renderer: Renderer | undefined;
  allNamespaces: boolean;
  podCountByNode?: ReadonlyMap<string, number>;
  now: number;
  filter: string;
  sort: SortSpec;
}

export interface Rows {
  /** Filtered and sorted, each row next to its object. */
  items: readonly RowItem[];
  /** Rows before filtering. */
  total: number;
  filterError?: string;
}

const NO_ITEMS: readonly RowItem[] = Object.freeze([]);

export function renderItems(
  snapshot: ResourceSnapshot | undefined,
  renderer: Renderer | undefined,
  allNamespaces: boolean,
  podCountByNode: ReadonlyMap<string, number> | undefined,
  now: number,
): readonly RowItem[] {
  if (!snapshot || !renderer || snapshot.items.length === 0) return NO_ITEMS;
  const ctx = { now, allNamespaces, podCountByNode };
  return snapshot.items.map((obj) => ({ row: renderer.render(obj, ctx), obj }));
}

export function useRows({ snapshot, renderer, allNamespaces, podCountByNode, now, filter, sort }: RowsInput): Rows {
  const rendered = useMemo(
    () => renderItems(snapshot, renderer, allNamespaces, podCountByNode, now),
    [snapshot, renderer, allNamespaces, podCountByNode, now],
  );
  const compiled = useMemo(() => compileFilter(filter), [filter]);
  const filtered = useMemo(() => filterRows(rendered, compiled), [rendered, compiled]);
  const { by, desc } = sort;
  const sorted = useMemo(() => sortRows(filtered, { by, desc }), [filtered, by, desc]);
  return useMemo(
    () => ({ items: sorted, total: rendered.length, filterError: compiled?.error }),
    [sorted, rendered.length, compiled],
  );
}
