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

/** A footer hint, and whether it stays when the line is too narrow for all (help: where the rest are). */
type FooterHint = Hint & { kept?: boolean };

/** In the normal mode the row's actions come first (what k9s users look for), then the table's keys. */
export function hintsFor(mode: Mode, actions: readonly Hint[] = []): FooterHint[] {
  const scopes = HINT_SCOPES[mode];
  return [
    ...actions,
    ...scopes.flatMap((scope) =>
      activeBindings()
        .filter((b) => b.scope === scope && b.hint && b.keys.length > 0)
        .map((b) => ({ key: b.id === 'ns.favourite' ? '<0-9>' : formatKey(b.keys[0] ?? ''), label: b.hint ?? '', kept: b.id === 'app.help' })),
    ),
  ];
}

const widthOf = (h: Hint, first: boolean) => h.key.length + 1 + h.label.length + (first ? 0 : 2);

/** As many whole hints as fit in `width`, in order; a `kept` hint left out takes the last place instead. */
export function fitHints(hints: readonly FooterHint[], width: number): Hint[] {
  const kept = hints.filter((h) => h.kept);
  const out: Hint[] = [];
  let used = 0;
  for (const h of hints) {
    const w = widthOf(h, out.length === 0);
    if (used + w > width) break;
    out.push(h);
    used += w;
  }
  if (out.length === hints.length) return out;
  for (const k of kept) {
    if (out.includes(k)) continue;
    while (out.length > 0 && used + widthOf(k, out.length === 0) > width) used -= widthOf(out.pop() as Hint, out.length === 0);
    if (used + widthOf(k, out.length === 0) <= width) {
      out.push(k);
      used += widthOf(k, out.length === 1);
    }
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
