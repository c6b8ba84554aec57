// `?`: every key binding, from the data, in columns; j/k scroll when it does not fit.
import { useMemo, type Dispatch } from 'react';
import type { AppEvent } from '../app/reducer.js';
import { useKeymap } from '../hooks/useKeymap.js';
import type { CommandId } from '../keys/bindings.js';
import { fitHelpColumns, helpLines } from './help-lines.js';
import { Panel, type PanelLine, type Segment } from './Panel.js';
import { theme } from './theme.js';

export interface HelpProps {
  width: number;
  /** Lines, borders included. */
  height: number;
  scroll: number;
  active: boolean;
  dispatch: Dispatch<AppEvent>;
  /** Commands not offered (actions off: readonly, no client). */
  hidden?: ReadonlySet<CommandId>;
  /** First line, e.g. "readonly: mutating actions are off". */
  note?: string;
}

const GAP = 3;

export function Help({ width, height, scroll, active, dispatch, hidden, note }: HelpProps) {
  const lines = useMemo(() => helpLines({ hidden, note }), [hidden, note]);
  const inner = Math.max(1, width - 2);
  const rows = Math.max(0, height - 3); // borders and the title line
  const { columns, widths } = fitHelpColumns(lines, rows, inner, GAP);
  const tallest = Math.max(...columns.map((c) => c.length));
  const maxScroll = Math.max(0, tallest - rows);
  const top = Math.min(scroll, maxScroll);

  useKeymap(
    ['help'],
    {
      onCommand(id) {
        if (id === 'help.close') dispatch({ type: 'cancel' });
        else if (id === 'help.up') dispatch({ type: 'helpScroll', delta: -1, max: maxScroll });
        else if (id === 'help.down') dispatch({ type: 'helpScroll', delta: 1, max: maxScroll });
      },
    },
    active,
  );

  const body: PanelLine[] = [{ key: 'title', segments: [{ text: `esc to close${maxScroll > 0 ? ', j/k to scroll' : ''}`, color: theme.muted }] }];
  for (let r = 0; r < Math.min(rows, tallest); r++) {
    const segments: Segment[] = columns.map((col, c) => {
      const line = col[top + r];
      const text = c === columns.length - 1 ? (line?.text ?? '') : (line?.text ?? '').padEnd(widths[c] ?? 0);
      return line?.heading ? { text, bold: true, color: theme.title } : { text };
    });
    body.push({ key: `r${r}`, segments });
  }
  return <Panel title="Help" width={width} height={height} focused lines={body} />;
}
