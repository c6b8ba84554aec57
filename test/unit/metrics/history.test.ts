import { describe, expect, it } from 'vitest';
import { extendUsage, sumHistories, usageFromRange } from '../../../src/metrics/history.js';
import { seriesKey } from '../../../src/metrics/promql.js';

const podKey = (l: Readonly<Record<string, string>>) => seriesKey('pods', l);
const pod = (name: string) => ({ namespace: 'ns', pod: name });

describe('usage history', () => {
  it('builds history from query_range, latest value from the newest point', () => {
    const cpu = [{ labels: pod('a'), values: [[30, 0.3], [10, 0.1], [20, 0.2]] as [number, number][] }];
    const mem = [{ labels: pod('a'), values: [[10, 100], [20, 200], [30, 300]] as [number, number][] }];
    const usage = usageFromRange({ cpu, mem }, podKey, 60, 25);
    expect(usage.get('ns/a')).toEqual({ cpu: { value: 0.3, history: [0.1, 0.2, 0.3] }, mem: { value: 300, history: [100, 200, 300] } });
  });

  it('leaves out series that ended before the stale mark (pods that went away)', () => {
    const cpu = [
      { labels: pod('gone'), values: [[10, 1]] as [number, number][] },
      { labels: pod('here'), values: [[10, 1], [40, 2]] as [number, number][] },
    ];
    const usage = usageFromRange({ cpu, mem: [] }, podKey, 60, 30);
    expect([...usage.keys()]).toEqual(['ns/here']);
    expect(usage.get('ns/here')?.mem).toBeUndefined();
  });

  it('keeps the history of a metric whose newest point is stale, without a value', () => {
    const cpu = [{ labels: pod('a'), values: [[40, 2]] as [number, number][] }];
    const restarts = [{ labels: pod('a'), values: [[10, 1], [20, 1]] as [number, number][] }];
    const usage = usageFromRange({ cpu, restarts }, podKey, 60, 30);
    expect(usage.get('ns/a')?.restarts).toEqual({ value: undefined, history: [1, 1] });
  });

  it('keeps at most `max` points', () => {
    const values = Array.from({ length: 10 }, (_, i) => [i, i] as [number, number]);
    const usage = usageFromRange({ cpu: [{ labels: pod('a'), values }] }, podKey, 4, 0);
    expect(usage.get('ns/a')?.cpu?.history).toEqual([6, 7, 8, 9]);
  });

  it('extends each key by one point per refresh, bounded, and drops keys no longer present', () => {
    const cpu = [{ labels: pod('a'), values: [[1, 1], [2, 2], [3, 3]] as [number, number][] }, { labels: pod('b'), values: [[3, 9]] as [number, number][] }];
    let usage = usageFromRange({ cpu, mem: [] }, podKey, 3, 0);
    usage = extendUsage(usage, { cpu: [{ labels: pod('a'), value: 4 }, { labels: pod('c'), value: 7 }], mem: [{ labels: pod('a'), value: 40 }] }, podKey, 3);
    expect(usage.get('ns/a')).toEqual({ cpu: { value: 4, history: [2, 3, 4] }, mem: { value: 40, history: [40] } });
    expect(usage.get('ns/c')).toEqual({ cpu: { value: 7, history: [7] } });
    expect(usage.has('ns/b')).toBe(false);
  });

  it('does not change the previous map (snapshots are immutable)', () => {
    const before = extendUsage(new Map(), { cpu: [{ labels: pod('a'), value: 1 }] }, podKey, 5);
    const after = extendUsage(before, { cpu: [{ labels: pod('a'), value: 2 }] }, podKey, 5);
    expect(before.get('ns/a')?.cpu?.history).toEqual([1]);
    expect(after.get('ns/a')?.cpu?.history).toEqual([1, 2]);
  });

  it('keeps a metric\'s history without a value when its answer has no sample for the key', () => {
    const before = extendUsage(new Map(), { cpu: [{ labels: pod('a'), value: 1 }], mem: [{ labels: pod('a'), value: 5 }] }, podKey, 5);
    const after = extendUsage(before, { cpu: [{ labels: pod('a'), value: 2 }], mem: [] }, podKey, 5);
    expect(after.get('ns/a')?.mem).toEqual({ value: undefined, history: [5] });
  });

  it('sums two series with the same key', () => {
    const usage = extendUsage(new Map(), { cpu: [{ labels: pod('a'), value: 1 }, { labels: { ...pod('a'), job: 'x' }, value: 2 }] }, podKey, 5);
    expect(usage.get('ns/a')?.cpu?.value).toBe(3);
  });

  it('sums histories aligned at the newest point', () => {
    expect(sumHistories([[1, 2, 3], [10, 20]])).toEqual([1, 12, 23]);
    expect(sumHistories([])).toEqual([]);
  });
});
