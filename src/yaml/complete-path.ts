// Tab on the `:` line after `apply -f`: completes the path as a shell does (the one match, or
// what all matches share; a directory gets its `/`). Returns the text to append, "" for none.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expandHome } from './text-command.js';

const PATH_ARG = /^\s*apply\b.*\s(?:-f|--filename)(?:\s+|=)(\S*)$/;

function commonPrefix(names: readonly string[]): string {
  let prefix = names[0] ?? '';
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

export function completePath(line: string, list = (dir: string) => readdirSync(dir), isDir = (p: string) => statSync(p).isDirectory()): string {
  const typed = PATH_ARG.exec(line)?.[1];
  if (typed === undefined) return '';
  const full = expandHome(typed || './');
  const dir = typed === '' || full.endsWith('/') ? full : dirname(full);
  const base = typed === '' || full.endsWith('/') ? '' : full.slice(dir === '.' && !full.startsWith('./') ? 0 : dir.length + (dir.endsWith('/') ? 0 : 1));
  let names: string[];
  try {
    names = list(dir).filter((n) => n.startsWith(base) && (base.startsWith('.') || !n.startsWith('.')));
  } catch {
    return '';
  }
  if (names.length === 0) return '';
  const shared = commonPrefix(names);
  let suffix = shared.slice(base.length);
  if (names.length === 1) {
    try {
      if (isDir(join(dir, shared))) suffix += '/';
    } catch {
      // gone meanwhile: complete the name only
    }
  }
  return suffix;
}
