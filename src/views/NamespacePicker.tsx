// `:ns`: pick a namespace. Typing narrows the list; up/down move; Enter switches to it and keeps it
// as a favourite; Esc closes. The namespaces watch is held only while the picker is open.
import { useMemo } from 'react';
import { useKeymap } from '../hooks/useKeymap.js';
import { useResource } from '../hooks/useResource.js';
import type { DataSource } from '../store/types.js';
import { cursorList } from './cursor-list.js';
import type { OverlayProps } from './ListOverlay.js';
import { namespaceChoices } from './namespace-choices.js';
import { Panel, type PanelLine } from './Panel.js';
import { theme } from './theme.js';

export interface NamespacePickerProps extends OverlayProps {
  source: DataSource;
  current: string | undefined;
  favourites: readonly string[];
  typed: string;
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
  const list = cursorList(
    choices.map((c) => {
      const isCurrent = c.namespace === props.current;
      return {
        key: c.label,
        segments: [
          { text: c.key ? `<${c.key}> ` : '    ', color: theme.key },
          { text: `${c.label}${isCurrent ? ' (current)' : ''}`, bold: isCurrent },
        ],
      };
    }),
    props.cursor,
    rows,
    props.plain,
  );
  const { cursor } = list;

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
  lines.push(...list.lines);
  const title = `Namespace (now: ${props.current ?? 'all'}): type to filter, enter to switch, esc to close`;
  return <Panel title={title} width={props.width} height={props.height} focused lines={lines} />;
}
