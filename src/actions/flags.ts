// kubectl's flag syntax for the `:` commands that mutate: `--name=value`, `--name value`, `-n value`.

export type Flags = Record<string, string>;
export type ParsedFlags = { ok: true; positional: string[]; flags: Flags } | { ok: false; error: string };

const ALIASES: Record<string, string> = { n: 'namespace', r: 'replicas', l: 'labels', f: 'filename' };

/** kubectl's flag syntax: --name=value, --name value, -n value; unknown flags are refused. */
export function parseFlags(args: readonly string[], known: readonly string[]): ParsedFlags {
  const positional: string[] = [];
  const flags: Flags = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const m = /^--?([A-Za-z][\w-]*)(?:=(.*))?$/.exec(arg);
    if (!m) {
      positional.push(arg);
      continue;
    }
    const name = ALIASES[m[1] as string] ?? (m[1] as string);
    if (!known.includes(name)) return { ok: false, error: `error: unknown flag: ${arg.split('=')[0]}` };
    let value = m[2];
    if (value === undefined) {
      value = args[i + 1];
      if (value === undefined) return { ok: false, error: `error: flag needs an argument: ${arg}` };
      i++;
    }
    flags[name] = value;
  }
  return { ok: true, positional, flags };
}

