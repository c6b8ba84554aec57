// The fields that differ between the live object and what it would become, as short lines:
// `~ spec.replicas: 2 → 3`, `+ spec.template.spec.nodeSelector.disktype: ssd`, `- …`. What the
// server maintains by itself (managedFields, resourceVersion, generation, status) is left out.
const IGNORED = new Set(['metadata.managedFields', 'metadata.resourceVersion', 'metadata.generation', 'status']);
const MAX_LINES = 30;

function flatten(value: unknown, path: string, out: Map<string, string>): void {
  if (IGNORED.has(path)) return;
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(path, '[]');
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0 && path) out.set(path, '{}');
    for (const [k, v] of entries) flatten(v, path ? `${path}.${k}` : k, out);
  } else out.set(path, JSON.stringify(value) ?? 'null');
}

export function fieldChanges(live: unknown, next: unknown): string[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(live, '', a);
  flatten(next, '', b);
  const lines: string[] = [];
  for (const [path, value] of b) {
    const old = a.get(path);
    if (old === undefined) lines.push(`+ ${path}: ${value}`);
    else if (old !== value) lines.push(`~ ${path}: ${old} → ${value}`);
  }
  for (const [path, value] of a) if (!b.has(path)) lines.push(`- ${path}: ${value}`);
  return lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `… ${lines.length - MAX_LINES} more changed field(s)`] : lines;
}
