// Pure updates of one frame: cursor and scroll movement, sort, filter, drill stack.
import { nextSort, type SortChange } from '../store/select.js';
import { currentFrame, newFrame, type Drill, type Frame, type PaneState } from './state.js';

export type Move = 'up' | 'down' | 'top' | 'bottom' | 'pageUp' | 'pageDown';

/**
 * Keeps cursor and scroll inside the rows and the viewport (`height` rows visible): scroll moves
 * only as far as needed to show the cursor.
 */
export function clampWindow(cursor: number, scroll: number, count: number, height: number): { cursor: number; scroll: number } {
  const rows = Math.max(1, height);
  const c = count <= 0 ? 0 : Math.min(Math.max(0, cursor), count - 1);
  let s = Math.min(Math.max(0, scroll), Math.max(0, count - rows));
  if (c < s) s = c;
  if (c >= s + rows) s = c - rows + 1;
  return { cursor: c, scroll: s };
}

export function moveCursor(frame: Frame, move: Move, count: number, height: number): Frame {
  const page = Math.max(1, height);
  // Start from where the cursor is shown (rows may have shrunk since it was set).
  const here = clampWindow(frame.cursor, frame.scroll, count, height);
  let cursor = here.cursor;
  let scroll = here.scroll;
  switch (move) {
    case 'up':
      cursor -= 1;
      break;
    case 'down':
      cursor += 1;
      break;
    case 'top':
      cursor = 0;
      break;
    case 'bottom':
      cursor = count - 1;
      break;
    case 'pageUp':
      cursor -= page;
      scroll -= page;
      break;
    case 'pageDown':
      cursor += page;
      scroll += page;
      break;
  }
  const next = clampWindow(cursor, scroll, count, height);
  if (next.cursor === frame.cursor && next.scroll === frame.scroll) return frame;
  return { ...frame, ...next };
}

export function sortFrame(frame: Frame, change: SortChange): Frame {
  return { ...frame, sort: nextSort(frame.sort, change), cursor: 0, scroll: 0 };
}

export function filterFrame(frame: Frame, filter: string): Frame {
  if (frame.filter === filter) return frame;
  return { ...frame, filter, cursor: 0, scroll: 0 };
}

export function updateTop(pane: PaneState, update: (frame: Frame) => Frame): PaneState {
  const top = currentFrame(pane);
  const next = update(top);
  if (next === top) return pane;
  return { ...pane, stack: [...pane.stack.slice(0, -1), next] };
}

export function drillInto(pane: PaneState, kind: string, drill: Drill): PaneState {
  return { ...pane, stack: [...pane.stack, newFrame(kind, drill)] };
}

/** Esc: clear the filter if there is one, else leave the drill-down; false when there is nothing to do. */
export function back(pane: PaneState): PaneState | undefined {
  const top = currentFrame(pane);
  if (top.filter) return updateTop(pane, (f) => filterFrame(f, ''));
  if (pane.stack.length > 1) return { ...pane, stack: pane.stack.slice(0, -1) };
  return undefined;
}

/** `:kind` in a pane: that kind at the root, unless it is already shown there undrilled. */
export function showKind(pane: PaneState, kind: string): PaneState {
  const top = currentFrame(pane);
  if (pane.stack.length === 1 && top.kind === kind) return pane;
  return { ...pane, stack: [newFrame(kind)] };
}
