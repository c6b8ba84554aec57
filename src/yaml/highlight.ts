// Token kinds of one line of kubectl-style YAML, for colouring: keys, strings, numbers and
// literals (true, false, null), comments and punctuation. Line by line, so a continuation line of
// a folded or `|` block is taken as a string.

export type TokenKind = 'key' | 'string' | 'number' | 'literal' | 'comment' | 'plain';

export interface Token {
  text: string;
  kind: TokenKind;
}

const KEY = /^(\s*(?:- )*)((?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"][^:#]*?)):(?= |$)/;
const NUMBER = /^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+)$/;
const LITERAL = /^(true|false|null|~|\[\]|\{\})$/;

function valueKind(value: string): TokenKind {
  if (value.startsWith('#')) return 'comment';
  if (NUMBER.test(value)) return 'number';
  if (LITERAL.test(value)) return 'literal';
  if (value === '|' || /^\|[-+0-9]*$/.test(value)) return 'plain';
  return 'string';
}

/** The line cut into tokens; their texts joined give the line back. */
export function highlightLine(line: string): Token[] {
  const trimmed = line.trimStart();
  if (trimmed.startsWith('#')) return [{ text: line, kind: 'comment' }];
  const out: Token[] = [];
  const key = KEY.exec(line);
  let rest = line;
  if (key) {
    if (key[1]) out.push({ text: key[1], kind: 'plain' });
    out.push({ text: key[2] as string, kind: 'key' }, { text: ':', kind: 'plain' });
    rest = line.slice(key[0].length);
  } else {
    const dash = /^(\s*(?:- ?)*)/.exec(line)?.[1] ?? '';
    if (dash) out.push({ text: dash, kind: 'plain' });
    rest = line.slice(dash.length);
  }
  const value = rest.trimStart();
  const gap = rest.slice(0, rest.length - value.length);
  if (gap) out.push({ text: gap, kind: 'plain' });
  if (value) out.push({ text: value, kind: valueKind(value) });
  return out;
}
