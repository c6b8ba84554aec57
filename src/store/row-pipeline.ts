// Snapshot → rendered, sorted, filtered rows, kept between updates so that the work per update
// follows what changed, not how many rows there are:
// - rows are cached by object identity (objects are immutable snapshots), so an unchanged object
//   is rendered once per render context (renderer, namespaces, pod counts);
// - a clock tick renders nothing here: sorting uses absolute times, and only the rows on screen are
//   rendered again for the new time (current());
// - all rows are kept sorted, and the filtered rows are that order filtered (order is kept), so a
//   filter keystroke only re-tests rows (only the matching ones when more plain text is typed)
//   and a sort key change only re-sorts;
// - a snapshot that says what changed (ResourceSnapshot.changes) is applied with binary-search
//   removals and insertions into both arrays; any other new snapshot re-sorts cached rows.
import type { KubeObject } from '../kube/types.js';
import type { RenderContext, Renderer } from '../render/types.js';
import { compareRows, narrows, type CompiledFilter, type RowItem, type ResolvedSort } from './select.js';
import { insertRow, removeRow, type RowCompare } from './sorted-rows.js';
import type { SnapshotChanges } from './types.js';

export interface PipelineInput {
  /** The snapshot's items, ordered by namespace then name. */
  items: readonly KubeObject[];
  changes?: SnapshotChanges;
  renderer: Renderer | undefined;
  allNamespaces: boolean;
  podCountByNode?: ReadonlyMap<string, number>;
  now: number;
  filter: CompiledFilter | undefined;
  sort: ResolvedSort;
}

export interface PipelineOutput {
  /** Filtered and sorted; a new array whenever the rows changed. */
  items: readonly RowItem[];
  /** Rows before filtering. */
  total: number;
}

/** How the rows on screen change over time; see RowPipeline.changeAt. */
export type ScreenChange = 'none' | 'coarse' | 'fine';

const EMPTY: PipelineOutput = Object.freeze({ items: Object.freeze([]) as readonly RowItem[], total: 0 });
/** Beyond this many changed objects, sorting everything again is as cheap as patching. */
const PATCH_LIMIT = (n: number) => Math.max(64, n >> 3);

export class RowPipeline {
  private renderer: Renderer | undefined;
  private ctx: RenderContext | undefined;
  private cache = new WeakMap<KubeObject, RowItem>();
  private source: readonly KubeObject[] | undefined;
  private sortBy: ResolvedSort | undefined;
  private cmp: RowCompare = compareRows({ by: 'name', desc: false });
  private filter: CompiledFilter | undefined;
  private sorted: RowItem[] = [];
  private out: PipelineOutput = EMPTY;
  /** The clock each cached row was rendered at. */
  private renderedAt = new WeakMap<RowItem, number>();
  /** Rows rendered again for the clock `freshAt` (the rows on screen). */
  private fresh = new WeakMap<KubeObject, RowItem>();
  private freshAt = Number.NaN;

  update(input: PipelineInput): PipelineOutput {
    const { items, renderer, filter, sort } = input;
    if (!renderer || items.length === 0) {
      this.reset();
      return EMPTY;
    }
    const sameCtx =
      renderer === this.renderer &&
      this.ctx !== undefined &&
      this.ctx.allNamespaces === input.allNamespaces &&
      this.ctx.podCountByNode === input.podCountByNode;
    const sameSort =
      this.sortBy !== undefined && this.sortBy.by === sort.by && this.sortBy.desc === sort.desc && this.sortBy.column === sort.column && this.sortBy.index === sort.index && this.sortBy.value === sort.value;
    if (sameCtx && this.ctx?.now !== input.now) this.ctx = { ...(this.ctx as RenderContext), now: input.now };
    if (sameCtx && sameSort && items === this.source && filter === this.filter) return this.out;

    if (!sameCtx) {
      this.cache = new WeakMap();
      this.fresh = new WeakMap();
      this.ctx = { now: input.now, allNamespaces: input.allNamespaces, podCountByNode: input.podCountByNode };
      this.renderer = renderer;
    }
    if (!sameSort) {
      this.sortBy = { ...sort };
      this.cmp = compareRows(this.sortBy);
    }
    const changes = input.changes;
    const patchable =
      changes !== undefined && sameCtx && sameSort && items !== this.source && changes.base === this.source &&
      changes.removed.length + changes.added.length <= PATCH_LIMIT(items.length);

    let filtered: readonly RowItem[];
    if (patchable) {
      filtered = this.patch(changes, filter);
    } else if (items !== this.source || !sameCtx || !sameSort) {
      this.sorted = items.map((obj) => this.row(obj)).sort(this.cmp);
      filtered = applyFilter(this.sorted, filter);
    } else if (narrows(filter, this.filter)) {
      // More of the same plain text typed: only rows that matched before can match now.
      filtered = applyFilter(this.out.items, filter);
    } else {
      filtered = applyFilter(this.sorted, filter);
    }
    this.source = items;
    this.filter = filter;
    this.out = { items: filtered, total: this.sorted.length };
    return this.out;
  }

  private patch(changes: SnapshotChanges, filter: CompiledFilter | undefined): readonly RowItem[] {
    const sorted = this.sorted.slice();
    const filtered = filter && filter === this.filter ? this.out.items.slice() : undefined;
    for (const obj of changes.removed) {
      const row = this.cache.get(obj);
      if (!row) continue;
      removeRow(sorted, row, this.cmp);
      if (filtered && filter?.test(row)) removeRow(filtered, row, this.cmp);
    }
    for (const obj of changes.added) {
      const row = this.row(obj);
      insertRow(sorted, row, this.cmp);
      if (filtered && filter?.test(row)) insertRow(filtered, row, this.cmp);
    }
    this.sorted = sorted;
    return filtered ?? applyFilter(sorted, filter);
  }

  /**
   * The item with its time cells (AGE, RESTARTS' "ago", LAST SEEN) as of `now`. Rows are cached
   * from whenever they were rendered; call this for the rows on screen only. The filter still
   * tests the cached text, so a filter on an age matches the age when the row was rendered.
   */
  current(item: RowItem, now: number): RowItem {
    const ctx = this.ctx;
    if (!ctx || !this.renderer || this.renderedAt.get(item) === now) return item;
    if (this.freshAt !== now) {
      this.fresh = new WeakMap();
      this.freshAt = now;
    }
    let fresh = this.fresh.get(item.obj);
    if (!fresh) {
      fresh = { row: this.renderer.render(item.obj, { ...ctx, now }), obj: item.obj };
      this.renderedAt.set(fresh, now);
      this.fresh.set(item.obj, fresh);
    }
    return fresh;
  }

  /**
   * How `items` (the rows on screen) change from `from` to `to`: 'fine' when a changed row also
   * changed in each of the two `stepMs` before `to` (a time cell counting seconds), 'coarse' when
   * every changed row steps more slowly (minutes or hours), 'none' when nothing reads differently.
   * With `stepMs` 0 any change is 'coarse'.
   */
  changeAt(items: readonly RowItem[], from: number, to: number, stepMs: number): ScreenChange {
    const before = items.map((item) => this.current(item, from).row.cells);
    let change: ScreenChange = 'none';
    for (const [i, item] of items.entries()) {
      const cells = this.current(item, to).row.cells;
      if (sameCells(before[i] as string[], cells)) continue;
      if (stepMs <= 0) return 'coarse';
      const stepBack = this.cellsAt(item.obj, to - stepMs);
      if (!sameCells(stepBack, cells) && !sameCells(this.cellsAt(item.obj, to - 2 * stepMs), stepBack)) return 'fine';
      change = 'coarse';
    }
    return change;
  }

  private cellsAt(obj: KubeObject, now: number): readonly string[] {
    return (this.renderer as Renderer).render(obj, { ...(this.ctx as RenderContext), now }).cells;
  }

  private row(obj: KubeObject): RowItem {
    let item = this.cache.get(obj);
    if (!item) {
      const ctx = this.ctx as RenderContext;
      item = { row: (this.renderer as Renderer).render(obj, ctx), obj };
      this.renderedAt.set(item, ctx.now);
      this.cache.set(obj, item);
    }
    return item;
  }

  private reset(): void {
    this.source = undefined;
    this.sorted = [];
    this.out = EMPTY;
  }
}

function applyFilter(rows: readonly RowItem[], filter: CompiledFilter | undefined): readonly RowItem[] {
  return filter ? rows.filter((item) => filter.test(item)) : rows;
}

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((cell, i) => cell === b[i]);
}
