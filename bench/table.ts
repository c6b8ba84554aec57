// The readable stdout report: one table per section (median, min, max, runs per row), then the
// ratios, each computed from medians measured in this same run.
import { formatMs, formatRatio, median, type Sample } from './stats.js';

interface Line {
  name: string;
  sample?: Sample;
  note?: string;
}

export class Section {
  readonly lines: Line[] = [];
  readonly ratios: { name: string; value: number; note?: string }[] = [];
  constructor(readonly title: string) {}

  /** Adds a timed row; returns its median in ms. */
  add(name: string, sample: Sample, note?: string): number {
    this.lines.push({ name, sample, note });
    return median(sample.ms);
  }

  /** A row with no timing: a skip, or something that could not be measured in isolation. */
  info(name: string, note: string): void {
    this.lines.push({ name, note });
  }

  ratio(name: string, value: number, note?: string): void {
    this.ratios.push({ name, value, note });
  }
}

function pad(text: string, width: number, right = false): string {
  const gap = ' '.repeat(Math.max(0, width - [...text].length));
  return right ? gap + text : text + gap;
}

function table(headers: string[], rows: string[][], rightFrom: number, rightTo: number): string {
  const widths = headers.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, i >= rightFrom && i <= rightTo))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [fmt(headers), rule, ...rows.map(fmt)].join('\n');
}

export function formatSection(section: Section): string {
  const out = [`\n## ${section.title}\n`];
  const rows = section.lines.map((l) => {
    if (!l.sample) return [l.name, '', '', '', '', l.note ?? ''];
    const ms = l.sample.ms;
    return [l.name, formatMs(median(ms)), formatMs(ms[0] ?? NaN), formatMs(ms[ms.length - 1] ?? NaN), String(ms.length), l.note ?? ''];
  });
  if (rows.length) out.push(table(['benchmark', 'median', 'min', 'max', 'runs', 'note'], rows, 1, 4));
  if (section.ratios.length) {
    out.push('');
    out.push(table(['ratio (medians, same run)', 'value', 'note'], section.ratios.map((r) => [r.name, formatRatio(r.value), r.note ?? '']), 1, 1));
  }
  return out.join('\n');
}

/** A section sent as JSON from a child process (views are measured per React build). */
export function sectionFrom(json: string, title: string): Section {
  const parsed = JSON.parse(json) as Pick<Section, 'lines' | 'ratios'>;
  const section = new Section(title);
  section.lines.push(...parsed.lines);
  section.ratios.push(...parsed.ratios);
  return section;
}
