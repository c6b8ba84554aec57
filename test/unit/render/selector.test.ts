import { describe, expect, it } from 'vitest';
import { formatLabels, formatSelector, labelsString, selectorString } from '../../../src/render/selector.js';

describe('label sets', () => {
  it('sort by the whole k=v string, as labels.Set.String', () => {
    expect(labelsString({ b: '1', a: '2', 'a.b': '3' })).toBe('a.b=3,a=2,b=1');
    expect(labelsString({})).toBe('');
    expect(formatLabels(undefined)).toBe('<none>');
    expect(formatLabels({ app: 'web' })).toBe('app=web');
  });
});

describe('label selectors', () => {
  it('write every operator in selector syntax, sorted by key', () => {
    expect(
      selectorString({
        matchLabels: { z: '1', a: '2' },
        matchExpressions: [
          { key: 'm', operator: 'NotIn', values: ['y', 'x'] },
          { key: 'b', operator: 'In', values: ['only'] },
          { key: 'k', operator: 'Exists' },
          { key: 'c', operator: 'DoesNotExist' },
        ],
      }),
    ).toBe('a=2,b in (only),!c,k,m notin (x,y),z=1');
  });
  it('distinguish none, empty and invalid', () => {
    expect(selectorString(undefined)).toBeUndefined();
    expect(selectorString({})).toBe('');
    expect(selectorString({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] })).toBeNull();
    expect(selectorString({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['1'] }] })).toBeNull();
    expect(formatSelector(undefined)).toBe('<none>');
    expect(formatSelector({})).toBe('<none>');
    expect(formatSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toBe('<error>');
  });
});
