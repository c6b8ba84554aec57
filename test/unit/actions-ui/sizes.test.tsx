import { describe, expect, it } from 'vitest';
import { KEYS, tick, withNoColor } from '../views/harness.js';
import { command, mountWithClient } from './objects.js';

withNoColor();
const CTRL_D = '\u0004';
const lines = (frame: string) => frame.split('\n');

describe('action dialogs on any terminal size', () => {
  it.each([[80, 24], [200, 50], [60, 12], [40, 8], [30, 5]] as const)('stay within rows-1 lines and %ix%i columns, and n/Esc still close them', async (columns, rows) => {
    {
      const app = mountWithClient({ columns, rows });
      await app.waitFor((f) => f.length > 0 && (rows < 8 || f.includes('web-1')));
      await tick(20);
      await app.press(' ', ' ', ' ', CTRL_D);
      await tick(40);
      let frame = app.frame();
      if (rows >= 12) expect(frame, `${columns}x${rows}`).toContain('Delete');
      expect(lines(frame).length, `delete ${columns}x${rows}`).toBeLessThanOrEqual(rows - 1);
      expect(lines(frame).every((l) => l.length <= columns), `delete width ${columns}x${rows}`).toBe(true);
      await app.press('n');
      await tick(20);
      expect(app.frame()).not.toContain('Delete 3 pods?');

      await command(app, 'deploy');
      await tick(40);
      await app.press('x');
      await tick(40);
      frame = app.frame();
      expect(lines(frame).length, `expose ${columns}x${rows}`).toBeLessThanOrEqual(rows - 1);
      expect(lines(frame).every((l) => l.length <= columns), `expose width ${columns}x${rows}`).toBe(true);
      await app.press(KEYS.esc);
      await command(app, 'journal');
      await tick(40);
      expect(lines(app.frame()).length, `journal ${columns}x${rows}`).toBeLessThanOrEqual(rows - 1);
      await app.press(KEYS.esc);
      await tick(20);
      expect(app.client.mutations).toHaveLength(0);
      app.unmount();
    }
  });

  it('when names overflow a short dialog it says how many lines were cut and keeps the answer line', async () => {
    const app = mountWithClient({ columns: 40, rows: 12 });
    await app.waitFor((f) => f.includes('web-1'));
    await app.press(' ', ' ', ' ', CTRL_D);
    const frame = await app.waitFor((f) => f.includes('Delete 3 pods?'));
    expect(frame).toMatch(/y to confirm/);
    expect(frame).toMatch(/… \d+ more line\(s\) of names/);
    expect(lines(frame).length).toBeLessThanOrEqual(11);
    await app.press(KEYS.esc);
    app.unmount();
  });
});
