import { describe, expect, it } from 'vitest';
import { age, humanDuration } from '../../../src/render/age.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (apimachinery HumanDuration)', () => {
  it.each([
    [-2 * S, '<invalid>'],
    [-1999, '0s'], // truncates to -1s: tolerated skew
    [-1 * S, '0s'],
    [-1, '0s'],
    [0, '0s'],
    [999, '0s'],
    [59 * S, '59s'],
    [119 * S + 999, '119s'],
    [2 * M, '2m'],
    [2 * M + 1 * S, '2m1s'],
    [3 * M + 12 * S, '3m12s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M, '10m'],
    [10 * M + 30 * S, '10m'],
    [179 * M + 59 * S, '179m'],
    [3 * H, '3h'],
    [3 * H + 1 * M, '3h1m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H, '8h'],
    [8 * H + 30 * M, '8h'],
    [47 * H + 59 * M, '47h'],
    [48 * H, '2d'],
    [48 * H + 1 * H, '2d1h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D, '8d'],
    [8 * D + 5 * H, '8d'],
    [729 * D + 23 * H, '729d'],
    [730 * D, '2y'],
    [731 * D, '2y1d'],
    [8 * 365 * D - H, '7y364d'],
    [8 * 365 * D, '8y'],
    [9 * 365 * D + 100 * D, '9y'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('age', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');
  it('is the time since an RFC 3339 timestamp', () => {
    expect(age('2025-06-01T11:56:48Z', now)).toBe('3m12s');
    expect(age('2025-06-01T11:58:00.123456Z', now)).toBe('119s');
  });
  it('is <unknown> without a timestamp', () => {
    expect(age(undefined, now)).toBe('<unknown>');
    expect(age('', now)).toBe('<unknown>');
    expect(age(null, now)).toBe('<unknown>');
  });
});
