import { describe, expect, it, vi } from 'vitest';
import { createScreen, ENTER_ALT_SCREEN, HIDE_CURSOR, LEAVE_ALT_SCREEN, SHOW_CURSOR } from '../../../src/terminal/screen.js';
import { FakeIn, FakeOut } from './fakes.js';

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('screen', () => {
  it('enters the alternate screen and hides the cursor', () => {
    const out = new FakeOut();
    const screen = createScreen(out, new FakeIn());
    screen.enter();
    screen.enter();
    expect(count(out.written, ENTER_ALT_SCREEN)).toBe(1);
    expect(out.written).toContain(HIDE_CURSOR);
    expect(screen.active).toBe(true);
  });

  it('enters raw mode with the alternate screen, so keys typed before Ink listens are not line-buffered; restores exactly once: leaves the alternate screen, shows the cursor, leaves raw mode', () => {
    const out = new FakeOut();
    const input = new FakeIn();
    const screen = createScreen(out, input);
    screen.enter();
    screen.restore();
    screen.restore();
    screen.restore();
    expect(count(out.written, LEAVE_ALT_SCREEN)).toBe(1);
    expect(count(out.written, SHOW_CURSOR)).toBe(1);
    expect(out.written.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(out.written.lastIndexOf(HIDE_CURSOR));
    expect(out.written.lastIndexOf(LEAVE_ALT_SCREEN)).toBeGreaterThan(out.written.lastIndexOf(ENTER_ALT_SCREEN));
    expect(input.modes).toEqual([true, false]);
    expect(screen.active).toBe(false);
  });

  it('writes nothing when restored before entering, and cannot be entered afterwards', () => {
    const out = new FakeOut();
    const screen = createScreen(out, new FakeIn());
    screen.restore();
    screen.enter();
    expect(out.written).toBe('');
  });

  it('does not throw when the terminal is gone', () => {
    const out = new FakeOut();
    const input = new FakeIn();
    const screen = createScreen(out, input);
    screen.enter();
    out.write = () => {
      throw new Error('EIO');
    };
    input.setRawMode = () => {
      throw new Error('EBADF');
    };
    expect(() => screen.restore()).not.toThrow();
  });

  it('leaves raw mode alone when stdin is not a terminal', () => {
    const input = new FakeIn();
    input.isTTY = false;
    const screen = createScreen(new FakeOut(), input);
    screen.restore();
    expect(input.modes).toEqual([]);
  });

  it('reports resizes with the new size, and a stable snapshot in between', () => {
    const out = new FakeOut();
    const screen = createScreen(out, new FakeIn());
    const before = screen.size();
    expect(before).toEqual({ columns: 100, rows: 30 });
    expect(screen.size()).toBe(before);
    const listener = vi.fn();
    const off = screen.onResize(listener);
    out.resize(120, 40);
    expect(listener).toHaveBeenCalledWith({ columns: 120, rows: 40 });
    expect(screen.size()).toEqual({ columns: 120, rows: 40 });
    out.resize(120, 40); // no change, no call
    expect(listener).toHaveBeenCalledTimes(1);
    off();
    out.resize(80, 24);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(screen.size()).toEqual({ columns: 80, rows: 24 });
  });

  it('falls back to 80x24 when the size is unknown', () => {
    const out = new FakeOut();
    out.columns = 0;
    out.rows = 0;
    expect(createScreen(out, new FakeIn()).size()).toEqual({ columns: 80, rows: 24 });
  });

  it('stops listening for resizes after restore', () => {
    const out = new FakeOut();
    const screen = createScreen(out, new FakeIn());
    screen.restore();
    expect(out.listenerCount('resize')).toBe(0);
  });
});
