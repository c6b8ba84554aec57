// Where the focused pane is: "nodes > k8snode01 > pods".
import { Text } from 'ink';
import { theme } from './theme.js';

export interface BreadcrumbsProps {
  parts: readonly string[];
}

export function Breadcrumbs({ parts }: BreadcrumbsProps) {
  const last = parts.length - 1;
  return (
    <Text wrap="truncate-start">
      {parts.map((part, i) => (
        <Text key={`${i}-${part}`}>
          {i > 0 && <Text color={theme.muted}>{' > '}</Text>}
          <Text bold={i === last} color={i === last ? theme.title : undefined}>
            {part}
          </Text>
        </Text>
      ))}
    </Text>
  );
}
