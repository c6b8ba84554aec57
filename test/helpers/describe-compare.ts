// Compares `kubectl describe` text with kt's: every kubectl line (a "Field:  value" line or a
// table row, cut into cells at runs of 2+ spaces) must appear in kt's text with the same cells.
// Time cells may differ only as far as the moments of the two reads allow: ages ("5m", "3m12s",
// "10s (x3 over 5m)") by the span between the reads, timestamps only if they changed during it.

/** When the two reads happened (epoch ms): the first started at `start`, the last ended at `end`. */
export interface ReadWindow {
  start: number;
  end: number;
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, y: 365 * 86_400_000 };
const AGE = /^(?:(\d+)y)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const RFC1123Z = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;
const SERIES = /^(\S+) \(x(\d+) over (\S+)\)$/;

/** A line as cells: leading indentation and alignment padding dropped. */
export function cells(line: string): string[] {
  const t = line.trim();
  return t === '' ? [] : t.split(/\s{2,}/);
}

/** [lo, hi) in ms of what a humanised age may stand for; undefined if the cell is not an age. */
export function ageRange(cell: string): [number, number] | undefined {
  const m = AGE.exec(cell);
  if (!m || cell === '') return undefined;
  const units = ['y', 'd', 'h', 'm', 's'];
  let lo = 0;
  let smallest = 0;
  units.forEach((u, i) => {
    const v = m[i + 1];
    if (v !== undefined) {
      lo += Number(v) * (UNIT_MS[u] as number);
      smallest = UNIT_MS[u] as number;
    }
  });
  return [lo, lo + smallest];
}

function agesAgree(a: string, b: string, slack: number): boolean {
  const ra = ageRange(a);
  const rb = ageRange(b);
  if (!ra || !rb) return false;
  return ra[0] < rb[1] + slack && rb[0] < ra[1] + slack;
}

function timesAgree(a: string, b: string, w: ReadWindow): boolean {
  if (!RFC1123Z.test(a) || !RFC1123Z.test(b)) return false;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  // A timestamp that differs must have been written during the reads (a lease renewal).
  return Math.max(ta, tb) >= w.start - 1000 && Math.max(ta, tb) <= w.end + 1000;
}

export function cellsAgree(a: string, b: string, w: ReadWindow): boolean {
  if (a === b) return true;
  const slack = w.end - w.start + 1000;
  if (agesAgree(a, b, slack) || timesAgree(a, b, w)) return true;
  const sa = SERIES.exec(a);
  const sb = SERIES.exec(b);
  if (sa && sb) return sa[2] === sb[2] && agesAgree(sa[1] as string, sb[1] as string, slack) && agesAgree(sa[3] as string, sb[3] as string, slack);
  // Cells of a row kubectl separates by single spaces ("Normal  Scheduled  5m  x  msg" stays split).
  const wa = a.split(' ');
  const wb = b.split(' ');
  const bare = (word: string) => word.replace(/^\(/, '').replace(/\)$/, '');
  return wa.length > 1 && wa.length === wb.length && wa.every((x, i) => x === wb[i] || agesAgree(bare(x), bare(wb[i] as string), slack));
}

function linesAgree(a: readonly string[], b: readonly string[], w: ReadWindow): boolean {
  return a.length === b.length && a.every((cell, i) => cellsAgree(cell, b[i] as string, w));
}

/**
 * The kubectl lines kt's text lacks (each kt line used once), each with kt's closest line; []
 * when every kubectl line is there.
 */
export function missingLines(kubectlText: string, ktText: string, w: ReadWindow): string[] {
  const pool = ktText.split('\n').map(cells).filter((c) => c.length > 0);
  const used = new Set<number>();
  const missing: string[] = [];
  for (const line of kubectlText.split('\n')) {
    const want = cells(line);
    if (want.length === 0) continue;
    const at = pool.findIndex((have, i) => !used.has(i) && linesAgree(want, have, w));
    if (at >= 0) {
      used.add(at);
      continue;
    }
    const near = pool.find((have) => have[0] === want[0]);
    missing.push(`kubectl: ${want.join('  ')}\n     kt: ${near ? near.join('  ') : '(no line starting with that)'}`);
  }
  return missing;
}
