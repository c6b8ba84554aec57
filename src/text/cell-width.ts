// How many terminal cells text takes, as Ink measures it (string-width): CJK and emoji take two,
// combining marks none. Almost every cell kt draws is printable ASCII, one cell a character, so
// that is checked first.
import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const graphemes = new Intl.Segmenter();

export function cellWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

/** The longest start of `text` that fits in `width` cells, never splitting a character. */
export function sliceCells(text: string, width: number): string {
  if (PRINTABLE_ASCII.test(text)) return text.slice(0, width);
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width) break;
    out += segment;
    used += w;
  }
  return out;
}
