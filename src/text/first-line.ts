// The one line of an error kt shows: the first non-blank line of its message, trimmed.

export function firstLine(err: unknown): string {
  const raw = err instanceof Error ? err.message || err.name : String(err);
  return raw.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
}
