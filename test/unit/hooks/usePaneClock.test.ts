import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onTick } from '../../../src/hooks/usePaneClock.js';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-01T00:00:02.000Z'));
});
afterEach(() => vi.useRealTimers());

describe('onTick (shared AGE clock)', () => {
  it('ticks on wall-clock multiples of each interval, all due listeners in the same task', () => {
    const calls: string[] = [];
    const offFast = onTick(5_000, (now) => calls.push(`5s@${new Date(now).toISOString().slice(17, 19)}`));
    const offSlow = onTick(30_000, (now) => calls.push(`30s@${new Date(now).toISOString().slice(17, 19)}`));
    vi.advanceTimersByTime(3_000);
    expect(calls).toEqual(['5s@05']);
    vi.advanceTimersByTime(25_000);
    expect(calls).toEqual(['5s@05', '5s@10', '5s@15', '5s@20', '5s@25', '5s@30', '30s@30']);
    offFast();
    vi.advanceTimersByTime(30_000);
    expect(calls.slice(7)).toEqual(['30s@00']);
    offSlow();
    vi.advanceTimersByTime(60_000);
    expect(calls).toHaveLength(8);
  });
});
