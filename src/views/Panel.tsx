// A bordered box drawn as text, one <Text> per line: a title in the top border, lines of styled
// segments cut to the inner width, blank filler up to the height. Drawing the border ourselves
// keeps every line exactly `width` wide whatever Ink thinks the terminal width is.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { BORDERS, theme, type BorderSet } from './theme.js';

export interface Segment {
  text: string;
  color?: string;
  bold?: boolean;
  inverse?: boolean;
  dim?: boolean;
  underline?: boolean;
}

export interface PanelLine {
  key: string;
  segments: readonly Segment[];
}

export interface PanelProps {
  title: string;
  width: number;
  /** Lines, borders included. */
  height: number;
  focused: boolean;
  lines: readonly PanelLine[];
}

/** The lines a panel of `height` shows inside its borders. */
export function innerHeight(height: number): number {
  return Math.max(0, height - 2);
}

export function cut(text: string, width: number): string {
  if (text.length <= width) return text;
  return width <= 1 ? text.slice(0, Math.max(0, width)) : `${text.slice(0, width - 1)}…`;
}

function topBorder(title: string, width: number, b: BorderSet): string {
  const inner = Math.max(0, width - 2);
  const label = title ? `${b.h} ${cut(title, Math.max(0, inner - 3))} ` : '';
  return `${b.tl}${label.slice(0, inner).padEnd(inner, b.h)}${b.tr}`;
}

/** Segments cut to `width` in total and padded with spaces to exactly `width`. */
export function fitSegments(segments: readonly Segment[], width: number): Segment[] {
  const out: Segment[] = [];
  let used = 0;
  for (const s of segments) {
    if (used >= width) break;
    const text = used + s.text.length > width ? cut(s.text, width - used) : s.text;
    out.push({ ...s, text });
    used += text.length;
  }
  if (used < width) out.push({ text: ' '.repeat(width - used) });
  return out;
}

function Body({ segments }: { segments: readonly Segment[] }): ReactNode {
  return segments.map((s, i) => (
    <Text key={i} color={s.color} bold={s.bold} inverse={s.inverse} dimColor={s.dim} underline={s.underline}>
      {s.text}
    </Text>
  ));
}

/**
 * The side borders are two one-column Texts beside the body, not part of each line: Ink measures
 * every line's width each frame, and a line of plain ASCII (most table rows) takes string-width's
 * fast path only when no box-drawing character is in it. Unfilled body lines are left blank by Ink.
 */
export function Panel({ title, width, height, focused, lines }: PanelProps) {
  const b = focused ? BORDERS.focused : BORDERS.plain;
  const colour = focused ? theme.focusBorder : theme.border;
  const inner = Math.max(0, width - 2);
  const rows = innerHeight(height);
  const shown = lines.slice(0, rows);
  const side = rows > 0 ? Array.from({ length: rows }, () => b.v).join('\n') : '';
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      <Text wrap="truncate" color={colour}>
        {topBorder(title, width, b)}
      </Text>
      {rows > 0 && (
        <Box flexDirection="row" width={width} height={rows}>
          <Text color={colour}>{side}</Text>
          <Box flexDirection="column" width={inner} height={rows}>
            {shown.map((line) => (
              <Text key={line.key} wrap="truncate">
                <Body segments={fitSegments(line.segments, inner)} />
              </Text>
            ))}
          </Box>
          <Text color={colour}>{side}</Text>
        </Box>
      )}
      {height >= 2 && <Text color={colour}>{`${b.bl}${b.h.repeat(inner)}${b.br}`}</Text>}
    </Box>
  );
}
