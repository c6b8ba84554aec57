// Where everything goes for a terminal size: header, panes (all stacked, or only the focused one),
// breadcrumbs, footer. The frame is always rows-1 lines; the terminal's last row stays empty.

export interface PaneSlot {
  index: number;
  /** Lines, borders included. */
  height: number;
}

export interface Layout {
  /** Lines of the whole frame (rows - 1). */
  height: number;
  width: number;
  headerLines: number;
  crumbs: boolean;
  /** The one-line list of hidden panes, when only the focused pane is shown. */
  indicator: boolean;
  /** Lines between the header and the breadcrumbs (panes, or the help/namespace overlay). */
  bodyHeight: number;
  panes: PaneSlot[];
}

/** Below this many lines a pane in the split view would show too few rows to be useful. */
export const MIN_SPLIT_PANE = 8;
/** Borders and column header: a pane of height h shows h - PANE_CHROME rows. */
export const PANE_CHROME = 3;
const FOCUS_WEIGHT = 3;
const OTHER_WEIGHT = 2;

function splitHeights(body: number, count: number, focus: number): PaneSlot[] {
  const total = FOCUS_WEIGHT + OTHER_WEIGHT * (count - 1);
  const focused = Math.floor((body * FOCUS_WEIGHT) / total);
  const rest = body - focused;
  const others = count - 1;
  const slots: PaneSlot[] = [];
  let given = 0;
  let seen = 0;
  for (let index = 0; index < count; index++) {
    if (index === focus) {
      slots.push({ index, height: focused });
      continue;
    }
    seen++;
    // Spread the remainder so the heights add up exactly.
    const height = Math.floor((rest * seen) / others) - given;
    given += height;
    slots.push({ index, height });
  }
  return slots;
}

export function computeLayout(columns: number, rows: number, paneCount: number, focus: number, zoom: boolean): Layout {
  const height = Math.max(1, rows - 1);
  const headerLines = height >= 16 ? 2 : 1;
  const crumbs = height >= 10;
  const footer = height >= 3 ? 1 : 0;
  const body = Math.max(0, height - headerLines - (crumbs ? 1 : 0) - footer);
  const split = !zoom && paneCount > 1 && body >= paneCount * MIN_SPLIT_PANE;
  const base = { height, width: Math.max(1, columns), headerLines, crumbs, bodyHeight: body };
  if (split) return { ...base, indicator: false, panes: splitHeights(body, paneCount, focus) };
  const indicator = paneCount > 1 && body > PANE_CHROME + 1;
  const paneHeight = body - (indicator ? 1 : 0);
  return { ...base, indicator, panes: paneHeight > PANE_CHROME ? [{ index: focus, height: paneHeight }] : [] };
}
