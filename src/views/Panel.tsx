// A bordered box of an exact width and height: a title in the top border, lines of styled segments
// cut and padded to the inner width, blank filler up to the height.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { cellWidth, sliceCells } from '../text/cell-width.js';
import { asciiSpans } from './ascii-spans.js';
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

/** `text` cut to `width` cells, with an ellipsis when cut (wide characters count two). */
export function cut(text: string, width: number): string {
  if (cellWidth(text) <= width) return text;
  return width <= 1 ? sliceCells(text, Math.max(0, width)) : `${sliceCells(text, width - 1)}…`;
}

/** The title as the top border shows it, after its corner and one border character: " title ". */
function titleLabel(title: string, inner: number): string {
  return title ? ` ${cut(title, Math.max(0, inner - 3))} ` : '';
}

function topBorder(title: string, width: number, b: BorderSet): string {
  const inner = Math.max(0, width - 2);
  return `${b.tl}${(b.h + titleLabel(title, inner)).slice(0, inner).padEnd(inner, b.h)}${b.tr}`;
}

/** Segments cut to `width` in total and padded with spaces to exactly `width`. */
export function fitSegments(segments: readonly Segment[], width: number): Segment[] {
  const out: Segment[] = [];
  let used = 0;
  for (const s of segments) {
    if (used >= width) break;
    const w = cellWidth(s.text);
    const text = used + w > width ? cut(s.text, width - used) : s.text;
    out.push({ ...s, text });
    used += text === s.text ? w : cellWidth(text);
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

/** One body line: a single Text when it is all ASCII, else its ASCII spans side by side (ascii-spans.ts). */
function Line({ segments }: { segments: readonly Segment[] }): ReactNode {
  const spans = asciiSpans(segments);
  if (spans.length === 1) {
    return (
      <Text wrap="truncate">
        <Body segments={segments} />
      </Text>
    );
  }
  return (
    <Box flexDirection="row" height={1}>
      {spans.map((span, i) => (
        <Text key={i} wrap="truncate">
          <Body segments={span} />
        </Text>
      ))}
    </Box>
  );
}

/** Ink's border style for a border set (the same characters Panel drew itself before). */
function boxStyle(b: BorderSet) {
  return { topLeft: b.tl, top: b.h, topRight: b.tr, left: b.v, right: b.v, bottomLeft: b.bl, bottom: b.h, bottomRight: b.br };
}

/**
 * The border is Ink's own and the title a Text laid over its top edge. Ink measures every Text's
 * width each frame, and box-drawing characters take string-width's slow path: border lines drawn as
 * Text were a quarter of a frame. Ink writes its own border without measuring it.
 */
export function Panel({ title, width, height, focused, lines }: PanelProps) {
  const b = focused ? BORDERS.focused : BORDERS.plain;
  const colour = focused ? theme.focusBorder : theme.border;
  const inner = Math.max(0, width - 2);
  if (height < 2 || width < 2) {
    return (
      <Text wrap="truncate" color={colour}>
        {topBorder(title, width, b)}
      </Text>
    );
  }
  const rows = innerHeight(height);
  const shown = lines.slice(0, rows);
  const label = inner >= 4 ? titleLabel(title, inner).slice(0, inner - 1) : '';
  // Every write Ink makes under a horizontal clip (the App's) is cut with slice-ansi and measured;
  // the outer Box's vertical-only clip is the innermost one for the border, the inner one's for the lines.
  return (
    <Box width={width} height={height} overflowY="hidden">
      <Box flexDirection="column" width={width} height={height} borderStyle={boxStyle(b)} borderColor={colour}>
        <Box flexDirection="column" height={rows} overflowY="hidden">
          {shown.map((line) => (
            <Line key={line.key} segments={fitSegments(line.segments, inner)} />
          ))}
        </Box>
        {label && (
          <Box position="absolute" marginTop={-1} marginLeft={1}>
            <Text color={colour}>{label}</Text>
          </Box>
        )}
      </Box>
    </Box>
  );
}
