// A row of block characters for the last samples, oldest on the left: ▁ is the lowest value shown,
// █ the highest. Scaled between the series' own min and max so small changes show; a flat
// series is a flat line (▁ when it is all zero, ▄ otherwise).

export const SPARK_CHARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

const FLAT = '▄';
const ZERO = '▁';

/** The last `width` values as a sparkline, left-padded with spaces to `width` when there are fewer. */
export function sparkline(values: readonly number[], width: number): string {
  if (width <= 0) return '';
  const shown = values.filter((v) => Number.isFinite(v)).slice(-width);
  if (shown.length === 0) return ' '.repeat(width);
  const min = Math.min(...shown);
  const max = Math.max(...shown);
  const top = SPARK_CHARS.length - 1;
  const chars = shown.map((v) => {
    if (max === min) return max === 0 ? ZERO : FLAT;
    const level = Math.round(((v - min) / (max - min)) * top);
    return SPARK_CHARS[Math.min(top, Math.max(0, level))] as string;
  });
  return chars.join('').padStart(width);
}
