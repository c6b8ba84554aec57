// What a log view shows, from the kept lines: the filter (regex as the pane filter, `!` inverts),
// then the window of screen rows at the bottom (following) or from an anchored line (paused),
// long lines cut or wrapped. Only the visible rows are built. Pure.
import { textMatcher } from '../store/select.js';
import type { LogLine } from './log-line.js';

/** What was typed after `/` in filter mode as a line test; undefined = no filter. */
export function lineFilter(input: string): ((text: string) => boolean) | undefined {
  let text = input.trim();
  const invert = text.startsWith('!');
  if (invert) text = text.slice(1).trim();
  if (!text) return undefined;
  const matches = textMatcher(text);
  return invert ? (line) => !matches(line) : matches;
}

export interface LogRowText {
  line: LogLine;
  /** The part of the line's display text on this screen row. */
  text: string;
  /** First screen row of its line (where the prefix is drawn). */
  first: boolean;
}

export interface WindowInput {
  lines: readonly LogLine[];
  /** The line's text as displayed (timestamp and prefix included). */
  display: (line: LogLine) => string;
  rows: number;
  width: number;
  wrap: boolean;
  /** Show the newest lines (following); else from `topSeq`. */
  follow: boolean;
  topSeq: number;
}

export interface LogWindow {
  rows: LogRowText[];
  /** The seq of the first line shown (anchor for a pause). */
  topSeq: number;
  /** Whether the newest line is on screen. */
  atBottom: boolean;
}

function pieces(text: string, width: number, wrap: boolean): string[] {
  if (!wrap || text.length <= width) return [text];
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out;
}

/** Index of the first line with seq >= `seq` (lines are in seq order). */
export function indexOfSeq(lines: readonly LogLine[], seq: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((lines[mid] as LogLine).seq < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function logWindow(input: WindowInput): LogWindow {
  const { lines, display, rows, width, wrap } = input;
  const out: LogRowText[] = [];
  if (input.follow || lines.length === 0) {
    // Fill from the bottom up.
    let i = lines.length - 1;
    for (; i >= 0 && out.length < rows; i--) {
      const line = lines[i] as LogLine;
      const parts = pieces(display(line), width, wrap);
      for (let p = parts.length - 1; p >= 0 && out.length < rows; p--) out.unshift({ line, text: parts[p] as string, first: p === 0 });
    }
    return { rows: out, topSeq: out[0]?.line.seq ?? 0, atBottom: true };
  }
  let start = Math.min(indexOfSeq(lines, input.topSeq), lines.length - 1);
  // Never leave blank rows below the last line: start earlier when the tail does not fill the screen.
  let filled = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    filled += pieces(display(lines[i] as LogLine), width, wrap).length;
    if (filled >= rows) {
      start = Math.min(start, i);
      break;
    }
    if (i === 0) start = 0;
  }
  let i = start;
  for (; i < lines.length && out.length < rows; i++) {
    const line = lines[i] as LogLine;
    pieces(display(line), width, wrap).forEach((text, p) => out.length < rows && out.push({ line, text, first: p === 0 }));
  }
  const last = lines[lines.length - 1] as LogLine;
  return { rows: out, topSeq: (lines[start] as LogLine).seq, atBottom: i >= lines.length && out.at(-1)?.line === last };
}

/** The seq of the line `delta` lines from `seq` (clamped to the kept lines). */
export function stepSeq(lines: readonly LogLine[], seq: number, delta: number): number {
  if (lines.length === 0) return 0;
  const i = Math.max(0, Math.min(lines.length - 1, indexOfSeq(lines, seq) + delta));
  return (lines[i] as LogLine).seq;
}

/** The seq of the next (dir 1) or previous (-1) line after `seq` whose text contains `term` (any case), wrapping. */
export function findMatch(lines: readonly LogLine[], term: string, seq: number, dir: 1 | -1): number | undefined {
  if (!term || lines.length === 0) return undefined;
  const needle = term.toLowerCase();
  const from = indexOfSeq(lines, seq);
  for (let k = 1; k <= lines.length; k++) {
    const i = (((from + dir * k) % lines.length) + lines.length) % lines.length;
    const line = lines[i] as LogLine;
    if (line.text.toLowerCase().includes(needle)) return line.seq;
  }
  return undefined;
}
