import { describe, expect, it } from 'vitest';
import { computeLayout, MIN_SPLIT_PANE } from '../../../src/app/layout.js';

const used = (l: ReturnType<typeof computeLayout>) =>
  l.headerLines + (l.crumbs ? 1 : 0) + 1 + (l.indicator ? 1 : 0) + l.panes.reduce((s, p) => s + p.height, 0);

describe('computeLayout', () => {
  it('shows all three panes on a large terminal, the focused one taller', () => {
    const l = computeLayout(200, 50, 3, 1, false);
    expect(l.height).toBe(49);
    expect(l.panes.map((p) => p.index)).toEqual([0, 1, 2]);
    const [a, b, c] = l.panes.map((p) => p.height);
    expect(b).toBeGreaterThan(a!);
    expect(b).toBeGreaterThan(c!);
    expect(Math.min(a!, c!)).toBeGreaterThanOrEqual(MIN_SPLIT_PANE);
    expect(used(l)).toBe(49);
  });
  it('shows only the focused pane and an indicator at 80x24', () => {
    const l = computeLayout(80, 24, 3, 2, false);
    expect(l.indicator).toBe(true);
    expect(l.panes).toEqual([{ index: 2, height: expect.any(Number) }]);
    expect(used(l)).toBe(23);
  });
  it('zooms the focused pane to the full body', () => {
    const l = computeLayout(200, 50, 3, 0, true);
    expect(l.panes).toEqual([{ index: 0, height: 45 - 1 }]);
  });
  it('never exceeds rows-1 lines', () => {
    for (let rows = 1; rows <= 60; rows++) {
      for (const zoom of [false, true]) {
        const l = computeLayout(80, rows, 3, 1, zoom);
        expect(used(l) - (l.height < 3 ? 1 : 0)).toBeLessThanOrEqual(Math.max(1, rows - 1));
      }
    }
  });
});
