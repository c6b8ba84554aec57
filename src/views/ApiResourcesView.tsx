// `:api-resources`: every kind the server serves, with kubectl api-resources' columns; Enter opens
// the one under the cursor in the focused pane, Esc closes. Follows discovery as it changes.
import type { Dispatch } from 'react';
import { clampWindow } from '../app/pane-reducer.js';
import type { Action } from '../app/reducer.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { useKinds } from '../hooks/useKinds.js';
import { apiResourceLines, apiResourceRows } from '../kinds/api-resources.js';
import { Panel, type PanelLine } from './Panel.js';
import { theme } from './theme.js';

export interface ApiResourcesViewProps {
  cursor: number;
  width: number;
  /** Lines, borders included. */
  height: number;
  active: boolean;
  plain: boolean;
  dispatch: Dispatch<Action>;
}

export function ApiResourcesView(props: ApiResourcesViewProps) {
  const { dispatch } = props;
  useKinds();
  const rows = apiResourceRows();
  const [header = '', ...body] = apiResourceLines(rows);
  const visible = Math.max(0, props.height - 3); // borders and the header
  const { cursor, scroll: top } = clampWindow(props.cursor, 0, rows.length, visible);

  useKeymap(
    ['list'],
    {
      onCommand(id) {
        if (id === 'list.up') dispatch({ type: 'pickerMove', delta: -1, count: rows.length });
        else if (id === 'list.down') dispatch({ type: 'pickerMove', delta: 1, count: rows.length });
        else if (id === 'list.close') dispatch({ type: 'cancel' });
        else if (id === 'list.select') {
          const chosen = rows[cursor];
          if (chosen) dispatch({ type: 'command', result: { type: 'show', kind: chosen.id } });
        }
      },
    },
    props.active,
  );

  const lines: PanelLine[] = [{ key: 'header', segments: [{ text: ` ${header}`, bold: true, color: theme.muted }] }];
  body.slice(top, top + visible).forEach((text, i) => {
    const at = top + i === cursor;
    lines.push({ key: rows[top + i]?.id ?? String(i), segments: [{ text: at && props.plain ? '>' : ' ', inverse: at }, { text, inverse: at }] });
  });
  return <Panel title={`API resources[${rows.length}]: enter to open, esc to close`} width={props.width} height={props.height} focused lines={lines} />;
}
