// The README's screen images: the terminal's cells, colours and wide characters kept in place.
import xterm from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { paletteColour, screenSvg } from '../../../sandbox/screen-svg.js';

async function terminal(text: string, cols = 20, rows = 2): Promise<xterm.Terminal> {
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  await new Promise<void>((resolve) => term.write(text, resolve));
  return term;
}

describe('screenSvg', () => {
  it('draws each run of one style as one text, stretched to its cells, colours from the palette', async () => {
    const svg = screenSvg(await terminal('\x1b[1;31mError\x1b[0m ok'), 'a <title>');
    expect(svg).toContain('<title>a &lt;title&gt;</title>');
    expect(svg).toMatch(/<text x="10\.0" [^>]*textLength="42\.0"[^>]*fill="#cd3131" font-weight="bold"[^>]*>Error<\/text>/);
    expect(svg).toMatch(/fill="#d4d4d4"[^>]*> ok/);
  });

  it('keeps the columns after a wide character, and paints inverse cells', async () => {
    const svg = screenSvg(await terminal('日本x\x1b[7mINV\x1b[0m'), 't');
    // 日本 take four cells, so "x" starts at cell 4 (10 + 4 x 8.4).
    expect(svg).toMatch(/<text x="10\.0" [^>]*textLength="42\.0"[^>]*>日本x<\/text>/);
    expect(svg).toMatch(/<rect x="52\.0" y="10" width="25\.2" height="17" fill="#d4d4d4"\/>/);
    expect(svg).toMatch(/fill="#1e1e1e"[^>]*>INV</);
  });

  it('maps the 256-colour cube and greys as xterm does', () => {
    expect(paletteColour(196)).toBe('#ff0000');
    expect(paletteColour(16)).toBe('#000000');
    expect(paletteColour(244)).toBe('#808080');
    expect(paletteColour(4)).toBe('#2472c8');
  });
});
