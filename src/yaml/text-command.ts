// The `:` line of the text views: `:w PATH` (also `:write`) writes the text shown to a file, as
// vi does; `~/` is the home directory. One line comes back either way.
import { writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { firstLine } from '../text/first-line.js';

export interface TextCommandResult {
  ok: boolean;
  message: string;
}

export function expandHome(path: string, home = homedir()): string {
  return path === '~' ? home : path.startsWith('~/') ? `${home}${path.slice(1)}` : path;
}

export async function runTextCommand(line: string, text: string, write = writeFile): Promise<TextCommandResult> {
  const [word, ...rest] = line.trim().split(/\s+/).filter(Boolean);
  if (word !== 'w' && word !== 'write') return { ok: false, message: `unknown command ":${line.trim()}": try :w PATH` };
  if (rest.length !== 1) return { ok: false, message: ':w needs one path, e.g. :w /tmp/pod.yaml' };
  const path = resolve(expandHome(rest[0] as string));
  try {
    await write(path, text);
  } catch (err) {
    return { ok: false, message: `cannot write ${path}: ${firstLine(err)}` };
  }
  const lines = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  return { ok: true, message: `"${path}" ${lines}L, ${Buffer.byteLength(text)}B written` };
}
