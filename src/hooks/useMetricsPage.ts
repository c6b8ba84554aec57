// Which pods a large pane asks Prometheus about: the rows on screen and a screen either side, so a
// refresh costs the same at 10,000 pods as at 100. The page is kept while every row on screen is in
// it, so churn elsewhere and small scrolls do not reload history.
import { useRef } from 'react';
import type { RowItem } from '../store/select.js';

/** Panes with more rows than this (before filtering) ask for a page; smaller ones for their whole scope. */
export const PAGE_ABOVE_ROWS = 500;

interface Page {
  keys: readonly string[];
  has: ReadonlySet<string>;
}

/** The rows around the screen (one screen above, the screen, one below), as row keys. */
export function pageAround(items: readonly RowItem[], scroll: number, viewport: number): Page {
  const from = Math.max(0, scroll - viewport);
  const keys = items.slice(from, scroll + 2 * viewport).map((item) => item.row.key);
  return { keys, has: new Set(keys) };
}

/**
 * Which pods a pods pane asks about: 'all' in its scope, the keys around the screen for a large
 * pane, or undefined while it has no rows (a pane still loading 10,000 pods must not ask for all
 * of them first).
 */
export type MetricsPage = 'all' | readonly string[] | undefined;

export function useMetricsPage(items: readonly RowItem[], total: number, scroll: number, viewport: number): MetricsPage {
  const page = useRef<Page | undefined>(undefined);
  if (items.length === 0 || total <= PAGE_ABOVE_ROWS) {
    page.current = undefined;
    return items.length === 0 ? undefined : 'all';
  }
  const visible = items.slice(scroll, scroll + viewport);
  const current = page.current;
  if (!current || visible.some((item) => !current.has.has(item.row.key))) page.current = pageAround(items, scroll, viewport);
  return page.current?.keys;
}
