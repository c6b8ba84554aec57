// Which pods a large pane asks Prometheus about: the rows on screen and a screen either side, so a
// refresh costs the same at 10,000 pods as at 100. The page is kept while every row on screen is in
// it, so churn elsewhere and small scrolls do not reload history.
import { useRef } from 'react';
import type { RowItem } from '../store/select.js';

/** Panes with more rows than this (before filtering) ask for a page; smaller ones for their whole subject. */
export const PAGE_ABOVE_ROWS = 500;

/** Pods younger than this have (almost) no history to load. */
export const NEW_POD_MS = 60_000;

/** A page of pods: row keys, and those of pods created under NEW_POD_MS ago. */
export interface PodPage {
  keys: readonly string[];
  fresh: readonly string[];
}

interface Page extends PodPage {
  has: ReadonlySet<string>;
}

/** The rows around the screen (one screen above, the screen, one below), as row keys. */
export function pageAround(items: readonly RowItem[], scroll: number, viewport: number, now = Date.now()): Page {
  const around = items.slice(Math.max(0, scroll - viewport), scroll + 2 * viewport);
  const keys = around.map((item) => item.row.key);
  const isNew = (since: number) => now >= since && now - since < NEW_POD_MS;
  const fresh = around.filter((item) => isNew(item.row.sort.since)).map((item) => item.row.key);
  return { keys, fresh, has: new Set(keys) };
}

/**
 * Which pods a pods pane asks about: 'all' in its subject, the keys around the screen for a large
 * pane, or undefined while it has no rows (a pane still loading 10,000 pods must not ask for all
 * of them first).
 */
export type MetricsPage = 'all' | PodPage | undefined;

export function useMetricsPage(items: readonly RowItem[], total: number, scroll: number, viewport: number): MetricsPage {
  const page = useRef<Page | undefined>(undefined);
  if (items.length === 0 || total <= PAGE_ABOVE_ROWS) {
    page.current = undefined;
    return items.length === 0 ? undefined : 'all';
  }
  const visible = items.slice(scroll, scroll + viewport);
  const current = page.current;
  if (!current || visible.some((item) => !current.has.has(item.row.key))) page.current = pageAround(items, scroll, viewport);
  return page.current;
}
