// The help overlay's content, from the bindings data: one section per scope, then the filter and
// command syntax. Laid out in as many columns as the width allows.
import { activeBindings, SCOPE_TITLES, type CommandId, type Scope } from '../keys/bindings.js';
import { formatKeys } from '../keys/match.js';

export interface HelpLine {
  text: string;
  heading?: boolean;
}

const ORDER: readonly Scope[] = ['global', 'pane', 'input', 'picker', 'describe', 'logs', 'metrics', 'prom', 'help', 'any'];
/** The actions' sections come after the syntax lines. */
const ACTION_ORDER: readonly Scope[] = ['action', 'prompt', 'confirm', 'journal', 'list', 'forwards'];

const SYNTAX: readonly HelpLine[] = [
  { text: 'Commands', heading: true },
  { text: ':pods :secrets :cm :crd :servicemonitors …' },
  { text: '  (every kind the server serves, by any kubectl name; Tab completes)' },
  { text: ':api-resources  every kind, as kubectl api-resources; Enter opens' },
  { text: ':pods <ns>   that kind in namespace <ns>; all = -A' },
  { text: ':ns          namespace picker; :ns <name> to switch' },
  { text: ':ctx         contexts (kubectl config get-contexts); :ctx <name> to switch' },
  { text: ':journal     this run\'s actions, commands, outcomes' },
  { text: ':prom        Prometheus instances found; pick one' },
  { text: ':pf          port-forwards (Shift-F starts one); Ctrl-D stops one' },
  { text: ':apply -f PATH   dry run, preview, y applies (Tab: path)' },
  { text: ':create deployment NAME --image=I [--replicas=N]' },
  { text: ':run NAME --image=I [--port=P] [--labels=k=v]' },
  { text: ':q :quit     quit' },
  { text: 'Filters', heading: true },
  { text: '/nginx       rows containing nginx (regex, any case)' },
  { text: '/!nginx      rows not matching' },
  { text: '/-l app=web  label selector: = == != in notin k !k' },
];

export interface HelpOptions {
  /** Commands left out (actions that are off). */
  hidden?: ReadonlySet<CommandId>;
  /** A line shown first, e.g. "readonly: mutating actions are off". */
  note?: string;
}

export function helpLines(options: HelpOptions = {}): HelpLine[] {
  const lines: HelpLine[] = options.note ? [{ text: options.note, heading: true }] : [];
  const shown = activeBindings().filter((b) => !options.hidden?.has(b.id));
  const keyWidth = Math.max(...shown.map((b) => formatKeys(b).length));
  const section = (scope: Scope): HelpLine[] => {
    const bindings = shown.filter((b) => b.scope === scope);
    if (bindings.length === 0) return [];
    return [{ text: SCOPE_TITLES[scope], heading: true }, ...bindings.map((b) => ({ text: `${formatKeys(b).padEnd(keyWidth)}  ${b.description}` }))];
  };
  return [...lines, ...ORDER.flatMap(section), ...SYNTAX, ...ACTION_ORDER.flatMap(section)];
}

/** Splits lines into columns of `height` lines (at least one column); never breaks after a heading. */
export function helpColumns(lines: readonly HelpLine[], height: number, columnCount: number): HelpLine[][] {
  const perColumn = Math.max(height, Math.ceil(lines.length / Math.max(1, columnCount)));
  const columns: HelpLine[][] = [];
  let current: HelpLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as HelpLine;
    const full = current.length >= perColumn || (line.heading && current.length >= perColumn - 1);
    if (full && columns.length < columnCount - 1) {
      columns.push(current);
      current = [];
    }
    current.push(line);
  }
  columns.push(current);
  return columns;
}

/** As many columns as fit in `width`, each as wide as its own longest line plus `gap`. */
export function fitHelpColumns(lines: readonly HelpLine[], height: number, width: number, gap: number): { columns: HelpLine[][]; widths: number[] } {
  const shortest = Math.min(...lines.map((l) => l.text.length)) + gap;
  for (let n = Math.max(1, Math.floor((width + gap) / Math.max(1, shortest))); n > 1; n--) {
    const columns = helpColumns(lines, height, n);
    const widths = columns.map((col) => Math.max(0, ...col.map((l) => l.text.length)) + gap);
    if (widths.reduce((a, b) => a + b, 0) - gap <= width) return { columns, widths };
  }
  return { columns: helpColumns(lines, height, 1), widths: [width] };
}
