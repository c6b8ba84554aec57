import { describe, expect, it } from 'vitest';
import {
  formatCpu,
  formatMem,
  formatPercent,
  NO_VALUE,
  percentOf,
} from '../../../src/metrics/format.js';
import { pressure } from '../../../src/metrics/standing.js';
import { sparkline, SPARK_CHARS } from '../../../src/metrics/sparkline.js';

describe('kubectl top formatting', () => {
  it('prints CPU as whole millicores, rounded up like Quantity.MilliValue()', () => {
    expect(formatCpu(0.25)).toBe('250m');
    expect(formatCpu(0.2501)).toBe('251m');
    expect(formatCpu(0.1 + 0.2)).toBe('300m');
    expect(formatCpu(0.0000004)).toBe('1m');
    expect(formatCpu(0)).toBe('0m');
    expect(formatCpu(3)).toBe('3000m');
  });

  it('prints memory as whole MiB, rounded down', () => {
    expect(formatMem(512 * 1024 * 1024)).toBe('512Mi');
    expect(formatMem(512 * 1024 * 1024 + 1)).toBe('512Mi');
    expect(formatMem(1024 * 1024 - 1)).toBe('0Mi');
    expect(formatMem(3.5 * 1024 ** 3)).toBe('3584Mi');
  });

  it('prints – when there is no number', () => {
    expect(formatCpu(undefined)).toBe(NO_VALUE);
    expect(formatMem(Number.NaN)).toBe(NO_VALUE);
    expect(formatPercent(undefined)).toBe(NO_VALUE);
    expect(NO_VALUE).toBe('–');
  });

  it('percent of a capacity is truncated, like CPU(%) and MEMORY(%)', () => {
    expect(percentOf(0.25, 2)).toBe(12); // 250m of 2000m = 12.5%
    expect(percentOf(0.999, 1)).toBe(99);
    expect(percentOf(1, 0)).toBe(0);
    expect(percentOf(1, undefined)).toBeUndefined();
    expect(formatPercent(percentOf(300 * 1024 ** 2, 1024 ** 3))).toBe('29%');
  });

  it('pressure: over 80% is high, 100% and more is over', () => {
    expect(pressure(80)).toBe('ok');
    expect(pressure(81)).toBe('high');
    expect(pressure(100)).toBe('over');
    expect(pressure(undefined)).toBe('ok');
  });
});

describe('sparkline', () => {
  it('scales between the min and max, oldest first', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 8)).toBe(SPARK_CHARS.join(''));
    expect(sparkline([10, 20], 2)).toBe('▁█');
    expect(sparkline([5, 4, 3], 3)).toBe('█▅▁');
  });

  it('keeps the last `width` samples and pads on the left', () => {
    expect(sparkline([9, 9, 0, 1], 2)).toBe('▁█');
    expect(sparkline([1, 2], 5)).toBe('   ▁█');
    expect(sparkline([], 3)).toBe('   ');
  });

  it('draws a flat series flat', () => {
    expect(sparkline([0, 0, 0], 3)).toBe('▁▁▁');
    expect(sparkline([0.2, 0.2], 2)).toBe('▄▄');
  });

  it('a new sample changes it', () => {
    const before = sparkline([1, 2, 3], 3);
    expect(sparkline([1, 2, 3, 1], 3)).not.toBe(before);
  });
});
