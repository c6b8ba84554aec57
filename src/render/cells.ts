// Small cell formatters shared by the kind renderers.

export const NONE = '<none>';

export interface ContainerSpec {
  name?: string;
  image?: string;
}

export interface PodTemplate {
  spec?: { containers?: ContainerSpec[]; nodeSelector?: Record<string, string> };
}

/** kubectl's CONTAINERS and IMAGES cells: names and images comma-joined in spec order ("" if none). */
export function containerCells(containers: readonly ContainerSpec[] | undefined): [names: string, images: string] {
  if (!containers || containers.length === 0) return ['', ''];
  let names = '';
  let images = '';
  for (let i = 0; i < containers.length; i++) {
    const c = containers[i] as ContainerSpec;
    const sep = i === 0 ? '' : ',';
    names += sep + (c.name ?? '');
    images += sep + (c.image ?? '');
  }
  return [names, images];
}

/** An integer field as kubectl prints it (absent = 0). */
export function int(n: unknown): string {
  return typeof n === 'number' ? String(n) : '0';
}

/** The value or "<none>" when empty. */
export function orNone(s: string | undefined | null): string {
  return s ? s : NONE;
}

/**
 * What kubectl's table printer makes of free text: cut at the first line break (\n, \r or \f)
 * with "..." appended, and ESC shown as "^[" so a cell cannot drive the terminal. Other control
 * characters (tab included) are passed through by kubectl; kt turns them into spaces so they
 * cannot break the table layout.
 */
export function textCell(s: string | undefined): string {
  if (!s) return '';
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) < 0x20 || s.charCodeAt(i) === 0x7f) return cleanSlow(s);
  }
  return s;
}

function cleanSlow(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === 0x0a || code === 0x0d || code === 0x0c) return `${out}...`;
    if (code === 0x1b) out += '^[';
    else if (code < 0x20 || code === 0x7f) out += ' ';
    else out += s[i];
  }
  return out;
}

/** Go's strings.TrimSpace for the ASCII whitespace that appears in practice, then textCell. */
export function trimmedText(s: string | undefined): string {
  return s ? textCell(s.trim()) : '';
}
