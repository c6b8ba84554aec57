// The log view's settings from the config file's top-level `logs`:
//   {"logs": {"tail": 200, "buffer": 10000}}
// tail: kubectl logs --tail for the default range; buffer: lines kept in memory. A bad value is
// named in one warning line at startup and its default is used.
export interface LogSettings {
  /** kubectl logs --tail for the default range. */
  tail: number;
  /** Lines kept in memory. */
  capacity: number;
  /** Above this many pods, ask before streaming them all. */
  askAbove: number;
}

export const DEFAULT_LOG_SETTINGS: LogSettings = { tail: 200, capacity: 10_000, askAbove: 50 };

const LIMITS = { tail: [1, 100_000], buffer: [100, 1_000_000] } as const;

export function resolveLogSettings(raw: unknown, path: string): { settings: LogSettings; warning?: string } {
  const settings = { ...DEFAULT_LOG_SETTINGS };
  if (raw === undefined) return { settings };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings, warning: `kt: ignoring "logs" in ${path}: want an object like {"tail": 200, "buffer": 10000}` };
  }
  const bad: string[] = [];
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const limits = LIMITS[name as keyof typeof LIMITS];
    if (!limits) bad.push(`unknown setting "${name}" (known: tail, buffer)`);
    else if (!Number.isInteger(value) || (value as number) < limits[0] || (value as number) > limits[1]) bad.push(`${name} must be a whole number from ${limits[0]} to ${limits[1]}, not ${JSON.stringify(value)}`);
    else if (name === 'tail') settings.tail = value as number;
    else settings.capacity = value as number;
  }
  return bad.length ? { settings, warning: `kt: in "logs" of ${path}: ${bad.join('; ')}; using the defaults for those` } : { settings };
}
