import { describe, expect, it } from 'vitest';
import { asciiSpans } from '../../../src/views/ascii-spans.js';

const texts = (spans: ReturnType<typeof asciiSpans>) => spans.map((span) => span.map((s) => s.text).join(''));

describe('asciiSpans', () => {
  it('keeps an all-ASCII line whole', () => {
    const line = [{ text: ' default  nginx-1  ', bold: true }, { text: 'Running', color: 'green' }];
    expect(asciiSpans(line)).toEqual([line]);
  });

  it('cuts a line into the ASCII before the first wide character, the span to the last, and the ASCII after', () => {
    const line = [{ text: ' web-1  250m  ' }, { text: '▁▂▄', color: 'cyan' }, { text: '  –  10.0.0.1 ', inverse: true }];
    const spans = asciiSpans(line);
    expect(texts(spans)).toEqual([' web-1  250m  ', '▁▂▄  –', '  10.0.0.1 ']);
    // Styles stay with their characters across the cuts.
    expect(spans[1]).toEqual([{ text: '▁▂▄', color: 'cyan' }, { text: '  –', inverse: true }]);
    expect(spans[2]).toEqual([{ text: '  10.0.0.1 ', inverse: true }]);
    expect(texts(spans).join('')).toBe(line.map((s) => s.text).join(''));
  });

  it('leaves out empty spans when the line starts or ends with a wide character', () => {
    expect(texts(asciiSpans([{ text: '║ a ║' }]))).toEqual(['║ a ║']);
    expect(texts(asciiSpans([{ text: '↑ NAME' }]))).toEqual(['↑', ' NAME']);
  });
});
