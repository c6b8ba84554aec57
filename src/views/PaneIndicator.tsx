// One line naming every pane when only the focused one fits (or it is zoomed): "[Pods] Nodes DaemonSets".
import { Text } from 'ink';
import { formatKey } from '../keys/match.js';
import { activeBindings } from '../keys/bindings.js';
import { theme } from './theme.js';

export interface PaneIndicatorProps {
  titles: readonly string[];
  focus: number;
  zoomed: boolean;
}

function keyOf(id: string): string {
  const key = activeBindings().find((b) => b.id === id)?.keys[0];
  return key ? formatKey(key) : '';
}

export function PaneIndicator({ titles, focus, zoomed }: PaneIndicatorProps) {
  return (
    <Text wrap="truncate">
      <Text color={theme.muted}>panes: </Text>
      {titles.map((title, i) => (
        <Text key={`${i}-${title}`}>
          {i > 0 && ' '}
          {i === focus ? (
            <Text bold color={theme.title}>{`[${title}]`}</Text>
          ) : (
            <Text color={theme.muted}>{` ${title} `}</Text>
          )}
        </Text>
      ))}
      <Text color={theme.muted}>
        {'   '}
        {keyOf('pane.next')} next {keyOf('pane.zoom')} {zoomed ? 'unzoom' : 'zoom'}
      </Text>
    </Text>
  );
}
