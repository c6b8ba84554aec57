// Column alignment as kubectl's describe output gets it from Go's text/tabwriter (minwidth 0,
// padding 2, spaces, no flags): a tab ends a cell; consecutive lines that have a cell in the
// same column form a block whose width is its widest cell + 2. A line's last cell is not
// aligned, and a line with fewer cells ends the blocks of the columns it lacks.

const PADDING = 2;

function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Aligns one flushed section of tab-separated text; newlines are kept as they are. */
export function alignTabs(text: string): string {
  const lines = text.split('\n').map((line) => line.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];

  const emit = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i] as string[];
      let s = '';
      cells.forEach((cell, j) => {
        s += cell;
        const w = widths[j];
        if (w !== undefined && j < cells.length - 1) s += ' '.repeat(Math.max(0, w - width(cell)));
      });
      out.push(s);
    }
  };

  // Lines [line0, line1) are aligned in columns < widths.length; find blocks for the next one.
  const format = (line0: number, line1: number) => {
    const column = widths.length;
    let start = line0;
    let i = line0;
    while (i < line1) {
      if (column >= (lines[i] as string[]).length - 1) {
        i++;
        continue;
      }
      emit(start, i);
      const blockStart = i;
      let w = 0;
      for (; i < line1 && column < (lines[i] as string[]).length - 1; i++) {
        w = Math.max(w, width((lines[i] as string[])[column] as string) + PADDING);
      }
      widths.push(w);
      format(blockStart, i);
      widths.pop();
      start = i;
    }
    emit(start, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}
