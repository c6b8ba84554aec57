// Pure helpers of the describe view: which lines match a search (any case), where the matches
// sit in a line, and the scroll that brings a match into view.

/** Indexes of the lines containing `term`, ignoring case; [] for an empty term. */
export function matchingLines(lines: readonly string[], term: string): number[] {
  if (!term) return [];
  const needle = term.toLowerCase();
  const out: number[] = [];
  lines.forEach((line, i) => {
    if (line.toLowerCase().includes(needle)) out.push(i);
  });
  return out;
}

export interface Piece {
  text: string;
  match: boolean;
}

/** A line split into matching and non-matching pieces. */
export function splitMatches(line: string, term: string): Piece[] {
  if (!term) return [{ text: line, match: false }];
  const lower = line.toLowerCase();
  const needle = term.toLowerCase();
  const out: Piece[] = [];
  let at = 0;
  for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + needle.length)) {
    if (i > at) out.push({ text: line.slice(at, i), match: false });
    out.push({ text: line.slice(i, i + needle.length), match: true });
    at = i + needle.length;
  }
  if (at < line.length || out.length === 0) out.push({ text: line.slice(at), match: false });
  return out;
}

export function maxScroll(lineCount: number, rows: number): number {
  return Math.max(0, lineCount - rows);
}

export function clampScroll(scroll: number, lineCount: number, rows: number): number {
  return Math.min(Math.max(0, scroll), maxScroll(lineCount, rows));
}

/** The first match at or below the top line (wrapping to the first), for a new search. */
export function firstMatchFrom(matches: readonly number[], top: number): number {
  const i = matches.findIndex((line) => line >= top);
  return i >= 0 ? i : 0;
}

/** Scroll that shows match line `line` a few lines below the top, as less does. */
export function scrollToLine(line: number, lineCount: number, rows: number): number {
  return clampScroll(line - Math.min(2, Math.floor(rows / 4)), lineCount, rows);
}

/** Lines cut into pieces of at most `width` characters (an empty line stays one line). */
export function wrapLines(lines: readonly string[], width: number): string[] {
  const w = Math.max(1, width);
  const out: string[] = [];
  for (const line of lines) {
    const chars = [...line];
    if (chars.length <= w) {
      out.push(line);
      continue;
    }
    for (let i = 0; i < chars.length; i += w) out.push(chars.slice(i, i + w).join(''));
  }
  return out;
}
