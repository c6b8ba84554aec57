// A terminal screen (an @xterm/headless buffer: what kt drew, cell by cell) as an SVG image for the
// README: each run of cells with the same colours and weight is one <text>, stretched to its cells'
// width so that columns stay aligned whatever monospace font the viewer has.
import type { IBufferCell, Terminal } from '@xterm/headless';

const CELL_W = 8.4;
const CELL_H = 17;
const FONT = 14;
const PAD = 10;
const DEFAULT_FG = '#d4d4d4';
const DEFAULT_BG = '#1e1e1e';

// xterm's 16 standard colours (the VS Code dark palette, as most readers' terminals look).
const ANSI16 = ['#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5',
  '#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff'];

const hex = (n: number) => n.toString(16).padStart(2, '0');

/** The 256-colour palette: 16 standard, the 6x6x6 cube, then 24 greys (xterm's values). */
export function paletteColour(index: number): string {
  if (index < 16) return ANSI16[index]!;
  if (index < 232) {
    const i = index - 16;
    const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
    return `#${hex(level(Math.floor(i / 36)))}${hex(level(Math.floor(i / 6) % 6))}${hex(level(i % 6))}`;
  }
  const grey = 8 + (index - 232) * 10;
  return `#${hex(grey)}${hex(grey)}${hex(grey)}`;
}

function colour(mode: 'fg' | 'bg', cell: IBufferCell): string | undefined {
  const isDefault = mode === 'fg' ? cell.isFgDefault() : cell.isBgDefault();
  if (isDefault) return undefined;
  const value = mode === 'fg' ? cell.getFgColor() : cell.getBgColor();
  const rgb = mode === 'fg' ? cell.isFgRGB() : cell.isBgRGB();
  return rgb ? `#${hex((value >> 16) & 255)}${hex((value >> 8) & 255)}${hex(value & 255)}` : paletteColour(value);
}

interface Style {
  fg: string;
  bg?: string;
  bold: boolean;
  dim: boolean;
  underline: boolean;
}

function styleOf(cell: IBufferCell): Style {
  let fg = colour('fg', cell) ?? DEFAULT_FG;
  let bg = colour('bg', cell);
  if (cell.isInverse()) [fg, bg] = [bg ?? DEFAULT_BG, fg];
  return { fg, bg, bold: Boolean(cell.isBold()), dim: Boolean(cell.isDim()), underline: Boolean(cell.isUnderline()) };
}

const sameStyle = (a: Style, b: Style) => a.fg === b.fg && a.bg === b.bg && a.bold === b.bold && a.dim === b.dim && a.underline === b.underline;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Run {
  x: number;
  cells: number;
  text: string;
  style: Style;
}

/** The runs of one row: cells of one style, wide characters counted as the two cells they take. */
function runsOf(term: Terminal, y: number): Run[] {
  const line = term.buffer.active.getLine(y);
  const runs: Run[] = [];
  if (!line) return runs;
  const cell = term.buffer.active.getNullCell();
  for (let x = 0; x < term.cols; x++) {
    line.getCell(x, cell);
    const width = cell.getWidth();
    if (width === 0) continue; // the second half of a wide character
    const style = styleOf(cell);
    const text = cell.getChars() || ' ';
    const last = runs.at(-1);
    if (last && sameStyle(last.style, style)) {
      last.text += text;
      last.cells += width;
    } else {
      runs.push({ x, cells: width, text, style });
    }
  }
  return runs;
}

/** The visible screen as a standalone SVG document. */
export function screenSvg(term: Terminal, title: string): string {
  const width = term.cols * CELL_W + PAD * 2;
  const height = term.rows * CELL_H + PAD * 2;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono',monospace" font-size="${FONT}">`,
    `<title>${escape(title)}</title>`,
    `<rect width="100%" height="100%" rx="6" fill="${DEFAULT_BG}"/>`,
  ];
  const top = term.buffer.active.viewportY;
  for (let row = 0; row < term.rows; row++) {
    const baseline = PAD + row * CELL_H + CELL_H * 0.78;
    for (const run of runsOf(term, top + row)) {
      const x = PAD + run.x * CELL_W;
      if (run.style.bg) out.push(`<rect x="${x.toFixed(1)}" y="${PAD + row * CELL_H}" width="${(run.cells * CELL_W).toFixed(1)}" height="${CELL_H}" fill="${run.style.bg}"/>`);
      if (run.text.trim() === '') continue;
      const attrs = [
        `x="${x.toFixed(1)}"`,
        `y="${baseline.toFixed(1)}"`,
        `textLength="${(run.cells * CELL_W).toFixed(1)}"`,
        'lengthAdjust="spacingAndGlyphs"',
        `fill="${run.style.fg}"`,
        run.style.bold ? 'font-weight="bold"' : '',
        run.style.dim ? 'opacity="0.6"' : '',
        run.style.underline ? 'text-decoration="underline"' : '',
      ].filter(Boolean);
      out.push(`<text ${attrs.join(' ')} xml:space="preserve">${escape(run.text)}</text>`);
    }
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
