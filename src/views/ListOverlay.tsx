// A full-screen list with kubectl's table layout (`:api-resources`, `:ctx`, `:pf`): j/k move, Enter
// picks the row under the cursor, Esc closes; a list may take another scope's keys too.
import type { Dispatch } from 'react';
import type { AppEvent } from '../app/reducer.js';
import { useKeymap } from '../hooks/useKeymap.js';
import type { CommandId, Scope } from '../keys/bindings.js';
import { cursorList } from './cursor-list.js';
import { kubectlTableLines } from './kubectl-table.js';
import { Panel, type PanelLine } from './Panel.js';
import { theme } from './theme.js';

export interface ListOverlayProps {
  title: string;
  headers: readonly string[];
  rows: readonly { key: string; cells: readonly string[] }[];
  cursor: number;
  width: number;
  /** Lines, borders included. */
  height: number;
  active: boolean;
  plain: boolean;
  dispatch: Dispatch<AppEvent>;
  onSelect(index: number): void;
  /** Keys of another scope the list takes too (`:pf`'s Ctrl-D), with the row under the cursor. */
  extra?: { scope: Scope; onCommand(id: CommandId, index: number): void };
  /** Shown when there are no rows. */
  empty?: string;
}

/** What every list overlay takes from the App. */
export type OverlayProps = Pick<ListOverlayProps, 'cursor' | 'width' | 'height' | 'active' | 'plain' | 'dispatch'>;

export function ListOverlay(props: ListOverlayProps) {
  const { rows, dispatch } = props;
  const [header = '', ...body] = kubectlTableLines(props.headers, rows.map((r) => r.cells));
  const visible = Math.max(0, props.height - 3); // borders and the header
  const list = cursorList(body.map((text, i) => ({ key: rows[i]?.key ?? String(i), segments: [{ text }] })), props.cursor, visible, props.plain);
  const { cursor } = list;

  useKeymap(
    props.extra ? [props.extra.scope, 'list'] : ['list'],
    {
      onCommand(id) {
        if (props.extra && !id.startsWith('list.')) props.extra.onCommand(id, cursor);
        else if (id === 'list.up') dispatch({ type: 'pickerMove', delta: -1, count: rows.length });
        else if (id === 'list.down') dispatch({ type: 'pickerMove', delta: 1, count: rows.length });
        else if (id === 'list.close') dispatch({ type: 'cancel' });
        else if (id === 'list.select' && rows[cursor]) props.onSelect(cursor);
      },
    },
    props.active,
  );

  const lines: PanelLine[] = [{ key: 'header', segments: [{ text: ` ${header}`, bold: true, color: theme.muted }] }, ...list.lines];
  if (rows.length === 0 && props.empty) lines.push({ key: 'empty', segments: [{ text: ` ${props.empty}`, color: theme.muted }] });
  return <Panel title={props.title} width={props.width} height={props.height} focused lines={lines} />;
}
