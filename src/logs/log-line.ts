// One line of a container log as kt keeps it, and the parsing of what the API server sends with
// timestamps=true: "<RFC3339Nano> <text>".

export interface LogLine {
  /** Position in the whole stream of the view (1, 2, …), across buffer drops. */
  seq: number;
  /** The kubelet's RFC3339Nano timestamp, as sent. */
  ts?: string;
  text: string;
  /** Index of the target in LogSnapshot.targets; -1 for kt's own marker lines. */
  origin: number;
  /** kt's line (stream ended, pod left…), not the container's. */
  marker?: boolean;
}

const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.(\d{1,9}))?Z) /;

// Colour and cursor sequences, and other control characters, would move the terminal's cursor.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]|[\x00-\x08\x0b-\x1f\x7f]/g;

/** A line made safe for one screen row: escape sequences and control characters out, tabs as spaces. */
export function printable(text: string): string {
  return text.replace(/\t/g, '    ').replace(ESCAPES, '');
}

/** Splits the timestamp off a line the API server sent with timestamps=true. */
export function parseStamped(raw: string): { ts?: string; text: string } {
  const m = STAMP.exec(raw);
  return m ? { ts: m[1], text: printable(raw.slice(m[0].length)) } : { text: printable(raw) };
}

/** A timestamp that sorts as text: the fraction padded to nine digits (RFC3339Nano drops zeros). */
export function stampKey(ts: string): string {
  const dot = ts.indexOf('.');
  const secs = dot < 0 ? ts.slice(0, -1) : ts.slice(0, dot);
  const frac = dot < 0 ? '' : ts.slice(dot + 1, -1);
  return `${secs}.${frac.padEnd(9, '0')}`;
}

/**
 * Splits arriving text into complete lines; the unfinished tail waits for the next chunk.
 * Returns the lines and the tail to keep.
 */
export function splitChunk(carry: string, chunk: string): { lines: string[]; carry: string } {
  const text = carry + chunk;
  const lines = text.split('\n');
  const rest = lines.pop() ?? '';
  return { lines: lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)), carry: rest };
}
