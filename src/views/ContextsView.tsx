// `:ctx`: the kubeconfig's contexts with `kubectl config get-contexts`' columns (CURRENT marks the one
// kt is connected to); Enter switches to the one under the cursor, Esc closes.
import type { Dispatch } from 'react';
import { clampWindow } from '../app/pane-reducer.js';
import type { Action } from '../app/reducer.js';
import type { ContextChoice } from '../app/types.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { Panel, type PanelLine } from './Panel.js';
import { theme } from './theme.js';

export interface ContextsViewProps {
  contexts: readonly ContextChoice[];
  current: string;
  cursor: number;
  width: number;
  /** Lines, borders included. */
  height: number;
  active: boolean;
  plain: boolean;
  dispatch: Dispatch<Action>;
  onSelect(name: string): void;
}

const HEADERS = ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'] as const;

/** kubectl's tabwriter table: columns three spaces apart, the last one unpadded. */
export function contextLines(contexts: readonly ContextChoice[], current: string): string[] {
  const rows = contexts.map((c) => [c.name === current ? '*' : '', c.name, c.cluster, c.authInfo, c.namespace]);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd((widths[i] ?? 0) + 3))).join('').trimEnd();
  return [line(HEADERS), ...rows.map(line)];
}

export function ContextsView(props: ContextsViewProps) {
  const { contexts, dispatch } = props;
  const [header = '', ...body] = contextLines(contexts, props.current);
  const visible = Math.max(0, props.height - 3);
  const { cursor, scroll: top } = clampWindow(props.cursor, 0, contexts.length, visible);

  useKeymap(
    ['list'],
    {
      onCommand(id) {
        if (id === 'list.up') dispatch({ type: 'pickerMove', delta: -1, count: contexts.length });
        else if (id === 'list.down') dispatch({ type: 'pickerMove', delta: 1, count: contexts.length });
        else if (id === 'list.close') dispatch({ type: 'cancel' });
        else if (id === 'list.select') {
          const chosen = contexts[cursor];
          if (chosen) props.onSelect(chosen.name);
        }
      },
    },
    props.active,
  );

  const lines: PanelLine[] = [{ key: 'header', segments: [{ text: ` ${header}`, bold: true, color: theme.muted }] }];
  body.slice(top, top + visible).forEach((text, i) => {
    const at = top + i === cursor;
    lines.push({ key: contexts[top + i]?.name ?? String(i), segments: [{ text: at && props.plain ? '>' : ' ', inverse: at }, { text, inverse: at }] });
  });
  return <Panel title={`Contexts[${contexts.length}]: enter to switch, esc to close`} width={props.width} height={props.height} focused lines={lines} />;
}
