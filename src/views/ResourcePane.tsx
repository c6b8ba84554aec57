// One table pane, pure: a titled border, the column header with the sort arrow, the visible rows
// (only those are formatted), the cursor, health colours, and a status line from the watch.
import { memo } from 'react';
import { clampWindow } from '../app/pane-reducer.js';
import type { WatchStatus } from '../kube/types.js';
import type { Column } from '../render/types.js';
import { sortedColumn, type RowItem, type SortSpec } from '../store/select.js';
import { lineSegments, mergeColumns, mergeVisible, type ExtraColumns } from './extra-columns.js';
import { fitColumns, formatLine } from './fit-columns.js';
import type { ConnectionStatus } from '../store/types.js';
import { paneStateLabel } from './connection-text.js';
import { Panel, type PanelLine } from './Panel.js';
import { ARROW, HEALTH_COLOUR, theme } from './theme.js';

export interface ResourcePaneProps {
  /** "Pods(default)", "Nodes", "Pods(node k8snode01)". */
  title: string;
  columns: readonly Column[];
  /** All rows, filtered and sorted; only the visible window is drawn. */
  items: readonly RowItem[];
  /** Rows before filtering. */
  total: number;
  filter: string;
  filterError?: string;
  status?: WatchStatus;
  /** The context's connection: its trouble, and this pane's stale rows, are named in the title. */
  connection?: ConnectionStatus;
  sort: SortSpec;
  /** Cursor and first visible row as the reducer keeps them; clamped here to what is shown. */
  cursor: number;
  scroll: number;
  focused: boolean;
  /** Row keys marked with Space: drawn with "*" and counted in the title. */
  marks?: ReadonlySet<string>;
  width: number;
  /** Lines, borders included. */
  height: number;
  /** No colour: mark the cursor row with ">" since inverse video is gone too. */
  plain: boolean;
  /** Columns added at draw time (metrics), their cells computed for the visible rows only. */
  extra?: ExtraColumns;
  /** Brings a visible row's time cells (AGE …) up to the pane's clock; rows are drawn as given without it. */
  current?: (item: RowItem) => RowItem;
}

/** Rows a pane of `height` lines shows (top border, header, bottom border). */
export function bodyRows(height: number): number {
  return Math.max(0, height - 3);
}

function statusLine(p: ResourcePaneProps): { text: string; colour: string } | undefined {
  if (p.filterError) return { text: p.filterError, colour: theme.error };
  const s = p.status;
  if (s?.state === 'forbidden' || s?.state === 'unauthorized') return { text: s.message ?? s.state, colour: theme.error };
  if (s?.state === 'error') return { text: `error: ${s.message ?? 'watch failed'}`, colour: theme.error };
  if (s?.state === 'reconnecting') return { text: `reconnecting: ${s.message ?? ''}`.trim(), colour: theme.warning };
  if (p.items.length > 0) return undefined;
  if (!s || s.state === 'loading') return { text: 'loading…', colour: theme.muted };
  if (p.filter && p.total > 0) return { text: `no rows match /${p.filter}`, colour: theme.muted };
  return { text: 'no resources', colour: theme.muted };
}

const LIVE: ConnectionStatus = { state: 'live' };

function titleText(p: ResourcePaneProps): string {
  const count = p.filter ? `[${p.items.length}/${p.total}]` : `[${p.total}]`;
  let title = `${p.title}${count}`;
  if (p.filter) title += ` </${p.filter}>`;
  const marks = p.marks;
  const marked = marks?.size ? p.items.reduce((n, i) => n + (marks.has(i.row.key) ? 1 : 0), 0) : 0;
  if (marked) title += ` [${marked} marked]`;
  const label = paneStateLabel(p.status, p.connection ?? LIVE);
  if (label) title += ` [${label}]`;
  return title;
}

function headers(columns: readonly Column[], sort: SortSpec): string[] {
  const sortName = sortedColumn(sort);
  return columns.map((c) => (c.name === sortName ? `${c.name}${sort.desc ? ARROW.desc : ARROW.asc}` : c.name));
}

function ResourcePaneView(p: ResourcePaneProps) {
  const content = Math.max(0, p.width - 3); // borders, and one gutter column for the cursor marker
  const status = statusLine(p);
  const rowsShown = Math.max(0, bodyRows(p.height) - (status ? 1 : 0));
  const { cursor, scroll } = clampWindow(p.cursor, p.scroll, p.items.length, rowsShown);
  const shown = p.items.slice(scroll, scroll + rowsShown);
  const visible = p.current ? shown.map(p.current) : shown;
  const columns = mergeColumns(p.columns, p.extra);
  const merged = mergeVisible(visible, p.extra);
  const heads = headers(columns, p.sort);
  const fitted = fitColumns(columns, heads, merged, content);

  const stale = p.status?.stale === true;
  const lines: PanelLine[] = [{ key: 'header', segments: [{ text: ` ${formatLine(heads, fitted, content)}`, bold: true }] }];
  if (status) lines.push({ key: 'status', segments: [{ text: ` ${status.text}`, color: status.colour }] });
  visible.forEach((item, i) => {
    const atCursor = p.focused && scroll + i === cursor;
    const { health } = item.row;
    const marked = p.marks?.has(item.row.key) ?? false;
    // Stale rows are dimmed: they are what the last good list said, not what the server has now.
    const style = { color: marked ? theme.key : HEALTH_COLOUR[health], inverse: atCursor, dim: health === 'deleting' || stale, bold: marked };
    const prefix = atCursor && p.plain ? '>' : marked ? '*' : ' ';
    lines.push({ key: item.row.key, segments: lineSegments(merged[i] ?? item.row, fitted, content, prefix, style) });
  });
  return <Panel title={titleText(p)} width={p.width} height={p.height} focused={p.focused} lines={lines} />;
}

export const ResourcePane = memo(ResourcePaneView);
