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
}

const NUMBER = /^-?\d+(\.\d+)?$/;
/** kubectl's HumanDuration: "45s", "3m12s", "5h7m", "3d4h", "3y12d". */
const DURATION = /^(?:(\d+)y)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const SECONDS = [365 * 86_400, 86_400, 3_600, 60, 1];
const PLACEHOLDER = /^(<[^>]*>|-)?$/;
const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** A number drawn beside the rows (a metric); none sorts as a placeholder. */
export function valueKey(value: number | undefined): CellKey {
  return value === undefined || Number.isNaN(value) ? { rank: 2, value: 0, text: '' } : { rank: 0, value, text: '' };
}

export function cellKey(text: string): CellKey {
  if (PLACEHOLDER.test(text)) return { rank: 2, value: 0, text };
  if (NUMBER.test(text)) return { rank: 0, value: Number(text), text };
  const duration = DURATION.exec(text);
  if (duration) return { rank: 0, value: duration.slice(1).reduce((sum, part, i) => sum + Number(part ?? 0) * (SECONDS[i] ?? 0), 0), text };
  const quantity = parseQuantity(text);
  if (quantity) return { rank: 0, value: Number(quantity.nano) / 1e9, text };
  return { rank: 1, value: 0, text };
}

/** Which of two cells is a placeholder and goes last (0: both or neither). */
export function placeholderOrder(a: CellKey, b: CellKey): number {
  return (a.rank === 2 ? 1 : 0) - (b.rank === 2 ? 1 : 0);
}

export function compareCellKeys(a: CellKey, b: CellKey): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.rank === 0 && a.value !== b.value) return a.value < b.value ? -1 : 1;
  return natural.compare(a.text, b.text);
}
