// The list that the pickers and list overlays draw: the rows in the window around the cursor, the
// cursor row in inverse without colours (and marked '>' without colour, where inverse may not show).
import { clampWindow } from '../app/pane-reducer.js';
import type { PanelLine, Segment } from './Panel.js';

export interface ListRow {
  key: string;
  segments: readonly Segment[];
}

export interface CursorList {
  /** The cursor, clamped to the rows. */
  cursor: number;
  lines: PanelLine[];
}

/** At most `height` lines of `rows`, scrolled so the cursor shows. */
export function cursorList(rows: readonly ListRow[], cursor: number, height: number, plain: boolean): CursorList {
  const { cursor: at, scroll: top } = clampWindow(cursor, 0, rows.length, height);
  const lines = rows.slice(top, top + Math.max(0, height)).map((row, i) => {
    const on = top + i === at;
    const segments = on ? row.segments.map((s) => ({ ...s, color: undefined, inverse: true })) : row.segments;
    return { key: row.key, segments: [{ text: on && plain ? '>' : ' ', inverse: on }, ...segments] };
  });
  return { cursor: at, lines };
}
