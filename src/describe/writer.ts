// The describe-text layout helper: kubectl's PrefixWriter (two spaces per level) over a
// tabwriter, plus the multi-line "Title:  first\n        second" blocks kubectl repeats for
// labels, annotations, taints and tolerations. Write tab-separated text; toString() aligns it.
import { alignTabs } from './tabwriter.js';

const ESC = String.fromCharCode(27);

export class DescribeWriter {
  private readonly sections: string[] = [];
  private buffer = '';

  /** Appends text indented by `level` (two spaces each); tabs separate cells. */
  write(level: number, text: string): void {
    // As kubectl: no terminal escapes from object fields reach the screen.
    this.buffer += '  '.repeat(level) + text.split(ESC).join('^[').split('\r').join('\\r');
  }

  /** One line of cells at a level: line(1, 'Type', 'Status') → "  Type\tStatus\n". */
  line(level: number, ...cells: (string | number)[]): void {
    this.write(level, `${cells.join('\t')}\n`);
  }

  /** Ends the current column blocks (kubectl flushes before the Events table). */
  flush(): void {
    this.sections.push(this.buffer);
    this.buffer = '';
  }

  toString(): string {
    return [...this.sections, this.buffer].map(alignTabs).join('');
  }
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted as Go's sort.Strings (byte order). */
export function sortedKeys(map: Record<string, unknown> | undefined, skip: (key: string) => boolean = () => false): string[] {
  return Object.keys(map ?? {})
    .filter((k) => !skip(k))
    .sort(byteOrder);
}

/** Writes "Title:\tfirst\n" then "\tnext\n" per further item, or "Title:\t<none>\n". */
function multiline(w: DescribeWriter, title: string, items: readonly string[], initialIndent = '', innerIndent = '\t'): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  if (items.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  items.forEach((item, i) => {
    if (i !== 0) w.write(0, initialIndent + innerIndent);
    w.write(0, `${item}\n`);
  });
}

/** kubectl's printLabelsMultiline: "key=value" per line, sorted. */
export function labelsMultiline(w: DescribeWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  const map = labels ?? {};
  multiline(w, title, sortedKeys(map).map((k) => `${k}=${map[k]}`), initialIndent, innerIndent);
}

const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

/** kubectl's printAnnotationsMultiline: "key: value"; long or multi-line values go below the key. */
export function annotationsMultiline(w: DescribeWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const map = annotations ?? {};
  const keys = sortedKeys(map, (k) => SKIP_ANNOTATIONS.has(k));
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = (map[key] ?? '').replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(0, `\t  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

export interface Taint {
  key: string;
  value?: string;
  effect?: string;
}

/** A taint as kubectl prints it: key=value:Effect, key:Effect, key=value:, key. */
export function taintString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

export function taintsMultiline(w: DescribeWriter, title: string, taints: readonly Taint[] | undefined): void {
  const sorted = [...(taints ?? [])].sort((a, b) => byteOrder(`${a.effect ?? ''},${a.key}`, `${b.effect ?? ''},${b.key}`));
  multiline(w, title, sorted.map(taintString));
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** A toleration as kubectl prints it: "key=value:Effect", " op=Exists", " for 300s". */
export function tolerationString(t: Toleration): string {
  let s = t.key ?? '';
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
  if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
  return s;
}

export function tolerationsMultiline(w: DescribeWriter, title: string, tolerations: readonly Toleration[] | undefined, initialIndent = ''): void {
  const sorted = [...(tolerations ?? [])].sort((a, b) => byteOrder(a.key ?? '', b.key ?? ''));
  multiline(w, title, sorted.map(tolerationString), initialIndent);
}
