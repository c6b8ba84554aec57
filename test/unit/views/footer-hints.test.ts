import { describe, expect, it } from 'vitest';
import { fitHints, hintsFor } from '../../../src/views/Footer.js';

const text = (hints: readonly { key: string; label: string }[]) => hints.map((h) => `${h.key} ${h.label}`).join('  ');

describe('footer hints', () => {
  const actions = [
    { key: '<d>', label: 'describe' },
    { key: '<l>', label: 'logs' },
    { key: '<s>', label: 'shell' },
  ];

  it("puts the row's actions before the table's keys, and shows all when they fit", () => {
    const all = hintsFor('normal', actions);
    expect(text(all.slice(0, 3))).toBe('<d> describe  <l> logs  <s> shell');
    expect(text(all)).toContain('</> filter');
    expect(fitHints(all, 1000)).toHaveLength(all.length);
  });

  it('keeps <?> help when the line is too narrow for every hint (last, if it had to be moved in), and never overflows', () => {
    const all = hintsFor('normal', actions);
    for (const width of [20, 40, 60, 80, 120]) {
      const line = text(fitHints(all, width));
      expect(line.length).toBeLessThanOrEqual(width);
      expect(line).toContain('<?> help');
    }
    expect(text(fitHints(all, 60))).toBe('<d> describe  <l> logs  <s> shell  <enter> drill  <?> help');
    expect(fitHints(all, 5)).toEqual([]);
  });
});
