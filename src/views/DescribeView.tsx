// The text viewer of describe (`d`) and YAML (`y`): text in a full-body panel, scrolled, optionally
// coloured, with the `/` search's matches highlighted and a status line (the `/` or `:` prompt,
// match count, refresh errors). Pure.
import { memo } from 'react';
import { clampScroll, matchingLines, splitMatches } from './describe-lines.js';
import { Panel, type PanelLine, type Segment } from './Panel.js';
import { theme } from './theme.js';

export interface DescribeViewProps {
  title: string;
  /** The describe text; undefined until the first load. */
  lines: readonly string[] | undefined;
  /** The last load's error (the text, if any, is the last good one). */
  error?: string;
  scroll: number;
  search: string;
  /** The search being typed after `/` (or a command after `:`). */
  typing?: string;
  /** What the typing line starts with: "/" (search, the default) or ":" (a command such as `:w PATH`). */
  prompt?: string;
  /** Colours of a line without a search match (the YAML view's keys, strings, numbers). */
  colorize?: (line: string) => Segment[];
  /** The outcome of a `:` command. */
  note?: { text: string; error: boolean };
  /** The status line when nothing else is to say. */
  idleHint?: string;
  /** Index of the current match among the matching lines. */
  match: number;
  width: number;
  /** Lines, borders included. */
  height: number;
  plain?: boolean;
}

/** Text rows inside the borders, less the status line. */
export function describeRows(height: number): number {
  return Math.max(1, height - 3);
}

function statusLine(props: DescribeViewProps, matches: readonly number[]): Segment {
  if (props.typing !== undefined) {
    const prompt = props.prompt ?? '/';
    const verb = prompt === '/' ? 'find' : 'run';
    return { text: `${prompt}${props.typing}${props.plain ? '_' : '█'}   enter ${verb}  esc cancel`, color: theme.key };
  }
  if (props.error) return { text: props.error, color: theme.error };
  if (!props.lines) return { text: 'loading…', color: theme.muted };
  if (props.note) return { text: props.note.text, color: props.note.error ? theme.error : theme.info };
  if (props.search) {
    if (matches.length === 0) return { text: `no match for "${props.search}"`, color: theme.warning };
    const current = Math.min(props.match, matches.length - 1);
    return { text: `match ${current + 1}/${matches.length} for "${props.search}" (n/N)`, color: theme.muted };
  }
  return { text: props.idleHint ?? '/ search  esc back', color: theme.muted };
}

/** The panel's lines: the visible text with matches highlighted, then the status line. */
export function describeBody(props: DescribeViewProps): PanelLine[] {
  const { lines = [], search, height } = props;
  const rows = describeRows(height);
  const top = clampScroll(props.scroll, lines.length, rows);
  const matches = matchingLines(lines, search);
  const currentLine = matches[Math.min(props.match, matches.length - 1)];
  const body: PanelLine[] = [];
  for (let r = 0; r < rows; r++) {
    const i = top + r;
    const line = lines[i];
    if (line === undefined) {
      body.push({ key: `r${r}`, segments: [{ text: '' }] });
      continue;
    }
    const current = i === currentLine;
    if (props.colorize && !props.plain && !splitMatches(line, search).some((p) => p.match)) {
      body.push({ key: `r${r}`, segments: props.colorize(line) });
      continue;
    }
    const segments: Segment[] = splitMatches(line, search).map((p) =>
      p.match ? { text: p.text, inverse: true, color: current ? theme.warning : undefined, bold: current } : { text: p.text },
    );
    body.push({ key: `r${r}`, segments });
  }
  body.push({ key: 'status', segments: [statusLine(props, matches)] });
  return body;
}

function DescribeViewImpl(props: DescribeViewProps) {
  const { lines = [], width, height } = props;
  const rows = describeRows(height);
  const top = clampScroll(props.scroll, lines.length, rows);
  const position = lines.length > rows ? ` [${top + 1}-${Math.min(lines.length, top + rows)}/${lines.length}]` : '';
  return <Panel title={`${props.title}${position}`} width={width} height={height} focused lines={describeBody(props)} />;
}

export const DescribeView = memo(DescribeViewImpl);
