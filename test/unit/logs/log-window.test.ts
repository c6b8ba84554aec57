import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../../src/logs/log-line.js';
import { findMatch, lineFilter, logWindow, stepSeq } from '../../../src/logs/log-window.js';
import { Ring } from '../../../src/logs/ring.js';

const lines = (n: number, from = 1): LogLine[] => Array.from({ length: n }, (_, i) => ({ seq: from + i, text: `line ${from + i}`, origin: 0 }));
const show = (l: LogLine) => l.text;
const texts = (w: ReturnType<typeof logWindow>) => w.rows.map((r) => r.text);

describe('logWindow', () => {
  it('shows the newest lines while following', () => {
    const w = logWindow({ lines: lines(100), display: show, rows: 3, width: 80, wrap: false, follow: true, topSeq: 0 });
    expect(texts(w)).toEqual(['line 98', 'line 99', 'line 100']);
    expect(w).toMatchObject({ topSeq: 98, atBottom: true });
  });

  it('stays on its line while paused as new lines arrive', () => {
    const w = logWindow({ lines: lines(200), display: show, rows: 2, width: 80, wrap: false, follow: false, topSeq: 50 });
    expect(texts(w)).toEqual(['line 50', 'line 51']);
    expect(w.atBottom).toBe(false);
  });

  it('wraps long lines into several rows, and fills the screen to the bottom', () => {
    const long = [{ seq: 1, text: 'abcdefghij', origin: 0 }, { seq: 2, text: 'xy', origin: 0 }];
    const w = logWindow({ lines: long, display: show, rows: 4, width: 4, wrap: true, follow: false, topSeq: 2 });
    expect(texts(w)).toEqual(['abcd', 'efgh', 'ij', 'xy']);
    expect(w.rows.map((r) => r.first)).toEqual([true, false, false, true]);
  });

  it('steps and finds matches by seq, across lines that dropped off', () => {
    const kept = lines(10, 91);
    expect(stepSeq(kept, 95, -10)).toBe(91);
    expect(stepSeq(kept, 3, 1)).toBe(92);
    expect(findMatch(kept, 'LINE 9', 95, 1)).toBe(96);
    expect(findMatch(kept, 'line 91', 95, 1)).toBe(91);
    expect(findMatch(kept, 'nothing', 95, -1)).toBeUndefined();
  });
});

describe('lineFilter', () => {
  it('matches a regex or text case-insensitively, and ! inverts', () => {
    expect(['GET /a 200', 'GET /b 500', 'POST /c 201'].filter(lineFilter('get.*(200|500)')!)).toEqual(['GET /a 200', 'GET /b 500']);
    expect(['GET /a 200', 'GET /b 500'].filter(lineFilter('!500')!)).toEqual(['GET /a 200']);
    expect(lineFilter('  ')).toBeUndefined();
    expect(['a(b', 'ab'].filter(lineFilter('a(b')!)).toEqual(['a(b']); // not a regex: plain text
  });
});

describe('Ring', () => {
  it('keeps the newest items in order', () => {
    const ring = new Ring<number>(3);
    for (let i = 1; i <= 5; i++) ring.push(i);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect([ring.size, ring.pushed, ring.at(0), ring.at(3)]).toEqual([3, 5, 3, undefined]);
    expect(() => new Ring(0)).toThrow(/at least 1 line/);
  });
});
