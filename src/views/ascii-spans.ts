// Ink measures every line it draws with string-width, twice a frame (layout, then output). A line
// of printable ASCII takes its fast path (width = length); one non-ASCII character anywhere (a
// sparkline, "–") sends the whole line through grapheme segmentation and emoji regexes, which was
// over a third of a table frame's cost. So a line is drawn as up to three Texts: the ASCII before
// the first non-ASCII character, the span up to the last one, and the ASCII after it.
import type { Segment } from './Panel.js';

const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

function firstWide(text: string): number {
  return text.search(NOT_PRINTABLE_ASCII);
}

function lastWide(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return i;
  }
  return -1;
}

/** Segments from `from` to `to` (character offsets into their joined text), cut where needed. */
function sliceSegments(segments: readonly Segment[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const s of segments) {
    const end = pos + s.text.length;
    if (end > from && pos < to) out.push({ ...s, text: s.text.slice(Math.max(0, from - pos), Math.min(s.text.length, to - pos)) });
    pos = end;
  }
  return out;
}

/** The line split into [ASCII prefix, span with every non-ASCII character, ASCII suffix], empty ones left out. */
export function asciiSpans(segments: readonly Segment[]): Segment[][] {
  const text = segments.map((s) => s.text).join('');
  const first = firstWide(text);
  if (first < 0) return [segments.slice()];
  const last = lastWide(text) + 1;
  const bounds: [number, number][] = [[0, first], [first, last], [last, text.length]];
  return bounds.filter(([a, b]) => b > a).map(([a, b]) => sliceSegments(segments, a, b));
}
