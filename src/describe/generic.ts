// The describer for kinds without their own: Name, Namespace, Labels, Annotations, then every
// other field of the object as "Smart Label:\tvalue", nested by indentation (kubectl's generic
// describer).
import type { KubeObject } from '../kube/types.js';
import { goValue } from './format.js';
import { annotationsMultiline, labelsMultiline, type DescribeWriter } from './writer.js';

const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
const ACRONYMS = ['API', 'URL', 'UID', 'GUID'];

type CharClass = 'lower' | 'upper' | 'digit' | 'other';

function classOf(ch: string): CharClass {
  if (/\p{Ll}/u.test(ch)) return 'lower';
  if (/\p{Lu}/u.test(ch)) return 'upper';
  if (/\p{Nd}/u.test(ch)) return 'digit';
  return 'other';
}

/** Splits camelCase into runs (fatih/camelcase): "podIPs" → pod, I, Ps; "apiVersion" → api, Version. */
export function camelSplit(s: string): string[] {
  const runs: string[][] = [];
  let last: CharClass | undefined;
  for (const ch of s) {
    const c = classOf(ch);
    if (c === last) (runs[runs.length - 1] as string[]).push(ch);
    else runs.push([ch]);
    last = c;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const cur = runs[i] as string[];
    const next = runs[i + 1] as string[];
    if (classOf(cur[0] as string) === 'upper' && classOf(next[0] as string) === 'lower') {
      next.unshift(cur.pop() as string);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** kubectl's smartLabelFor: "apiVersion" → "API Version", "creationTimestamp" → "Creation Timestamp". */
export function smartLabel(fieldName: string): string {
  if ([...fieldName].some((ch) => !/\p{L}/u.test(ch) && ch !== '-')) return fieldName;
  const parts = camelSplit(fieldName);
  const merged: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const next = parts[i + 1];
    const allUpper = [...part].every((ch) => !/\p{L}/u.test(ch) || /\p{Lu}/u.test(ch));
    if (next !== undefined && part.length >= 2 && allUpper && next.length > 0 && /\p{Lu}/u.test(next[0] as string)) {
      merged.push(part + next);
      i++;
      continue;
    }
    merged.push(part);
  }
  return merged
    .filter((p) => p !== '_')
    .map((p) => {
      if (ACRONYMS.includes(p.toUpperCase())) return p.toUpperCase();
      if (p.toLowerCase() === p) return p.charAt(0).toUpperCase() + p.slice(1);
      return p;
    })
    .join(' ');
}

function printContent(w: DescribeWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const key of Object.keys(content).sort()) {
    const value = content[key];
    const path = `${prefix}.${key}`;
    if (SKIP.has(path)) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabel(key)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printContent(w, level + 1, child as Record<string, unknown>, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else if (value && typeof value === 'object') {
      w.write(level, `${smartLabel(key)}:\n`);
      printContent(w, level + 1, value as Record<string, unknown>, path);
    } else {
      w.write(level, `${smartLabel(key)}:\t${goValue(value)}\n`);
    }
  }
}

export function describeGeneric(w: DescribeWriter, obj: KubeObject): void {
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', obj.metadata.labels);
  annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  printContent(w, 0, obj as Record<string, unknown>, '');
}
