// Pure filtering and sorting of rendered rows, as k9s does it: `/text` (regex when it parses,
// case-insensitive), `/!text` inverts, `/-l sel` evaluates a label selector on metadata.labels.
import type { KubeObject } from '../kube/types.js';
import type { Row } from '../render/types.js';
import { cellKey, compareCellKeys, placeholderOrder, valueKey, type CellKey } from './cell-order.js';

/** A rendered row next to the object it came from (drill-down and label filters need the object). */
export interface RowItem {
  row: Row;
  obj: KubeObject;
}

export type SortKey = 'name' | 'age' | 'status' | 'namespace' | 'column';

export interface SortSpec {
  by: SortKey;
  desc: boolean;
  /** With by 'column': the column's header, as kubectl prints it ("RESTARTS", "IP"). */
  column?: string;
}

/**
 * A sort the pipeline can run: a column sort knows where its cells are (-1: not in these rows), or,
 * for a column drawn beside the rows (the metrics), each row's number.
 */
export type ResolvedSort = SortSpec & { index?: number; value?: (item: RowItem) => number | undefined };

/** The sort with its column's index among `headers` (the rows' cells are in that order). */
export function resolveSort(sort: SortSpec, headers: readonly string[]): ResolvedSort {
  return sort.by === 'column' ? { ...sort, index: headers.indexOf(sort.column ?? '') } : sort;
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

function compareBy(by: NamedSort, a: Row, b: Row): number {
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

/** A column sort's key per row: its cell's (parsed once per row), or the number `value` gives. */
function columnKeys(sort: ResolvedSort): ((item: RowItem) => CellKey) | undefined {
  const { value, index = -1 } = sort;
  if (sort.by !== 'column' || (index < 0 && !value)) return undefined;
  const keys = new WeakMap<Row, CellKey>();
  return (item) => {
    let key = keys.get(item.row);
    if (!key) {
      key = value ? valueKey(value(item)) : cellKey(item.row.cells[index] ?? '');
      keys.set(item.row, key);
    }
    return key;
  };
}

/**
 * The rows' order: by the key (age ascending = youngest first, as k9s), ties broken by namespace,
 * then name, so the order is stable across updates; a total order on live rows. A column the rows
 * do not have sorts by name.
 */
export function compareRows(sort: ResolvedSort): (x: RowItem, y: RowItem) => number {
  const sign = sort.desc ? -1 : 1;
  const column = columnKeys(sort);
  const by: NamedSort = sort.by === 'column' ? 'name' : sort.by;
  return (x, y) => {
    const a = x.row;
    const b = y.row;
    let primary: number;
    if (column) {
      const ka = column(x);
      const kb = column(y);
      // Placeholders ("<none>", no number) stay last in either direction: what is there comes first.
      const blank = placeholderOrder(ka, kb);
      if (blank !== 0) return blank;
      primary = compareCellKeys(ka, kb);
    } else {
      primary = compareBy(by, a, b);
    }
    if (primary !== 0) return sign * primary;
    const ns = compareText(a.sort.namespace, b.sort.namespace);
    if (ns !== 0) return ns;
    return compareText(a.sort.name, b.sort.name);
  };
}

export type NamedSort = Exclude<SortKey, 'column'>;

/** What a sort key asks for: a named sort (N, A, S, P), a column by its header (Shift-←/→), or the other direction (Shift-O). */
export type SortChange = { by: NamedSort } | { column: string } | { reverse: true };

/** The columns the named sorts stand for: sorting by one of these headers is that sort. */
export const SORT_COLUMN: Record<NamedSort, string> = { name: 'NAME', namespace: 'NAMESPACE', age: 'AGE', status: 'STATUS' };

/** The header the sort is by (for a resolved sort, NAME when its column cannot be sorted by here). */
export function sortedColumn(sort: SortSpec | ResolvedSort): string | undefined {
  if (sort.by !== 'column') return SORT_COLUMN[sort.by];
  return 'index' in sort && sort.index !== undefined && sort.index < 0 && !sort.value ? SORT_COLUMN.name : sort.column;
}

/** The sort after a sort key: a new key or column sorts ascending, the same named key reverses. */
export function nextSort(current: SortSpec, change: SortChange): SortSpec {
  if ('reverse' in change) return { ...current, desc: !current.desc };
  if ('by' in change) return current.by === change.by ? { by: change.by, desc: !current.desc } : { by: change.by, desc: false };
  const named = (Object.keys(SORT_COLUMN) as NamedSort[]).find((by) => SORT_COLUMN[by] === change.column);
  return named ? { by: named, desc: false } : { by: 'column', column: change.column, desc: false };
}

/** The column before (-1) or after (+1) the sorted one among `headers`, wrapping; the first when the sort's is not there. */
export function adjacentColumn(headers: readonly string[], sort: SortSpec, delta: -1 | 1): string | undefined {
  if (headers.length === 0) return undefined;
  const at = headers.indexOf(sortedColumn(sort) ?? '');
  if (at < 0) return headers[0];
  return headers[(at + delta + headers.length) % headers.length];
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
