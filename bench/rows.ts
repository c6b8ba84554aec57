// The whole-list row computation kt ran before its incremental pipeline (store/row-pipeline.ts):
// render every object, filter, sort. The benchmarks time it as the baseline, and the pipeline's
// tests use it as the reference the incremental result must equal.
import type { KubeObject } from '../src/kube/types.js';
import type { RenderContext, Renderer } from '../src/render/types.js';
import { compareRows, type CompiledFilter, type ResolvedSort, type RowItem } from '../src/store/select.js';

export type { RowItem } from '../src/store/select.js';

export function renderAll(objs: readonly KubeObject[], r: Renderer, ctx: RenderContext): RowItem[] {
  return objs.map((obj) => ({ row: r.render(obj, ctx), obj }));
}

export function filterRows(items: readonly RowItem[], filter: CompiledFilter | undefined): readonly RowItem[] {
  if (!filter) return items;
  return items.filter((item) => filter.test(item));
}

/**
 * Sorts by the key (age ascending = youngest first, as k9s), breaking ties by namespace, then
 * name (compareRows, the pipeline's order). Returns a new array.
 */
export function sortRows(items: readonly RowItem[], sort: ResolvedSort): RowItem[] {
  return [...items].sort(compareRows(sort));
}
