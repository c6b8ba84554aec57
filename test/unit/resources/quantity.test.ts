import { describe, expect, it } from 'vitest';
import { addQuantity, formatQuantity, milliValue, parseQuantity, unitValue, ZERO } from '../../../src/resources/quantity.js';

const q = (s: string) => {
  const v = parseQuantity(s);
  if (!v) throw new Error(`not a quantity: ${s}`);
  return v;
};

describe('quantities as Go prints them', () => {
  it('prints canonical forms', () => {
    for (const [text, out] of [
      ['100m', '100m'],
      ['1000m', '1'],
      ['1500m', '1500m'],
      ['1000', '1k'],
      ['1k', '1k'],
      ['64Mi', '64Mi'],
      ['1024Ki', '1Mi'],
      ['1536Ki', '1536Ki'],
      ['512', '512'],
      ['0', '0'],
      ['1e3', '1e3'],
      ['0.5', '500m'],
      ['1Ti', '1Ti'],
      ['1M', '1M'],
    ] as const) {
      expect(formatQuantity(q(text)), text).toBe(out);
    }
  });

  it('adds, keeping the first non-zero operand format', () => {
    expect(formatQuantity(addQuantity(q('100m'), q('100m')))).toBe('200m');
    expect(formatQuantity(addQuantity(q('500m'), q('500m')))).toBe('1');
    expect(formatQuantity(addQuantity(q('64Mi'), q('64Mi')))).toBe('128Mi');
    expect(formatQuantity(addQuantity(ZERO, q('64Mi')))).toBe('64Mi');
  });

  it('milli and unit values round up', () => {
    expect(milliValue(q('1k'))).toBe(1_000_000);
    expect(milliValue(q('1n'))).toBe(1);
    expect(unitValue(q('1Mi'))).toBe(1_048_576);
    expect(unitValue(q('100m'))).toBe(1);
  });

  it('rejects what is not a quantity', () => {
    expect(parseQuantity('abc')).toBeUndefined();
    expect(parseQuantity('1Zi')).toBeUndefined();
    expect(parseQuantity('')).toBeUndefined();
  });
});
