import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/kube/types.js';
import type { Row } from '../../../src/render/types.js';
import { filterRows, sortRows } from '../../../bench/rows.js';
import { adjacentColumn, compileFilter, nextSort, parseLabelSelector, resolveSort, type RowItem } from '../../../src/store/select.js';

function item(name: string, opts: { ns?: string; age?: number; status?: string; labels?: Record<string, string>; cell?: string } = {}): RowItem {
  const obj: KubeObject = { metadata: { name, namespace: opts.ns, labels: opts.labels } };
  const row: Row = {
    key: opts.ns ? `${opts.ns}/${name}` : name,
    cells: [name, opts.status ?? 'Running', opts.cell ?? ''],
    health: 'ok',
    sort: { name, namespace: opts.ns ?? '', since: -(opts.age ?? 0), status: opts.status ?? 'Running' },
  };
  return { row, obj };
}

const names = (items: readonly RowItem[]) => items.map((i) => i.row.sort.name);

describe('compileFilter', () => {
  const items = [item('nginx-1'), item('NGINX-2'), item('redis', { status: 'CrashLoopBackOff' }), item('a(b')];

  it('is undefined for nothing typed', () => {
    expect(compileFilter('  ')).toBeUndefined();
    expect(compileFilter('!')).toBeUndefined();
  });
  it('matches case-insensitive regexes against every cell', () => {
    expect(names(filterRows(items, compileFilter('nginx')))).toEqual(['nginx-1', 'NGINX-2']);
    expect(names(filterRows(items, compileFilter('^nginx-\\d$')))).toEqual(['nginx-1', 'NGINX-2']);
    expect(names(filterRows(items, compileFilter('crash')))).toEqual(['redis']);
  });
  it('falls back to a substring when the text is not a regex', () => {
    expect(names(filterRows(items, compileFilter('a(')))).toEqual(['a(b']);
  });
  it('inverts with !', () => {
    expect(names(filterRows(items, compileFilter('!nginx')))).toEqual(['redis', 'a(b']);
  });
  it('evaluates -l label selectors on metadata.labels', () => {
    const labelled = [
      item('web', { labels: { app: 'nginx', tier: 'front' } }),
      item('db', { labels: { app: 'postgres', tier: 'back' } }),
      item('bare'),
    ];
    expect(names(filterRows(labelled, compileFilter('-l app=nginx')))).toEqual(['web']);
    expect(names(filterRows(labelled, compileFilter('-l app!=nginx')))).toEqual(['db', 'bare']);
    expect(names(filterRows(labelled, compileFilter('!-l app=nginx')))).toEqual(['db', 'bare']);
    expect(compileFilter('-l app=')?.error).toBeUndefined();
    const bad = compileFilter('-l =x');
    expect(bad?.error).toMatch(/bad label selector/);
    expect(names(filterRows(labelled, bad))).toEqual([]);
  });
});

describe('parseLabelSelector', () => {
  const match = (sel: string, labels: Record<string, string>) => {
    const parsed = parseLabelSelector(sel);
    if ('error' in parsed) throw new Error(parsed.error);
    return parsed.matches(labels);
  };
  it('handles every operator', () => {
    expect(match('app=web', { app: 'web' })).toBe(true);
    expect(match('app==web', { app: 'web' })).toBe(true);
    expect(match('app!=web', {})).toBe(true);
    expect(match('env in (prod, staging)', { env: 'staging' })).toBe(true);
    expect(match('env in (prod,staging)', {})).toBe(false);
    expect(match('env notin (prod)', {})).toBe(true);
    expect(match('env notin (prod)', { env: 'prod' })).toBe(false);
    expect(match('app', { app: '' })).toBe(true);
    expect(match('!app', { app: 'x' })).toBe(false);
    expect(match('!app', {})).toBe(true);
    expect(match('app.kubernetes.io/name=kt,tier in (a,b),!canary', { 'app.kubernetes.io/name': 'kt', tier: 'b' })).toBe(true);
    expect(match('replicas>2', { replicas: '3' })).toBe(true);
  });
  it('reports bad selectors', () => {
    expect(parseLabelSelector('')).toHaveProperty('error');
    expect(parseLabelSelector('a in b')).toHaveProperty('error');
    expect(parseLabelSelector('a=b,')).toHaveProperty('error');
  });
});

describe('sortRows', () => {
  const items = [item('b', { ns: 'x', age: 5, status: 'Running' }), item('a', { ns: 'y', age: 1, status: 'Pending' }), item('c', { ns: 'x', age: 9, status: 'Error' })];
  it('sorts by each key, with namespace and name as tie-breakers', () => {
    expect(names(sortRows(items, { by: 'name', desc: false }))).toEqual(['a', 'b', 'c']);
    expect(names(sortRows(items, { by: 'name', desc: true }))).toEqual(['c', 'b', 'a']);
    expect(names(sortRows(items, { by: 'age', desc: false }))).toEqual(['a', 'b', 'c']);
    expect(names(sortRows(items, { by: 'status', desc: false }))).toEqual(['c', 'a', 'b']);
    expect(names(sortRows(items, { by: 'namespace', desc: false }))).toEqual(['b', 'c', 'a']);
  });
  it('sorts by a column: numbers, durations and quantities by value, text naturally, placeholders last', () => {
    const by = (cells: string[], desc = false) => {
      const rows = cells.map((cell, i) => item(`p${i}`, { cell }));
      return sortRows(rows, resolveSort({ by: 'column', column: 'X', desc }, ['NAME', 'STATUS', 'X'])).map((r) => r.row.cells[2]);
    };
    expect(by(['10', '9', '<none>', '0', '100'])).toEqual(['0', '9', '10', '100', '<none>']);
    expect(by(['10', '9', '<none>', '0', '100'], true)).toEqual(['100', '10', '9', '0', '<none>']);
    expect(by(['2d4h', '45s', '3m12s', '5h7m', '90s'])).toEqual(['45s', '90s', '3m12s', '5h7m', '2d4h']);
    expect(by(['1Gi', '512Mi', '2G', '100Ki'])).toEqual(['100Ki', '512Mi', '1Gi', '2G']);
    expect(by(['10.0.0.10', '10.0.0.9', '<none>', '10.0.1.1'])).toEqual(['10.0.0.9', '10.0.0.10', '10.0.1.1', '<none>']);
    expect(by(['2/2', '0/1', '10/10', '1/2'])).toEqual(['0/1', '1/2', '2/2', '10/10']);
    // A column this kind does not have (another kind's sort): by name.
    const rows = [item('b', { cell: '1' }), item('a', { cell: '2' })];
    expect(names(sortRows(rows, resolveSort({ by: 'column', column: 'GONE', desc: false }, ['NAME'])))).toEqual(['a', 'b']);
  });

  it('does not mutate its input', () => {
    const before = names(items);
    sortRows(items, { by: 'name', desc: true });
    expect(names(items)).toEqual(before);
  });
  it('reverses on the same key, starts ascending on a new one', () => {
    expect(nextSort({ by: 'name', desc: false }, { by: 'name' })).toEqual({ by: 'name', desc: true });
    expect(nextSort({ by: 'name', desc: true }, { by: 'age' })).toEqual({ by: 'age', desc: false });
  });

  it('moves the sort column left and right among the headers, wrapping, from the named sort', () => {
    const headers = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP'];
    expect(adjacentColumn(headers, { by: 'name', desc: false }, 1)).toBe('READY');
    expect(adjacentColumn(headers, { by: 'status', desc: false }, -1)).toBe('READY');
    expect(adjacentColumn(headers, { by: 'column', column: 'IP', desc: true }, 1)).toBe('NAME');
    expect(adjacentColumn(headers, { by: 'name', desc: false }, -1)).toBe('IP');
    expect(adjacentColumn(headers, { by: 'namespace', desc: false }, 1)).toBe('NAME'); // no NAMESPACE column: the first
  });
});
