import { describe, expect, it } from 'vitest';
import { extendUsage, sumHistories, usageFromRange } from '../../../src/metrics/history.js';
import { seriesKey } from '../../../src/metrics/promql.js';

const podKey = (l: Readonly<Record<string, string>>) => seriesKey('pods', l);
const pod = (name: string) => ({ namespace: 'ns', pod: name });

describe('usage history', () => {
  it('builds history from query_range, latest value from the newest point', () => {
    const cpu = [{ labels: pod('a'), values: [[30, 0.3], [10, 0.1], [20, 0.2]] as [number, number][] }];
    const mem = [{ labels: pod('a'), values: [[10, 100], [20, 200], [30, 300]] as [number, number][] }];
    const usage = usageFromRange(cpu, mem, podKey, 60, 25);
    expect(usage.get('ns/a')).toEqual({ cpu: 0.3, mem: 300, cpuHistory: [0.1, 0.2, 0.3], memHistory: [100, 200, 300] });
  });

  it('leaves out series that ended before the stale mark (pods that went away)', () => {
    const cpu = [
      { labels: pod('gone'), values: [[10, 1]] as [number, number][] },
      { labels: pod('here'), values: [[10, 1], [40, 2]] as [number, number][] },
    ];
    const usage = usageFromRange(cpu, [], podKey, 60, 30);
    expect([...usage.keys()]).toEqual(['ns/here']);
    expect(usage.get('ns/here')?.mem).toBeUndefined();
  });

  it('keeps at most `max` points', () => {
    const values = Array.from({ length: 10 }, (_, i) => [i, i] as [number, number]);
    const usage = usageFromRange([{ labels: pod('a'), values }], [], podKey, 4, 0);
    expect(usage.get('ns/a')?.cpuHistory).toEqual([6, 7, 8, 9]);
  });

  it('extends each key by one point per refresh, bounded, and drops keys no longer present', () => {
    let usage = usageFromRange([{ labels: pod('a'), values: [[1, 1], [2, 2], [3, 3]] }, { labels: pod('b'), values: [[3, 9]] }], [], podKey, 3, 0);
    usage = extendUsage(usage, [{ labels: pod('a'), value: 4 }, { labels: pod('c'), value: 7 }], [{ labels: pod('a'), value: 40 }], podKey, 3);
    expect(usage.get('ns/a')).toEqual({ cpu: 4, mem: 40, cpuHistory: [2, 3, 4], memHistory: [40] });
    expect(usage.get('ns/c')).toEqual({ cpu: 7, mem: undefined, cpuHistory: [7], memHistory: [] });
    expect(usage.has('ns/b')).toBe(false);
  });

  it('does not change the previous map (snapshots are immutable)', () => {
    const before = extendUsage(new Map(), [{ labels: pod('a'), value: 1 }], [], podKey, 5);
    const after = extendUsage(before, [{ labels: pod('a'), value: 2 }], [], podKey, 5);
    expect(before.get('ns/a')?.cpuHistory).toEqual([1]);
    expect(after.get('ns/a')?.cpuHistory).toEqual([1, 2]);
  });

  it('sums two series with the same key', () => {
    const usage = extendUsage(new Map(), [{ labels: pod('a'), value: 1 }, { labels: { ...pod('a'), job: 'x' }, value: 2 }], [], podKey, 5);
    expect(usage.get('ns/a')?.cpu).toBe(3);
  });

  it('sums histories aligned at the newest point', () => {
    expect(sumHistories([[1, 2, 3], [10, 20]])).toEqual([1, 12, 23]);
    expect(sumHistories([])).toEqual([]);
  });
});
