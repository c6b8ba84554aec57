// Colours by meaning. Ink's chalk drops every colour (and inverse) when NO_COLOR is set (the CLI
// turns it into FORCE_COLOR=0), so views never force colour; where colour carries meaning (the
// cursor, focus) they add a plain-text cue too.
import type { Health } from '../render/types.js';

export const HEALTH_COLOUR: Record<Health, string | undefined> = {
  ok: undefined,
  warn: 'yellow',
  error: 'red',
  pending: 'cyan',
  deleting: 'gray',
};

export const theme = {
  focusBorder: 'cyan',
  border: 'gray',
  title: 'cyan',
  muted: 'gray',
  key: 'magenta',
  error: 'red',
  info: 'green',
  live: 'green',
  warning: 'yellow',
} as const;

/** Border characters: double lines mark the focused pane even without colour. */
export const BORDERS = {
  focused: { tl: '╔', tr: '╗', bl: '╚', br: '╝', h: '═', v: '║' },
  plain: { tl: '┌', tr: '┐', bl: '└', br: '┘', h: '─', v: '│' },
} as const;

export type BorderSet = (typeof BORDERS)[keyof typeof BORDERS];

/** The sorted column's arrow. */
export const ARROW = { asc: '↑', desc: '↓' } as const;
