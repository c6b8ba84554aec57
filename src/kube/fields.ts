// Typed reads of raw API objects' nested fields, shared by the describers and the resource rules.

/** Reads a nested field of a raw object without casts at every step. */
export function field<T = unknown>(obj: unknown, ...path: (string | number)[]): T | undefined {
  let cur: unknown = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur as T | undefined;
}

export function arr<T = Record<string, unknown>>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : [];
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

export function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}
