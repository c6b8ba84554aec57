import { describe, expect, it } from 'vitest';
import { parseMatrix, parseVector } from '../../../src/metrics/parse.js';

const vector = (result: unknown) => ({ status: 'success', data: { resultType: 'vector', result } });
const matrix = (result: unknown) => ({ status: 'success', data: { resultType: 'matrix', result } });

describe('parseVector', () => {
  it('reads labels and values', () => {
    const body = vector([
      { metric: { namespace: 'default', pod: 'a' }, value: [1700000000.1, '0.25'] },
      { metric: { namespace: 'default', pod: 'b' }, value: [1700000000.1, '1e3'] },
    ]);
    expect(parseVector(body)).toEqual({
      ok: [
        { labels: { namespace: 'default', pod: 'a' }, value: 0.25 },
        { labels: { namespace: 'default', pod: 'b' }, value: 1000 },
      ],
    });
  });

  it('drops NaN and Inf samples', () => {
    const body = vector([
      { metric: { pod: 'a' }, value: [1, 'NaN'] },
      { metric: { pod: 'b' }, value: [1, '+Inf'] },
      { metric: { pod: 'c' }, value: [1, '2'] },
    ]);
    expect(parseVector(body)).toEqual({ ok: [{ labels: { pod: 'c' }, value: 2 }] });
  });

  it('reports a PromQL error in one line', () => {
    const body = { status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": 1:5: parse error\nmore' };
    expect(parseVector(body)).toEqual({ error: 'PromQL bad_data: invalid parameter "query": 1:5: parse error' });
  });

  it('reports unexpected shapes instead of throwing', () => {
    expect(parseVector('<html>')).toEqual({ error: expect.stringMatching(/not a JSON object/) });
    expect(parseVector({ status: 'success' })).toEqual({ error: expect.stringMatching(/no data/) });
    expect(parseVector(matrix([]))).toEqual({ error: expect.stringMatching(/matrix, want vector/) });
    expect(parseVector({ status: 'success', data: { resultType: 'vector', result: {} } })).toEqual({ error: expect.stringMatching(/not a list/) });
    expect(parseVector(vector([{ value: [1, '2'] }]))).toEqual({ error: expect.stringMatching(/without metric/) });
    expect(parseVector(vector([{ metric: {} }]))).toEqual({ error: expect.stringMatching(/without value/) });
  });
});

describe('parseMatrix', () => {
  it('reads series of [time, value], dropping malformed points', () => {
    const body = matrix([{ metric: { node: 'n1' }, values: [[10, '1'], [20, 'x'], [30, '3'], ['bad']] }]);
    expect(parseMatrix(body)).toEqual({ ok: [{ labels: { node: 'n1' }, values: [[10, 1], [30, 3]] }] });
  });

  it('reports errors and wrong result types', () => {
    expect(parseMatrix({ status: 'error', error: 'query timed out' })).toEqual({ error: 'PromQL query timed out' });
    expect(parseMatrix(vector([]))).toEqual({ error: expect.stringMatching(/vector, want matrix/) });
    expect(parseMatrix(matrix([{ metric: {} }]))).toEqual({ error: expect.stringMatching(/without metric or values/) });
  });
});
