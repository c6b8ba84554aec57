// Column widths for the rows on screen: each column as wide as its header or its widest visible
// cell; when that is too wide, the lowest-priority columns go (wide ones first, NAME never), and
// only NAME is ever cut short. Every column that stays is shown whole.
import type { Column, Row } from '../render/types.js';
import { cellWidth, sliceCells } from '../text/cell-width.js';

export interface FittedColumn {
  /** Index into the renderer's columns (and each row's cells). */
  index: number;
  header: string;
  width: number;
  align: 'left' | 'right';
}

export const COLUMN_GAP = 2;

/** Lower = dropped sooner. Columns without a priority: -o wide ones 1, others 5; NAME never. */
export function columnPriority(column: Column): number {
  if (column.name === 'NAME') return Number.POSITIVE_INFINITY;
  return column.priority ?? (column.wide ? 1 : 5);
}

function totalWidth(widths: readonly number[], gap: number): number {
  return widths.reduce((sum, w) => sum + w, 0) + gap * Math.max(0, widths.length - 1);
}

/** `headers` may differ from column names by a sort arrow ("NAME↑"). */
export function fitColumns(columns: readonly Column[], headers: readonly string[], rows: readonly Pick<Row, 'cells'>[], width: number): FittedColumn[] {
  const natural = columns.map((col, i) => {
    let w = cellWidth(headers[i] ?? col.name);
    for (const row of rows) w = Math.max(w, cellWidth(row.cells[i] ?? ''));
    return w;
  });
  const kept = columns.map((_, i) => i);
  const widthOf = () => totalWidth(kept.map((i) => natural[i] ?? 0), COLUMN_GAP);
  while (widthOf() > width) {
    let drop = -1;
    for (let k = 0; k < kept.length; k++) {
      const col = columns[kept[k] ?? 0];
      if (!col || columnPriority(col) === Number.POSITIVE_INFINITY) continue;
      // The lowest priority goes first; among equals, the rightmost.
      if (drop < 0 || columnPriority(col) <= columnPriority(columns[kept[drop] ?? 0] as Column)) drop = k;
    }
    if (drop < 0) break;
    kept.splice(drop, 1);
  }
  const fitted = kept.map((index) => ({
    index,
    header: headers[index] ?? columns[index]?.name ?? '',
    width: natural[index] ?? 0,
    align: columns[index]?.align ?? 'left',
  }));
  const over = totalWidth(fitted.map((c) => c.width), COLUMN_GAP) - width;
  if (over > 0) {
    // Only unbreakable columns are left: cut NAME (or the first) down to what fits.
    const cut = fitted.find((c) => c.header.startsWith('NAME')) ?? fitted[0];
    if (cut) cut.width = Math.max(1, cut.width - over);
  }
  return fitted;
}

/** `text` in exactly `width` cells: padded, or cut with an ellipsis (wide characters count two). */
export function fitCell(text: string, width: number, align: 'left' | 'right'): string {
  let w = cellWidth(text);
  if (w > width) {
    text = width <= 1 ? sliceCells(text, width) : `${sliceCells(text, width - 1)}…`;
    w = cellWidth(text);
    align = 'left';
  }
  const pad = ' '.repeat(Math.max(0, width - w));
  return align === 'right' ? pad + text : text + pad;
}

/** One table line: the cells at their widths, separated by the gap, padded to `width`. */
export function formatLine(cells: readonly string[], fitted: readonly FittedColumn[], width: number): string {
  const line = fitted.map((c) => fitCell(cells[c.index] ?? '', c.width, c.align)).join(' '.repeat(COLUMN_GAP));
  return fitCell(line, width, 'left');
}
