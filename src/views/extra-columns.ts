// Columns a pane adds to a renderer's at draw time (the metrics columns): inserted at one index,
// with cells computed only for the rows on screen, each cell optionally in its own colour. The
// rows from useRows stay as they are, so a metrics refresh re-renders no row.
import type { Column } from '../render/types.js';
import type { RowItem } from '../store/select.js';
import { COLUMN_GAP, fitCell, formatLine, type FittedColumn } from './fit-columns.js';
import type { Segment } from './Panel.js';

export interface ExtraCell {
  text: string;
  /** Overrides the row's health colour for this cell. */
  colour?: string;
}

export interface ExtraColumns {
  /** Index in the pane's columns where the extra columns go. */
  at: number;
  columns: readonly Column[];
  /** One cell per extra column, for a visible row. */
  cells(item: RowItem): readonly ExtraCell[];
}

/** A visible row with the extra cells merged in. */
export interface MergedRow {
  key: string;
  cells: string[];
  /** Per cell; undefined = the row's colour. Absent when no cell has its own. */
  colours?: readonly (string | undefined)[];
}

export function mergeColumns(base: readonly Column[], extra: ExtraColumns | undefined): readonly Column[] {
  if (!extra || extra.columns.length === 0) return base;
  return [...base.slice(0, extra.at), ...extra.columns, ...base.slice(extra.at)];
}

/** The rows on screen with the extra cells spliced in at `extra.at`. */
export function mergeVisible(visible: readonly RowItem[], extra: ExtraColumns | undefined): MergedRow[] {
  if (!extra || extra.columns.length === 0) return visible.map(({ row }) => ({ key: row.key, cells: row.cells }));
  return visible.map((item) => {
    const { row } = item;
    const added = extra.cells(item);
    const cells = [...row.cells.slice(0, extra.at), ...added.map((c) => c.text), ...row.cells.slice(extra.at)];
    if (!added.some((c) => c.colour)) return { key: row.key, cells };
    const colours: (string | undefined)[] = new Array<string | undefined>(cells.length).fill(undefined);
    added.forEach((c, i) => (colours[extra.at + i] = c.colour));
    return { key: row.key, cells, colours };
  });
}

/**
 * formatLine() split into segments so cells with their own colour get it; `base` styles the rest
 * (health colour, inverse at the cursor). `prefix` is the gutter character.
 */
export function lineSegments(row: MergedRow, fitted: readonly FittedColumn[], width: number, prefix: string, base: Omit<Segment, 'text'>): Segment[] {
  const line = prefix + formatLine(row.cells, fitted, width);
  if (!row.colours) return [{ ...base, text: line }];
  const out: Segment[] = [];
  let start = 0;
  let pos = prefix.length;
  fitted.forEach((c, i) => {
    const colour = row.colours?.[c.index];
    const end = pos + fitCell(row.cells[c.index] ?? '', c.width, c.align).length;
    if (colour && pos < line.length) {
      if (pos > start) out.push({ ...base, text: line.slice(start, pos) });
      out.push({ ...base, color: colour, text: line.slice(pos, Math.min(end, line.length)) });
      start = Math.min(end, line.length);
    }
    pos = end + (i < fitted.length - 1 ? COLUMN_GAP : 0);
  });
  if (start < line.length) out.push({ ...base, text: line.slice(start) });
  return out;
}
