// `:ns`: pick a namespace. Typing narrows the list; up/down move; Enter switches to it and keeps it
// as a favourite; Esc closes. The namespaces watch is held only while the picker is open.
import { useMemo, type Dispatch } from 'react';
import type { AppEvent } from '../app/reducer.js';
import { clampWindow } from '../app/pane-reducer.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { useResource } from '../hooks/useResource.js';
import type { DataSource } from '../store/types.js';
import { namespaceChoices } from './namespace-choices.js';
import { Panel, type PanelLine } from './Panel.js';
import { theme } from './theme.js';

export interface NamespacePickerProps {
  source: DataSource;
  current: string | undefined;
  favourites: readonly string[];
  typed: string;
  cursor: number;
  width: number;
  /** Lines, borders included. */
  height: number;
  active: boolean;
  plain: boolean;
  dispatch: Dispatch<AppEvent>;
}

const NAMESPACES = { kind: 'namespaces' };

export function NamespacePicker(props: NamespacePickerProps) {
  const { dispatch } = props;
  const snapshot = useResource(props.source, NAMESPACES);
  const listed = useMemo(() => (snapshot?.items ?? []).map((o) => o.metadata.name), [snapshot]);
  const choices = useMemo(() => namespaceChoices(listed, props.favourites, props.typed), [listed, props.favourites, props.typed]);
  const status = snapshot?.status;
  const problem = status && (status.state === 'forbidden' || status.state === 'unauthorized' || status.state === 'error') ? status.message : undefined;
  const rows = Math.max(0, props.height - 3 - (problem ? 1 : 0)); // borders, filter line
  const { cursor, scroll: top } = clampWindow(props.cursor, 0, choices.length, rows);

  useKeymap(
    ['picker', 'input'],
    {
      onCommand(id) {
        if (id === 'picker.up') dispatch({ type: 'pickerMove', delta: -1, count: choices.length });
        else if (id === 'picker.down') dispatch({ type: 'pickerMove', delta: 1, count: choices.length });
        else if (id === 'picker.cancel') dispatch({ type: 'cancel' });
        else if (id === 'input.delete') dispatch({ type: 'deleteChar' });
        else if (id === 'picker.select') {
          const choice = choices[cursor];
          if (choice) dispatch({ type: 'namespace', namespace: choice.namespace });
        }
      },
      onText(text) {
        dispatch({ type: 'type', text });
      },
    },
    props.active,
  );

  const lines: PanelLine[] = [
    { key: 'filter', segments: [{ text: 'filter: ', color: theme.key }, { text: props.typed }, { text: ' ', inverse: true }] },
  ];
  if (problem) lines.push({ key: 'problem', segments: [{ text: `cannot list namespaces: ${problem}; type a name`, color: theme.error }] });
  choices.slice(top, top + rows).forEach((c, i) => {
    const at = top + i === cursor;
    const isCurrent = c.namespace === props.current;
    lines.push({
      key: c.label,
      segments: [
        { text: at && props.plain ? '>' : ' ', inverse: at },
        { text: c.key ? `<${c.key}> ` : '    ', color: at ? undefined : theme.key, inverse: at },
        { text: `${c.label}${isCurrent ? ' (current)' : ''}`, bold: isCurrent, inverse: at },
      ],
    });
  });
  const title = `Namespace (now: ${props.current ?? 'all'}): type to filter, enter to switch, esc to close`;
  return <Panel title={title} width={props.width} height={props.height} focused lines={lines} />;
}
