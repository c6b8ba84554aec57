// The bottom line: the `:` command or `/` filter being typed, else a flash message, else the key
// hints for what is on screen (built from the bindings data, as many as fit).
import { Text } from 'ink';
import { memo } from 'react';
import type { Hint } from '../app/hint.js';
import type { Flash, Mode } from '../app/state.js';
import { activeBindings, type Scope } from '../keys/bindings.js';
import { formatKey } from '../keys/match.js';
import { theme } from './theme.js';

export interface FooterProps {
  mode: Mode;
  /** The command line's text. */
  input: string;
  /** The focused view's filter (what the `/` line edits). */
  filter: string;
  flash?: Flash;
  width: number;
  /** Normal mode: the focused pane's action hints (useActions), shown after the table's own. */
  actions?: readonly Hint[];
  /** A dialog shows a running plan's steps (drain): only Esc does anything there. */
  running?: boolean;
}

const RUNNING: readonly Hint[] = [{ key: '<esc>', label: 'hide (it goes on)' }];

const HINT_SCOPES: Record<Mode, readonly Scope[]> = {
  normal: ['pane', 'global'],
  command: ['input'],
  filter: ['input'],
  help: ['help'],
  namespaces: ['picker'],
  metrics: ['metrics'],
  prom: ['prom'],
  prompt: ['prompt'],
  confirm: ['confirm'],
  journal: ['journal'],
  describe: ['describe'],
  logs: ['logs'],
  apply: ['confirm'],
  apiResources: ['list'],
  rollout: ['list'],
  contexts: ['list'],
  forwards: ['forwards', 'list'],
};

export function hintsFor(mode: Mode, actions: readonly Hint[] = []): Hint[] {
  const scopes = HINT_SCOPES[mode];
  return scopes.flatMap((scope) => [
    ...(scope === 'global' ? actions : []),
    ...activeBindings().filter((b) => b.scope === scope && b.hint && b.keys.length > 0).map((b) => ({
      key: b.id === 'ns.favourite' ? '<0-9>' : formatKey(b.keys[0] ?? ''),
      label: b.hint ?? '',
    })),
  ]);
}

/** As many whole hints as fit in `width`. */
export function fitHints(hints: readonly Hint[], width: number): Hint[] {
  const out: Hint[] = [];
  let used = 0;
  for (const h of hints) {
    const w = h.key.length + 1 + h.label.length + (out.length ? 2 : 0);
    if (used + w > width) break;
    out.push(h);
    used += w;
  }
  return out;
}

function FooterView({ mode, input, filter, flash, width, actions, running }: FooterProps) {
  if (mode === 'command' || mode === 'filter') {
    const prompt = mode === 'command' ? ':' : '/';
    const text = mode === 'command' ? input : filter;
    return (
      <Text wrap="truncate-start">
        <Text color={theme.key} bold>
          {prompt}
        </Text>
        {text}
        <Text inverse> </Text>
      </Text>
    );
  }
  if (flash && mode === 'normal') {
    return (
      <Text wrap="truncate" color={flash.level === 'error' ? theme.error : theme.info}>
        {flash.text}
      </Text>
    );
  }
  const hints = fitHints(running && mode === 'confirm' ? RUNNING : hintsFor(mode, mode === 'normal' ? actions : undefined), width);
  return (
    <Text wrap="truncate">
      {hints.map((h, i) => (
        <Text key={h.key + h.label}>
          {i > 0 && '  '}
          {h.disabled ? (
            <Text color={theme.muted} dimColor>
              {h.key} {h.label}
            </Text>
          ) : (
            <>
              <Text color={theme.key}>{h.key}</Text> {h.label}
            </>
          )}
        </Text>
      ))}
    </Text>
  );
}

export const Footer = memo(FooterView);
