// A log view's screen rows as styled segments: the timestamp (`t`), the pod/container prefix in
// its origin's colour (merged or all-container logs), search matches highlighted, kt's marker
// lines set apart. Pure.
import type { LogLine } from '../logs/log-line.js';
import type { LogRowText } from '../logs/log-window.js';
import { splitMatches } from './describe-lines.js';
import type { Segment } from './Panel.js';
import { theme } from './theme.js';

const ORIGIN_COLOURS = ['cyan', 'green', 'yellow', 'magenta', 'blue', 'red', 'cyanBright', 'greenBright', 'yellowBright', 'magentaBright'];

export const originColour = (origin: number) => ORIGIN_COLOURS[origin % ORIGIN_COLOURS.length];

export interface DisplayOptions {
  timestamps: boolean;
  /** The prefix of a line's origin ("" = none). */
  prefix: (origin: number) => string;
}

export const MARKER = '──';

/** The line as shown and saved: "[ts ]prefix text"; markers as "── text ──". */
export function displayText(line: LogLine, options: DisplayOptions): string {
  const ts = options.timestamps && line.ts ? `${line.ts} ` : '';
  if (line.marker) return `${ts}${MARKER} ${line.text} ${MARKER}`;
  return `${ts}${options.prefix(line.origin)}${line.text}`;
}

function highlight(text: string, search: string, current: boolean, base: Omit<Segment, 'text'>): Segment[] {
  return splitMatches(text, search).map((p) =>
    p.match ? { ...base, text: p.text, inverse: true, ...(current ? { color: theme.warning, bold: true } : {}) } : { ...base, text: p.text },
  );
}

export function rowSegments(row: LogRowText, options: DisplayOptions, search: string, matchSeq: number | undefined, plain: boolean): Segment[] {
  const { line } = row;
  const current = line.seq === matchSeq;
  if (line.marker) return [{ text: row.text, color: plain ? undefined : theme.warning, bold: true }];
  if (!row.first) return highlight(row.text, search, current, {});
  const ts = options.timestamps && line.ts ? `${line.ts} ` : '';
  const prefix = options.prefix(line.origin);
  const out: Segment[] = [];
  let rest = row.text;
  if (ts) {
    out.push({ text: rest.slice(0, ts.length), color: plain ? undefined : theme.muted });
    rest = rest.slice(ts.length);
  }
  if (prefix) {
    out.push({ text: rest.slice(0, prefix.length), color: plain ? undefined : originColour(line.origin) });
    rest = rest.slice(prefix.length);
  }
  return [...out, ...highlight(rest, search, current, {})];
}
