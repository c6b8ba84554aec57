// `:w PATH` in the log view: the kept lines, as shown (timestamps when `t` is on, prefixes), to a file.
import { writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { LogLine } from './log-line.js';

/** Parses what was typed after `:`: "w PATH" (or "write PATH"). */
export function parseSaveCommand(input: string): { path: string } | { error: string } {
  const m = /^\s*w(?:rite)?(?:\s+(.+?))?\s*$/.exec(input);
  if (!m) return { error: `unknown command ":${input.trim()}"; the log view knows :w PATH` };
  if (!m[1]) return { error: ':w needs a file name, e.g. :w /tmp/pod.log' };
  const path = m[1].startsWith('~/') ? resolve(homedir(), m[1].slice(2)) : resolve(m[1]);
  return { path };
}

/** Writes the lines; resolves with the one-line outcome. */
export async function saveLines(path: string, lines: readonly LogLine[], display: (line: LogLine) => string): Promise<{ text: string; error: boolean }> {
  try {
    await writeFile(path, lines.map((l) => `${display(l)}\n`).join(''));
    return { text: `saved ${lines.length} lines to ${path}`, error: false };
  } catch (err) {
    return { text: `cannot save to ${path}: ${(err as Error).message}`, error: true };
  }
}
