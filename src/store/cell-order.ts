// The order of a column's cells when a pane is sorted by that column (k9s's Shift-←/→, Shift-O):
// numbers, kubectl's durations ("3m12s", "2d4h") and quantities ("512Mi") by value; other text in
// natural order, so "pod-9" comes before "pod-10" and 10.0.0.9 before 10.0.0.10; kubectl's
// placeholders ("<none>", "<unknown>") and empty cells last.
import { parseQuantity } from '../resources/quantity.js';

export interface CellKey {
  /** 0 a value, 1 text, 2 a placeholder. */
  rank: 0 | 1 | 2;
  value: number;
  text: string;
  /** Text split into runs of digits (numbers) and of other characters (lower-cased), for natural order. */
  parts?: (string | number)[];
}

const NUMBER = /^-?\d+(\.\d+)?$/;
/** kubectl's HumanDuration: "45s", "3m12s", "5h7m", "3d4h", "3y12d". */
const DURATION = /^(?:(\d+)y)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const SECONDS = [365 * 86_400, 86_400, 3_600, 60, 1];
const PLACEHOLDER = /^(<[^>]*>|-)?$/;
/** What could be a quantity ("512Mi", "1.5G", "100m"): only these go to the quantity parser (and its cache). */
const QUANTITY_LIKE = /^\d+(\.\d+)?([eE][+-]?\d+|[numkMGTPE]|[KMGTPE]i)?$/;
const RUNS = /\d+|\D+/g;

/** "10.0.0.9" → [10, ".", 0, ".", 0, ".", 9]: split once per cell, so a sort of 10,000 rows compares arrays, not strings. */
function naturalParts(text: string): (string | number)[] {
  return (text.toLowerCase().match(RUNS) ?? []).map((run) => (run.charCodeAt(0) >= 48 && run.charCodeAt(0) <= 57 ? Number(run) : run));
}

function compareParts(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x === y) continue;
    // A number sorts before text at the same place ("pod-1" before "pod-a").
    if (typeof x !== typeof y) return typeof x === 'number' ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** A number drawn beside the rows (a metric); none sorts as a placeholder. */
export function valueKey(value: number | undefined): CellKey {
  return value === undefined || Number.isNaN(value) ? { rank: 2, value: 0, text: '' } : { rank: 0, value, text: '' };
}

export function cellKey(text: string): CellKey {
  if (PLACEHOLDER.test(text)) return { rank: 2, value: 0, text };
  if (NUMBER.test(text)) return { rank: 0, value: Number(text), text };
  const duration = DURATION.exec(text);
  if (duration) return { rank: 0, value: duration.slice(1).reduce((sum, part, i) => sum + Number(part ?? 0) * (SECONDS[i] ?? 0), 0), text };
  const quantity = QUANTITY_LIKE.test(text) ? parseQuantity(text) : undefined;
  if (quantity) return { rank: 0, value: Number(quantity.nano) / 1e9, text };
  return { rank: 1, value: 0, text, parts: naturalParts(text) };
}

/** Which of two cells is a placeholder and goes last (0: both or neither). */
export function placeholderOrder(a: CellKey, b: CellKey): number {
  return (a.rank === 2 ? 1 : 0) - (b.rank === 2 ? 1 : 0);
}

export function compareCellKeys(a: CellKey, b: CellKey): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.rank === 0 && a.value !== b.value) return a.value < b.value ? -1 : 1;
  if (a.parts && b.parts) return compareParts(a.parts, b.parts);
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}
