// Command-line parsing in kubectl's style (pflag): `--flag value`, `--flag=value`, `-n value`,
// `-nvalue`, `-n=value`. Pure: no I/O, throws ArgsError with a one-line message.

export interface CliArgs {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  /** -A / --all-namespaces; wins over -n like kubectl. */
  allNamespaces: boolean;
  /** --request-timeout in milliseconds; 0 = no timeout; undefined = not given. */
  requestTimeoutMs?: number;
  readonly: boolean;
  /** --prometheus-url (alias --prometheus): Prometheus straight at this URL instead of discovery. */
  prometheus?: string;
  /** --prometheus-token-file: a bearer token for --prometheus-url. */
  prometheusTokenFile?: string;
  /** --metrics-interval in milliseconds: how often usage refreshes. */
  metricsIntervalMs?: number;
  help: boolean;
  version: boolean;
}

export class ArgsError extends Error {
  override name = 'ArgsError';
}

type ValueFlag =
  | 'kubeconfig'
  | 'context'
  | 'namespace'
  | 'request-timeout'
  | 'prometheus'
  | 'prometheus-url'
  | 'prometheus-token-file'
  | 'metrics-interval';
type BoolFlag = 'all-namespaces' | 'readonly' | 'help' | 'version';

const VALUE_FLAGS: ReadonlySet<string> = new Set<ValueFlag>([
  'kubeconfig',
  'context',
  'namespace',
  'request-timeout',
  'prometheus',
  'prometheus-url',
  'prometheus-token-file',
  'metrics-interval',
]);
const BOOL_FLAGS: ReadonlySet<string> = new Set<BoolFlag>(['all-namespaces', 'readonly', 'help', 'version']);
const SHORT: Readonly<Record<string, ValueFlag | BoolFlag>> = { n: 'namespace', A: 'all-namespaces', h: 'help' };

const hint = '(see kt --help)';

export function parseArgs(argv: readonly string[]): CliArgs {
  const out: CliArgs = { allNamespaces: false, readonly: false, help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      const extra = argv[i + 1];
      if (extra !== undefined) throw new ArgsError(`kt: unexpected argument "${extra}" ${hint}`);
      break;
    }
    let name: string;
    let inline: string | undefined;
    let shown: string;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
      shown = `--${name}`;
      if (!VALUE_FLAGS.has(name) && !BOOL_FLAGS.has(name)) throw new ArgsError(`kt: unknown flag "${shown}" ${hint}`);
    } else if (arg.startsWith('-') && arg.length > 1) {
      // pflag shorthands: combined booleans (-Ah), a value glued on (-nkube-system) or after "=".
      let j = 1;
      let long: ValueFlag | BoolFlag | undefined;
      for (;;) {
        const letter = arg[j] as string;
        long = SHORT[letter];
        if (long === undefined) throw new ArgsError(`kt: unknown flag "-${letter}" ${hint}`);
        const next = arg[j + 1];
        if (BOOL_FLAGS.has(long) && next !== undefined && next !== '=') {
          setBool(out, long as BoolFlag, true);
          j++;
          continue;
        }
        break;
      }
      name = long;
      shown = `-${arg[j] as string}`;
      const rest = arg.slice(j + 1);
      inline = rest === '' ? undefined : VALUE_FLAGS.has(name) && !rest.startsWith('=') ? rest : rest.slice(1);
    } else if (arg === 'version') {
      // `kt version` (and `kubectl kt version`), as kubectl and k9s spell it.
      out.version = true;
      continue;
    } else {
      throw new ArgsError(`kt: unexpected argument "${arg}" ${hint}`);
    }

    if (BOOL_FLAGS.has(name)) {
      const on = inline === undefined ? true : parseBool(inline, shown);
      setBool(out, name as BoolFlag, on);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      // A following flag is a forgotten value, not a namespace called "-A".
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        throw new ArgsError(`kt: flag "${shown}" needs a value ${hint}`);
      }
      value = next;
      i++;
    }
    if (value === '') throw new ArgsError(`kt: flag "${shown}" needs a value ${hint}`);
    setValue(out, name as ValueFlag, value, shown);
  }
  return out;
}

function parseBool(value: string, shown: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ArgsError(`kt: invalid value "${value}" for "${shown}": want true or false ${hint}`);
}

function setBool(out: CliArgs, name: BoolFlag, on: boolean): void {
  if (name === 'all-namespaces') out.allNamespaces = on;
  else if (name === 'readonly') out.readonly = on;
  else if (name === 'help') out.help = on;
  else out.version = on;
}

function setValue(out: CliArgs, name: ValueFlag, value: string, shown: string): void {
  switch (name) {
    case 'kubeconfig':
      out.kubeconfig = value;
      break;
    case 'context':
      out.context = value;
      break;
    case 'namespace':
      out.namespace = value;
      break;
    case 'request-timeout':
      out.requestTimeoutMs = parseRequestTimeout(value, shown);
      break;
    case 'prometheus':
    case 'prometheus-url':
      out.prometheus = parsePrometheusUrl(value, shown);
      break;
    case 'prometheus-token-file':
      out.prometheusTokenFile = value;
      break;
    case 'metrics-interval':
      out.metricsIntervalMs = parseMetricsInterval(value, shown);
      break;
  }
}

const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * kubectl's --request-timeout: "0" means none, a bare integer is seconds, otherwise a Go duration
 * ("500ms", "5s", "1m30s", "1.5h"). Returns milliseconds (rounded up so "1ns" is not "none").
 */
export function parseRequestTimeout(value: string, shown = '--request-timeout'): number {
  const bad = (): ArgsError =>
    new ArgsError(`kt: invalid value "${value}" for "${shown}": want 0, seconds, or a duration like 5s, 1m, 500ms ${hint}`);
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy;
  let total = 0;
  let pos = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(value)) !== null) {
    total += Number(match[1]) * (UNIT_MS[match[2] as string] as number);
    pos = re.lastIndex;
  }
  if (pos === 0 || pos !== value.length) throw bad();
  return Math.ceil(total);
}

/** --metrics-interval: a duration of at least 1s ("15s", "1m", or bare seconds). */
function parseMetricsInterval(value: string, shown: string): number {
  let ms: number | undefined;
  try {
    ms = parseRequestTimeout(value, shown);
  } catch {
    ms = undefined;
  }
  if (ms === undefined || ms < 1000) {
    throw new ArgsError(`kt: invalid value "${value}" for "${shown}": want a duration of 1s or more, like 15s or 1m ${hint}`);
  }
  return ms;
}

function parsePrometheusUrl(value: string, shown: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ArgsError(`kt: invalid value "${value}" for "${shown}": want a URL like http://localhost:9090 ${hint}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ArgsError(`kt: invalid value "${value}" for "${shown}": want an http:// or https:// URL ${hint}`);
  }
  return value.replace(/\/+$/, '');
}
