// Binary search and in-place edits of a row array kept sorted by a comparator with a total order
// (compareRows breaks ties by namespace, then name, so two live rows never compare equal).
import type { RowItem } from './select.js';

export type RowCompare = (a: RowItem, b: RowItem) => number;

/** First index whose row does not sort before `row`. */
export function lowerBound(rows: readonly RowItem[], row: RowItem, cmp: RowCompare): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(rows[mid] as RowItem, row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Removes `row` (by identity) if it is in `rows`; true when it was. */
export function removeRow(rows: RowItem[], row: RowItem, cmp: RowCompare): boolean {
  for (let i = lowerBound(rows, row, cmp); i < rows.length; i++) {
    const at = rows[i] as RowItem;
    if (at === row) {
      rows.splice(i, 1);
      return true;
    }
    if (cmp(at, row) > 0) break;
  }
  // Not where the order says: the array was not sorted by cmp; look everywhere.
  const i = rows.indexOf(row);
  if (i < 0) return false;
  rows.splice(i, 1);
  return true;
}

export function insertRow(rows: RowItem[], row: RowItem, cmp: RowCompare): void {
  rows.splice(lowerBound(rows, row, cmp), 0, row);
}
