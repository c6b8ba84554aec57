// An object as `kubectl get -o yaml` prints it. kubectl marshals through sigs.k8s.io/yaml, whose
// emitter is go-yaml v2's: keys in go-yaml's natural order, sequences not indented under their
// key, strings quoted only when a plain scalar would read back as another type (then "double"),
// 'single' when the plain form is not allowed, `|` blocks for text with line breaks, and long
// plain or quoted text broken at the first space past column 80. No JavaScript YAML library
// emits that (eemeli's `yaml` and js-yaml fold before the width and choose quotes differently),
// so this file writes it.
import { goKeyLess, needsDoubleQuotes } from './go-yaml-rules.js';

const BEST_WIDTH = 80;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function sortedKeys(obj: Record<string, unknown>): string[] {
  return Object.keys(obj).sort((a, b) => (goKeyLess(a, b) ? -1 : goKeyLess(b, a) ? 1 : 0));
}

const isBreak = (c: string): boolean => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlank = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t' || isBreak(c);
/** go-yaml's is_printable: \n, ASCII 0x20-0x7e and the BMP above 0xa0 but for surrogates, BOM and 0xfffe-f. */
const isPrintable = (c: string): boolean => {
  const n = c.codePointAt(0) as number;
  return n === 0x0a || (n >= 0x20 && n <= 0x7e) || (n >= 0xa0 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd && n !== 0xfeff);
};

interface Allowed {
  plain: boolean;
  single: boolean;
  block: boolean;
}

/** go-yaml's yaml_emitter_analyze_scalar, for block context (kubectl's output has no flow). */
function analyze(s: string): Allowed {
  if (s === '') return { plain: false, single: true, block: false };
  const chars = [...s];
  let indicators = s.startsWith('---') || s.startsWith('...');
  let special = false;
  let lineBreaks = false;
  let leading = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  let precededByWhitespace = true;
  chars.forEach((c, i) => {
    const followedByWhitespace = isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) indicators = true;
      else if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) indicators = true;
    } else if ((c === ':' && followedByWhitespace) || (c === '#' && precededByWhitespace)) indicators = true;
    if (!isPrintable(c)) special = true;
    const last = i === chars.length - 1;
    if (c === ' ') {
      if (i === 0) leading = true;
      if (last) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leading = true;
      if (last) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevBreak = true;
      prevSpace = false;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWhitespace = isBlank(c);
  });
  const out: Allowed = { plain: true, single: true, block: true };
  if (leading || trailingSpace || trailingBreak) out.plain = false;
  if (trailingSpace) out.block = false;
  if (breakSpace) out.plain = out.single = false;
  if (spaceBreak || special) out.plain = out.single = out.block = false;
  if (lineBreaks || indicators) out.plain = false;
  return out;
}

/** Writes `text` from `column`, breaking at a lone space once past the width, as go-yaml does. */
function folded(text: string, column: number, indent: number, quoted: boolean): string {
  let out = '';
  let col = column;
  let spaces = false;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === ' ') {
      const next = chars[i + 1];
      const inner = !quoted || (i > 0 && i < chars.length - 1);
      if (!spaces && col > BEST_WIDTH && next !== ' ' && inner) {
        out += `\n${' '.repeat(indent)}`;
        col = indent;
      } else {
        out += c;
        col++;
      }
      spaces = true;
    } else {
      out += c;
      col++;
      spaces = false;
    }
  }
  return out;
}

const ESCAPES: Record<string, string> = { '\0': '\\0', '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r', '\x1b': '\\e', '"': '\\"', '\\': '\\\\', '\u0085': '\\N', '\u2028': '\\L', '\u2029': '\\P' };

function hexEscape(code: number): string {
  const [letter, digits] = code <= 0xff ? ['x', 2] : code <= 0xffff ? ['u', 4] : ['U', 8];
  return `\\${letter}${code.toString(16).toUpperCase().padStart(digits as number, '0')}`;
}

function doubleQuoted(s: string, column: number, indent: number, breaks: boolean): string {
  let out = '"';
  let col = column + 1;
  let spaces = false;
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const code = c.codePointAt(0) as number;
    if (c === ' ') {
      if (breaks && !spaces && col > BEST_WIDTH && i > 0 && i < chars.length - 1) {
        out += `\n${' '.repeat(indent)}`;
        col = indent;
        if (chars[i + 1] === ' ') {
          out += '\\';
          col++;
        }
      } else {
        out += c;
        col++;
      }
      spaces = true;
      continue;
    }
    spaces = false;
    const esc = isPrintable(c) && !isBreak(c) && c !== '"' && c !== '\\' ? undefined : (ESCAPES[c] ?? hexEscape(code));
    out += esc ?? c;
    col += esc ? esc.length : 1;
  }
  return `${out}"`;
}

function literal(s: string, indent: number): string {
  const chomp = s.endsWith('\n') ? (s.endsWith('\n\n') ? '+' : '') : '-';
  const hint = s.startsWith(' ') || s.startsWith('\n') ? '2' : '';
  const body = (s.endsWith('\n') ? s.slice(0, -1) : s).split('\n');
  return `|${hint}${chomp}\n${body.map((l) => (l === '' ? '' : ' '.repeat(indent) + l)).join('\n')}`;
}

/** A string scalar starting at `column`, continuation lines at `indent`; keys never break. */
function scalarString(s: string, column: number, indent: number, key = false): string {
  if (needsDoubleQuotes(s)) return doubleQuoted(s, column, indent, !key);
  const allowed = analyze(s);
  if (s.includes('\n')) return allowed.block && !key ? literal(s, indent) : doubleQuoted(s, column, indent, !key);
  if (allowed.plain) return key ? s : folded(s, column, indent, false);
  if (allowed.single) return `'${key ? s.replace(/'/g, "''") : folded(s.replace(/'/g, "''"), column + 1, indent, true)}'`;
  return doubleQuoted(s, column, indent, !key);
}

function scalar(value: Json, column: number, indent: number): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return goNumber(value);
  return scalarString(value as string, column, indent);
}

/** JSON numbers as Go's json→yaml round trip prints them: integers plainly, floats in %g-like form. */
function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const s = String(n);
  return s.includes('e') ? s.replace(/e([+-])(\d)$/, 'e$10$2') : s;
}

function isCollection(v: Json): v is Json[] | { [key: string]: Json } {
  return typeof v === 'object' && v !== null;
}

function isEmpty(v: Json[] | { [key: string]: Json }): boolean {
  return Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0;
}

function emitMap(obj: { [key: string]: Json }, indent: number, lines: string[], firstPrefix?: string): void {
  let first = true;
  for (const key of sortedKeys(obj)) {
    const value = obj[key] as Json;
    const pad = first && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent);
    first = false;
    const k = scalarString(key, indent, indent + 2, true);
    if (isCollection(value) && !isEmpty(value)) {
      lines.push(`${pad}${k}:`);
      if (Array.isArray(value)) emitSeq(value, indent, lines);
      else emitMap(value, indent + 2, lines);
    } else {
      const prefix = `${pad}${k}: `;
      const text = isCollection(value) ? (Array.isArray(value) ? '[]' : '{}') : scalar(value, prefix.length, indent + 2);
      lines.push(...`${prefix}${text}`.split('\n'));
    }
  }
}

function emitSeq(items: Json[], indent: number, lines: string[]): void {
  for (const item of items) {
    const pad = `${' '.repeat(indent)}- `;
    if (isCollection(item) && !isEmpty(item)) {
      if (Array.isArray(item)) {
        lines.push(`${' '.repeat(indent)}-`);
        emitSeq(item, indent + 2, lines);
      } else emitMap(item, indent + 2, lines, pad);
    } else {
      const text = isCollection(item) ? (Array.isArray(item) ? '[]' : '{}') : scalar(item, pad.length, indent + 2);
      lines.push(...`${pad}${text}`.split('\n'));
    }
  }
}

/** The object as `kubectl get -o yaml` prints it, ending in a newline. */
export function toKubectlYaml(obj: unknown): string {
  const value = JSON.parse(JSON.stringify(obj ?? null)) as Json;
  const lines: string[] = [];
  if (isCollection(value) && !isEmpty(value)) {
    if (Array.isArray(value)) emitSeq(value, 0, lines);
    else emitMap(value, 0, lines);
  } else lines.push(isCollection(value) ? (Array.isArray(value) ? '[]' : '{}') : scalar(value, 0, 2));
  return `${lines.join('\n')}\n`;
}
