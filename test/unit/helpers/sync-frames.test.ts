import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameGate, SYNC_END, SYNC_START } from '../../helpers/sync-frames.js';

function recorder() {
  const written: string[] = [];
  return { written, gate: frameGate((data) => written.push(data), 1_000) };
}

afterEach(() => vi.useRealTimers());

describe('frameGate', () => {
  it('passes output outside a synchronized update straight on', () => {
    const { written, gate } = recorder();
    gate.push('hello');
    expect(written).toEqual(['hello']);
  });

  it('holds a frame split across chunks until its end arrives', () => {
    const { written, gate } = recorder();
    gate.push(`before${SYNC_START}top half`);
    expect(written).toEqual(['before']);
    gate.push(` bottom half${SYNC_END}after`);
    expect(written.join('')).toBe(`before${SYNC_START}top half bottom half${SYNC_END}after`);
  });

  it('writes a complete frame and holds the next one that has only begun', () => {
    const { written, gate } = recorder();
    gate.push(`${SYNC_START}one${SYNC_END}${SYNC_START}tw`);
    expect(written).toEqual([`${SYNC_START}one${SYNC_END}`]);
    gate.push(`o${SYNC_END}`);
    expect(written.join('')).toBe(`${SYNC_START}one${SYNC_END}${SYNC_START}two${SYNC_END}`);
  });

  it('writes a frame left open once the timeout passes, and on flush', () => {
    vi.useFakeTimers();
    const { written, gate } = recorder();
    gate.push(`${SYNC_START}stuck`);
    vi.advanceTimersByTime(999);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(written).toEqual([`${SYNC_START}stuck`]);
    gate.push(`${SYNC_START}at exit`);
    gate.flush();
    expect(written.at(-1)).toBe(`${SYNC_START}at exit`);
  });
});
