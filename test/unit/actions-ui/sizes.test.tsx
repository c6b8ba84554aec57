import { describe, expect, it } from 'vitest';
import { KEYS, withNoColor } from '../views/harness.js';
import { command, mountWithClient } from './objects.js';

withNoColor();
const CTRL_D = '\u0004';
const lines = (frame: string) => frame.split('\n');
const footer = (frame: string) => lines(frame).at(-1) ?? '';

describe('action dialogs on any terminal size', () => {
  // Below 8 rows no pane is drawn, so there is no row to delete or expose; the journal still opens.
  it.each([[80, 24], [200, 50], [60, 12], [40, 8], [30, 5]] as const)('open, stay within rows-1 lines and %ix%i columns, and n/Esc still close them', async (columns, rows) => {
    const roomy = rows >= 8;
    const fits = (frame: string, what: string) => {
      expect(lines(frame).length, `${what} ${columns}x${rows}`).toBeLessThanOrEqual(rows - 1);
      expect(lines(frame).every((l) => l.length <= columns), `${what} width ${columns}x${rows}`).toBe(true);
    };
    const app = mountWithClient({ columns, rows });
    await app.waitFor((f) => f.length > 0 && (!roomy || f.includes('web-1')));
    await app.press(' ', ' ', ' ', CTRL_D);
    let frame = roomy ? await app.waitFor((f) => footer(f).includes('<y> confirm'), 'the delete dialog') : await app.settled();
    if (rows >= 12) expect(frame).toContain('Delete 3 pods?');
    if (!roomy) expect(frame).not.toContain('Delete');
    fits(frame, 'delete');
    await app.press('n');
    await app.waitFor((f) => !f.includes('Delete') && !footer(f).includes('<y> confirm'), 'the delete dialog to close');

    await command(app, 'deploy');
    if (roomy) await app.waitFor((f) => f.includes('Deployments(default)[1]'), 'the deployments');
    await app.press('x');
    frame = roomy ? await app.waitFor((f) => footer(f).includes('<enter> apply'), 'the expose form') : await app.settled();
    if (rows >= 12) expect(frame).toContain('Expose deployment/web as a Service');
    fits(frame, 'expose');
    await app.press(KEYS.esc);
    await app.waitFor((f) => !footer(f).includes('<enter> apply'), 'the expose form to close');

    await command(app, 'journal');
    frame = await app.waitFor((f) => footer(f).includes('<esc> close'), 'the journal');
    if (roomy) expect(frame).toContain('Journal[0]');
    fits(frame, 'journal');
    // Below 8 rows the journal has no room to draw, and its Esc handler is not mounted either.
    if (roomy) {
      await app.press(KEYS.esc);
      await app.waitFor((f) => !footer(f).includes('<esc> close'), 'the journal to close');
    }
    expect(app.client.mutations).toHaveLength(0);
    app.unmount();
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
