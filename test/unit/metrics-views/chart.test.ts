import asciichart from 'asciichart';
import { describe, expect, it } from 'vitest';
import { metricsReducer, nextRange } from '../../../src/app/metrics-state.js';
import { initialState } from '../../../src/app/state.js';
import { ansiSegments, chartLines, formatSpan, resample, stats, timeAxis } from '../../../src/views/chart.js';

describe('chart helpers', () => {
  it('min/avg/max/last of samples', () => {
    expect(stats([[1, 2], [2, 4], [3, 9]])).toEqual({ min: 2, avg: 5, max: 9, last: 9 });
    expect(stats([])).toBeUndefined();
  });

  it('resamples by time: means per slot, gaps keep the previous value', () => {
    expect(resample([[0, 1], [10, 3], [20, 5], [30, 7]], 2)).toEqual([2, 6]);
    expect(resample([[0, 1], [100, 9]], 4)).toEqual([1, 1, 1, 9]);
    expect(resample([[5, 4]], 3)).toEqual([4, 4, 4]);
    expect(resample([], 3)).toEqual([]);
  });

  it("turns asciichart's colour codes into segments", () => {
    const line = `10m ┤${asciichart.colored('╭', asciichart.cyan)}${asciichart.colored('─', asciichart.cyan)}${asciichart.colored('─', asciichart.darkgray)}`;
    expect(ansiSegments(line)).toEqual([
      { text: '10m ┤', color: undefined },
      { text: '╭─', color: 'cyan' },
      { text: '─', color: 'gray' },
    ]);
  });

  it('draws within the rows and width it is given, labels on the left', () => {
    const samples = Array.from({ length: 50 }, (_, i) => [i * 15, (i % 7) / 10] as [number, number]);
    const lines = chartLines({ samples, rows: 6, width: 40, format: (v) => `${Math.round(v * 1000)}m`, capacity: 1 });
    expect(lines).toHaveLength(6);
    expect(lines.every((l) => l.length <= 40)).toBe(true);
    expect(lines[0]).toMatch(/^1000m ┼─+$/); // the capacity line along the top
    expect(lines[5]).toMatch(/^ {3}0m [┼┤]/); // labels right-aligned to the widest
  });

  it('spans and the time axis', () => {
    expect(formatSpan(14 * 60 + 10)).toBe('14m');
    expect(formatSpan(3600)).toBe('1h');
    expect(formatSpan(5.5 * 3600)).toBe('5h30m');
    const axis = timeAxis([[1000, 1], [1900, 2]], 1900, 30);
    expect(axis).toBe('└ 15m ago' + ' '.repeat(30 - 9 - 5) + 'now ┘');
  });
});

describe('metrics view state', () => {
  const base = initialState({ prefs: { favourites: [] }, allNamespaces: false });
  const opened = metricsReducer(base, { type: 'openMetrics', view: { target: 'pods', key: 'default/web', capacity: { label: 'limit' } } });

  it('opens on 15m and steps through the ranges', () => {
    expect(opened.mode).toBe('metrics');
    expect(opened.metricsView?.range).toBe('15m');
    expect(['15m', '1h', '6h'].map((r) => nextRange(r as '15m'))).toEqual(['1h', '6h', '15m']);
    const oneHour = metricsReducer(opened, { type: 'metricsRange', range: 'next' });
    expect(oneHour.metricsView?.range).toBe('1h');
    expect(metricsReducer(oneHour, { type: 'metricsRange', range: '1h' })).toBe(oneHour);
  });

  it('keeps the range for the next view, and opens :prom at the top', () => {
    const sixHours = metricsReducer(opened, { type: 'metricsRange', range: '6h' });
    const again = metricsReducer({ ...sixHours, mode: 'normal' }, { type: 'openMetrics', view: { target: 'nodes', key: 'n1', capacity: { label: 'allocatable' } } });
    expect(again.metricsView).toEqual({ target: 'nodes', key: 'n1', capacity: { label: 'allocatable' }, range: '6h' });
    const prom = metricsReducer({ ...base, pickerCursor: 3 }, { type: 'openProm' });
    expect(prom.mode).toBe('prom');
    expect(prom.pickerCursor).toBe(0);
  });
});
