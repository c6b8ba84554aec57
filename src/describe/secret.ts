// A Secret as `kubectl describe secret` shows it: each key with its size in bytes, never its value
// (kt also counts a service-account token's bytes, where kubectl prints the token). The decoded
// values exist only in decodedSecret(), for the view the user asks for with `x`.
import type { KubeObject } from '../kube/types.js';
import { annotationsMultiline, labelsMultiline, type DescribeWriter } from './writer.js';

function dataOf(obj: KubeObject): Record<string, string> {
  return (obj.data as Record<string, string> | undefined) ?? {};
}

export function describeSecret(w: DescribeWriter, obj: KubeObject): void {
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', obj.metadata.labels);
  annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  w.write(0, `\nType:\t${String(obj.type ?? '')}\n`);
  w.write(0, '\nData\n====\n');
  const data = dataOf(obj);
  for (const key of Object.keys(data).sort()) w.write(0, `${key}:\t${Buffer.from(data[key] ?? '', 'base64').length} bytes\n`);
}

/** The decoded values, key by key (multi-line values indented under their key). */
export function decodedSecret(obj: KubeObject): string {
  const data = dataOf(obj);
  const keys = Object.keys(data).sort();
  if (keys.length === 0) return 'This Secret has no data.\n';
  const lines = [`DECODED VALUES of Secret ${obj.metadata.namespace ?? ''}/${obj.metadata.name} (shown because you pressed x; Esc hides them)`, ''];
  for (const key of keys) {
    const value = Buffer.from(data[key] ?? '', 'base64').toString('utf8');
    if (value.includes('\n')) lines.push(`${key}:`, ...value.replace(/\n$/, '').split('\n').map((l) => `    ${l}`));
    else lines.push(`${key}: ${value}`);
  }
  return `${lines.join('\n')}\n`;
}
