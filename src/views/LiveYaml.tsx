// The YAML overlay (`y` on a row): the object as `kubectl get -o yaml` prints it, fetched again
// whenever its watch sees a change (the scroll stays where it was), coloured by token, with `m`
// showing managedFields. The keys are the text viewer's.
import { useMemo } from 'react';
import { useDescribe } from '../hooks/useDescribe.js';
import { highlightLine, type TokenKind } from '../yaml/highlight.js';
import { yamlLoader } from '../yaml/object-yaml.js';
import { objectTitle, type LiveDescribeProps } from './LiveDescribe.js';
import { LiveText } from './LiveText.js';
import type { Segment } from './Panel.js';
import { theme } from './theme.js';

export type LiveYamlProps = Omit<LiveDescribeProps, 'refreshMs'>;

const COLOURS: Record<TokenKind, string | undefined> = {
  key: theme.title,
  string: theme.info,
  number: theme.key,
  literal: theme.warning,
  comment: theme.muted,
  plain: undefined,
};

export function yamlSegments(line: string): Segment[] {
  return highlightLine(line).map((t) => {
    const color = COLOURS[t.kind];
    return color ? { text: t.text, color } : { text: t.text };
  });
}

export function LiveYaml({ client, source, ui, width, height, plain, active, dispatch }: LiveYamlProps) {
  const load = useMemo(() => yamlLoader({ managedFields: ui.managedFields }), [ui.managedFields]);
  // No timer: only the object's own changes change its YAML.
  const loaded = useDescribe(client, source, ui.target, 0, load);
  const fields = ui.managedFields ? 'm hide managedFields' : 'm managedFields';
  return (
    <LiveText
      title={objectTitle('YAML', ui)}
      text={loaded.text}
      error={loaded.error}
      ui={ui}
      width={width}
      height={height}
      plain={plain}
      active={active}
      dispatch={dispatch}
      colorize={yamlSegments}
      idleHint={`/ search  ${fields}  :w PATH save  esc back`}
      onCommand={(id) => {
        if (id !== 'describe.managedFields') return false;
        dispatch({ type: 'describeManagedFields' });
        return true;
      }}
    />
  );
}
