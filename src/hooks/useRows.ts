// Snapshot → rendered, sorted, filtered rows through a RowPipeline kept per pane: work per update
// follows what changed; moving the cursor (or anything else in the reducer) touches no rows, and a
// clock tick only renders the rows on screen again (through `current`).
import { useCallback, useMemo, useRef } from 'react';
import type { Renderer } from '../render/types.js';
import type { KubeObject } from '../kube/types.js';
import { RowPipeline, type ScreenChange } from '../store/row-pipeline.js';
import { compileFilter, type ResolvedSort, type RowItem } from '../store/select.js';
import type { ResourceSnapshot } from '../store/types.js';

export interface RowsInput {
  snapshot: ResourceSnapshot | undefined;
  renderer: Renderer | undefined;
  allNamespaces: boolean;
  podCountByNode?: ReadonlyMap<string, number>;
  now: number;
  filter: string;
  /** A column sort with its cells' index among the renderer's columns (resolveSort). */
  sort: ResolvedSort;
}

export interface Rows {
  /** Filtered and sorted, each row next to its object. */
  items: readonly RowItem[];
  /** Rows before filtering. */
  total: number;
  filterError?: string;
  /** A row as of the pane's clock: call it for the rows on screen (see RowPipeline.current). */
  current: (item: RowItem) => RowItem;
  /** How `visible` would read at clock `at` compared with now (see RowPipeline.changeAt). */
  changeAt: (visible: readonly RowItem[], at: number, stepMs: number) => ScreenChange;
}

const NO_OBJECTS: readonly KubeObject[] = Object.freeze([]);

export function useRows({ snapshot, renderer, allNamespaces, podCountByNode, now, filter, sort }: RowsInput): Rows {
  // One pipeline per pane: it keeps rows between updates (see store/row-pipeline.ts).
  const pipeline = useRef<RowPipeline | null>(null);
  pipeline.current ??= new RowPipeline();
  const rows = pipeline.current;
  const compiled = useMemo(() => compileFilter(filter), [filter]);
  const { by, desc, column, index, value } = sort;
  const out = useMemo(
    () =>
      rows.update({
        items: snapshot?.items ?? NO_OBJECTS,
        changes: snapshot?.changes,
        renderer,
        allNamespaces,
        podCountByNode,
        now,
        filter: compiled,
        sort: { by, desc, column, index, value },
      }),
    [rows, snapshot, renderer, allNamespaces, podCountByNode, now, compiled, by, desc, column, index, value],
  );
  const current = useCallback((item: RowItem) => rows.current(item, now), [rows, now]);
  const changeAt = useCallback((visible: readonly RowItem[], at: number, stepMs: number) => rows.changeAt(visible, now, at, stepMs), [rows, now]);
  return useMemo(
    () => ({ items: out.items, total: out.total, filterError: compiled?.error, current, changeAt }),
    [out, compiled, current, changeAt],
  );
}
