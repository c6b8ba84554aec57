import { describe, expect, it } from 'vitest';
import { cellWidth, sliceCells } from '../../../src/text/cell-width.js';
import { fitCell, fitColumns, formatLine } from '../../../src/views/fit-columns.js';

describe('cellWidth and sliceCells', () => {
  it('count CJK and emoji as two cells, combining marks as none, ASCII as one', () => {
    expect(cellWidth('nginx-1')).toBe(7);
    expect(cellWidth('赤と青')).toBe(6);
    expect(cellWidth('🔥 hot')).toBe(6);
    expect(cellWidth('u\u0308ber')).toBe(4);
  });

  it('cut at a cell count without splitting a character', () => {
    expect(sliceCells('赤と青', 3)).toBe('赤');
    expect(sliceCells('🔥🔥', 3)).toBe('🔥');
    expect(sliceCells('abc', 2)).toBe('ab');
  });
});

describe('columns with wide characters', () => {
  it('fitCell pads and cuts by cells', () => {
    expect(fitCell('赤', 4, 'left')).toBe('赤  ');
    expect(fitCell('赤', 4, 'right')).toBe('  赤');
    expect(fitCell('赤と青の色', 5, 'left')).toBe('赤と…');
    expect(fitCell('赤と青の色', 4, 'right')).toBe('赤… '); // a wide character never split
  });

  it('lines of CJK, emoji and ASCII cells are equally wide and their columns start at the same cell', () => {
    const columns = [{ name: 'NAME' }, { name: 'COLOR' }, { name: 'AGE' }];
    const rows = [{ cells: ['a', '赤と青の色', '5s'] }, { cells: ['b', '🔥🔥 hot', '6s'] }, { cells: ['c', 'blue', '7s'] }];
    const fitted = fitColumns(columns, ['NAME', 'COLOR', 'AGE'], rows, 40);
    const lines = [['NAME', 'COLOR', 'AGE'], ...rows.map((r) => r.cells)].map((cells) => formatLine(cells, fitted, 40));
    expect(lines.map(cellWidth)).toEqual([40, 40, 40, 40]);
    const ageAt = (line: string) => cellWidth(line.slice(0, line.search(/AGE|\ds/)));
    expect(new Set(lines.map(ageAt)).size).toBe(1);
  });
});
