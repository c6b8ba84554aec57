// Pure filtering and sorting of rendered rows, as k9s does it: `/text` (regex when it parses,
// case-insensitive), `/!text` inverts, `/-l sel` evaluates a label selector on metadata.labels.
import type { KubeObject } from '../kube/types.js';
import type { Row } from '../render/types.js';

/** A rendered row next to the object it came from (drill-down and label filters need the object). */
export interface RowItem {
  row: Row;
  obj: KubeObject;
}

export type SortKey = 'name' | 'age' | 'status' | 'namespace';

export interface SortSpec {
  by: SortKey;
  desc: boolean;
}

export interface CompiledFilter {
  test(item: RowItem): boolean;
  /** Why the filter cannot be used (bad label selector); it then matches nothing. */
  error?: string;
  /** Lower-cased text of a plain substring filter (no regex syntax, not inverted). */
  literal?: string;
}

/** Whether every row `next` keeps is also kept by `prev` (typing more of a plain substring). */
export function narrows(next: CompiledFilter | undefined, prev: CompiledFilter | undefined): boolean {
  return next?.literal !== undefined && prev?.literal !== undefined && next.literal.includes(prev.literal);
}

const MATCH_NOTHING = (): boolean => false;

/** No regex metacharacters: the pattern matches literally (case-insensitively). */
const LITERAL = /^[^\\^$.|?*+()[\]{}]*$/;

/** The row's cells joined by spaces, computed once per row (rows are immutable). */
const joined = new WeakMap<Row, string>();
function joinedCells(row: Row): string {
  let line = joined.get(row);
  if (line === undefined) {
    line = row.cells.join(' ');
    joined.set(row, line);
  }
  return line;
}

export function textMatcher(text: string): (line: string) => boolean {
  try {
    const re = new RegExp(text, 'i');
    return (line) => re.test(line);
  } catch {
    const needle = text.toLowerCase();
    return (line) => line.toLowerCase().includes(needle);
  }
}

/** Compiles what was typed after `/`; undefined when there is nothing to filter by. */
export function compileFilter(input: string): CompiledFilter | undefined {
  let text = input.trim();
  if (!text) return undefined;
  let invert = false;
  if (text.startsWith('!')) {
    invert = true;
    text = text.slice(1).trim();
    if (!text) return undefined;
  }
  let test: (item: RowItem) => boolean;
  let error: string | undefined;
  let literal: string | undefined;
  const label = /^-l(?:\s+|$)(.*)$/.exec(text);
  if (label) {
    const parsed = parseLabelSelector(label[1] ?? '');
    if ('error' in parsed) {
      return { test: MATCH_NOTHING, error: parsed.error };
    }
    const matches = parsed.matches;
    test = (item) => matches(item.obj.metadata.labels ?? {});
  } else {
    const matches = textMatcher(text);
    // Any one cell (so ^ and $ anchor to a cell), or the whole row (so a pattern may span cells).
    // Text without regex syntax matches a cell only where it matches the joined row: test that alone.
    if (LITERAL.test(text)) literal = text.toLowerCase();
    test = literal !== undefined
      ? (item) => matches(joinedCells(item.row))
      : (item) => item.row.cells.some(matches) || matches(joinedCells(item.row));
  }
  return invert ? { test: (item) => !test(item), error } : { test, error, literal };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBy(by: SortKey, a: Row, b: Row): number {
  switch (by) {
    case 'age':
      return b.sort.since - a.sort.since; // later = younger
    case 'status':
      return compareText(a.sort.status, b.sort.status);
    case 'namespace':
      return compareText(a.sort.namespace, b.sort.namespace);
    case 'name':
      return compareText(a.sort.name, b.sort.name);
  }
}

/**
 * The rows' order: by the key (age ascending = youngest first, as k9s), ties broken by namespace,
 * then name, so the order is stable across updates; a total order on live rows.
 */
export function compareRows(sort: SortSpec): (x: RowItem, y: RowItem) => number {
  const sign = sort.desc ? -1 : 1;
  return (x, y) => {
    const a = x.row;
    const b = y.row;
    const primary = compareBy(sort.by, a, b);
    if (primary !== 0) return sign * primary;
    const ns = compareText(a.sort.namespace, b.sort.namespace);
    if (ns !== 0) return ns;
    return compareText(a.sort.name, b.sort.name);
  };
}

/** The sort after pressing the key for `by`: a new key sorts ascending, the same key reverses. */
export function toggleSort(current: SortSpec, by: SortKey): SortSpec {
  return current.by === by ? { by, desc: !current.desc } : { by, desc: false };
}

type Labels = Readonly<Record<string, string>>;
export type LabelMatcher = (labels: Labels) => boolean;

/** Splits on commas outside parentheses: "a in (x,y),b" → ["a in (x,y)", "b"]. */
function splitRequirements(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

const KEY = String.raw`[A-Za-z0-9][-A-Za-z0-9_./]*`;
const SET_RE = new RegExp(String.raw`^(${KEY})\s+(in|notin)\s*\(([^()]*)\)$`);
const EQ_RE = new RegExp(String.raw`^(${KEY})\s*(==|=|!=|>|<)\s*([-A-Za-z0-9_.]*)$`);
const EXISTS_RE = new RegExp(String.raw`^(!?)\s*(${KEY})$`);

function requirement(text: string): LabelMatcher | undefined {
  const set = SET_RE.exec(text);
  if (set) {
    const [, key = '', op, list = ''] = set;
    const values = new Set(list.split(',').map((v) => v.trim()));
    return op === 'in'
      ? (labels) => key in labels && values.has(labels[key] ?? '')
      : (labels) => !(key in labels) || !values.has(labels[key] ?? '');
  }
  const eq = EQ_RE.exec(text);
  if (eq) {
    const [, key = '', op, value = ''] = eq;
    if (op === '!=') return (labels) => labels[key] !== value;
    if (op === '>' || op === '<') {
      const bound = Number(value);
      if (!Number.isInteger(bound)) return undefined;
      return (labels) => {
        const n = Number(labels[key]);
        return key in labels && Number.isInteger(n) && (op === '>' ? n > bound : n < bound);
      };
    }
    return (labels) => labels[key] === value;
  }
  const exists = EXISTS_RE.exec(text);
  if (exists) {
    const [, not, key = ''] = exists;
    return not ? (labels) => !(key in labels) : (labels) => key in labels;
  }
  return undefined;
}

/**
 * Parses a Kubernetes label selector: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`,
 * `k`, `!k` (and `k>n`, `k<n`), comma-separated, all of which must hold.
 */
export function parseLabelSelector(text: string): { matches: LabelMatcher } | { error: string } {
  if (!text.trim()) return { error: 'empty label selector' };
  const matchers: LabelMatcher[] = [];
  for (const part of splitRequirements(text)) {
    const m = part ? requirement(part) : undefined;
    if (!m) return { error: `bad label selector "${part}"` };
    matchers.push(m);
  }
  return { matches: (labels) => matchers.every((m) => m(labels)) };
}
