// Every key kt understands, as data: the command it runs, the keys, what it does and where it
// applies. The footer hints and the help overlay are built from this list; handlers match on ids.
import type { ActionBindingId } from '../actions/index.js';
import { ACTION_BINDINGS } from './action-bindings.js';
import { METRICS_BINDINGS } from './metrics-bindings.js';
import { DESCRIBE_BINDINGS } from './describe-bindings.js';
import { LIST_BINDINGS } from './list-bindings.js';
import { LOG_BINDINGS, type LogCommandId } from './log-bindings.js';

/**
 * Where a binding applies:
 * - any: in every mode
 * - global: normal mode, anywhere on screen
 * - pane: normal mode, the focused pane
 * - input: while typing on the `:` command line or the `/` filter line
 * - help: the help overlay
 * - picker: the namespace picker
 * - metrics: the `m` metrics view; prom: the `:prom` list
 * - action: normal mode, the focused pane's mutating actions and marks (off with --readonly);
 *   the row actions that only show something (d, y, l …) are in `pane`
 * - prompt: an action's text prompt or the expose form
 * - confirm: a confirmation dialog (delete, NoExecute taints)
 * - journal: the `:journal` overlay
 * - describe: the describe and YAML views (`d`, `y`)
 * - logs: the log view (`l`)
 * - list: a list overlay (`:api-resources`, `:ctx`, `:pf`)
 * - forwards: the `:pf` list of port-forwards (with the list's keys)
 */
export type Scope = 'any' | 'global' | 'pane' | 'input' | 'help' | 'picker' | 'metrics' | 'prom' | 'action' | 'prompt' | 'confirm' | 'journal' | 'describe' | 'logs' | 'list' | 'forwards';

export type CommandId =
  | 'app.quitNow'
  | 'app.quit'
  | 'app.help'
  | 'app.command'
  | 'pane.next'
  | 'pane.prev'
  | 'pane.zoom'
  | 'ns.all'
  | 'ns.favourite'
  | 'nav.up'
  | 'nav.down'
  | 'nav.top'
  | 'nav.bottom'
  | 'nav.pageUp'
  | 'nav.pageDown'
  | 'view.drill'
  | 'view.back'
  | 'view.filter'
  | 'sort.name'
  | 'sort.age'
  | 'sort.status'
  | 'sort.namespace'
  | 'sort.prevColumn'
  | 'sort.nextColumn'
  | 'sort.reverse'
  | 'input.submit'
  | 'input.cancel'
  | 'input.delete'
  | 'input.complete'
  | 'help.close'
  | 'help.up'
  | 'help.down'
  | 'picker.up'
  | 'picker.down'
  | 'picker.select'
  | 'picker.cancel'
  | 'view.metrics'
  | 'metrics.close'
  | 'metrics.range15m'
  | 'metrics.range1h'
  | 'metrics.range6h'
  | 'metrics.nextRange'
  | 'prom.up'
  | 'prom.down'
  | 'prom.select'
  | 'prom.cancel'
  | 'mark.toggle'
  | 'mark.clear'
  | ActionBindingId
  | 'prompt.submit'
  | 'prompt.cancel'
  | 'prompt.delete'
  | 'prompt.next'
  | 'prompt.prev'
  | 'prompt.choiceNext'
  | 'prompt.choicePrev'
  | 'confirm.yes'
  | 'confirm.no'
  | 'confirm.next'
  | 'confirm.prev'
  | 'confirm.toggle'
  | 'confirm.delete'
  | 'journal.close'
  | 'journal.up'
  | 'journal.down'
  | 'describe.close'
  | 'describe.search'
  | 'describe.next'
  | 'describe.prev'
  | 'describe.up'
  | 'describe.down'
  | 'describe.pageUp'
  | 'describe.pageDown'
  | 'describe.top'
  | 'describe.bottom'
  | 'describe.wrap'
  | LogCommandId
  | 'describe.command'
  | 'describe.managedFields'
  | 'input.complete'
  | 'list.up'
  | 'list.down'
  | 'list.select'
  | 'list.close'
  | 'forwards.stop';

export interface Binding {
  id: CommandId;
  /** Key specs: a character ("j", "N", ":"), a named key ("enter", "pgdn"), or "ctrl+f" / "shift+tab". */
  keys: readonly string[];
  description: string;
  scope: Scope;
  /** Short label for the footer; bindings without one appear only in help. */
  hint?: string;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export const BINDINGS: readonly Binding[] = [
  { id: 'app.quitNow', keys: ['ctrl+c'], description: 'Quit kt', scope: 'any' },
  { id: 'app.quit', keys: ['q'], description: 'Quit kt', scope: 'global', hint: 'quit' },
  { id: 'app.help', keys: ['?'], description: 'Show this help', scope: 'global', hint: 'help' },
  { id: 'app.command', keys: [':'], description: 'Command line (:pods, :deploy, :ns, :q …)', scope: 'global', hint: 'cmd' },
  { id: 'pane.next', keys: ['tab'], description: 'Focus the next pane', scope: 'global', hint: 'pane' },
  { id: 'pane.prev', keys: ['shift+tab'], description: 'Focus the previous pane', scope: 'global' },
  { id: 'pane.zoom', keys: ['=', '+'], description: 'Zoom the focused pane to full height, and back', scope: 'global', hint: 'zoom' },
  { id: 'ns.all', keys: ['0'], description: 'All namespaces', scope: 'global' },
  { id: 'ns.favourite', keys: DIGITS, description: 'Switch to favourite namespace 1-9', scope: 'global', hint: 'ns' },

  { id: 'nav.up', keys: ['k', 'up'], description: 'Move up', scope: 'pane' },
  { id: 'nav.down', keys: ['j', 'down'], description: 'Move down', scope: 'pane' },
  { id: 'nav.top', keys: ['g', 'home'], description: 'Go to the top', scope: 'pane' },
  { id: 'nav.bottom', keys: ['G', 'end'], description: 'Go to the bottom', scope: 'pane' },
  { id: 'nav.pageUp', keys: ['pgup', 'ctrl+b'], description: 'Page up', scope: 'pane' },
  { id: 'nav.pageDown', keys: ['pgdn', 'ctrl+f'], description: 'Page down', scope: 'pane' },
  { id: 'view.drill', keys: ['enter'], description: 'Drill down (node, DaemonSet, Deployment → its pods)', scope: 'pane', hint: 'drill' },
  { id: 'view.back', keys: ['esc'], description: 'Clear the filter, else go back', scope: 'pane', hint: 'back' },
  { id: 'view.filter', keys: ['/'], description: 'Filter: text or regex, !inverse, -l label selector', scope: 'pane', hint: 'filter' },
  { id: 'sort.name', keys: ['N'], description: 'Sort by name (again to reverse)', scope: 'pane' },
  { id: 'sort.age', keys: ['A'], description: 'Sort by age (again to reverse)', scope: 'pane' },
  { id: 'sort.status', keys: ['S'], description: 'Sort by status (again to reverse)', scope: 'pane' },
  { id: 'sort.namespace', keys: ['P'], description: 'Sort by namespace (again to reverse)', scope: 'pane' },
  { id: 'sort.prevColumn', keys: ['shift+left'], description: 'Sort by the column left of the sorted one', scope: 'pane' },
  { id: 'sort.nextColumn', keys: ['shift+right'], description: 'Sort by the column right of the sorted one', scope: 'pane' },
  { id: 'sort.reverse', keys: ['O'], description: 'Reverse the sort order', scope: 'pane' },

  { id: 'input.submit', keys: ['enter'], description: 'Run the command / keep the filter', scope: 'input', hint: 'ok' },
  { id: 'input.cancel', keys: ['esc'], description: 'Cancel (clears the filter)', scope: 'input', hint: 'cancel' },
  { id: 'input.delete', keys: ['backspace'], description: 'Delete a character', scope: 'input' },
  { id: 'input.complete', keys: ['tab'], description: 'Complete the command, the resource name, or the path after :apply -f', scope: 'input' },

  { id: 'help.close', keys: ['esc', '?', 'q'], description: 'Close help', scope: 'help', hint: 'close' },
  { id: 'help.up', keys: ['k', 'up'], description: 'Scroll up', scope: 'help' },
  { id: 'help.down', keys: ['j', 'down'], description: 'Scroll down', scope: 'help' },

  { id: 'picker.up', keys: ['up', 'ctrl+p'], description: 'Move up', scope: 'picker' },
  { id: 'picker.down', keys: ['down', 'ctrl+n'], description: 'Move down', scope: 'picker' },
  { id: 'picker.select', keys: ['enter'], description: 'Use this namespace (and keep it as a favourite)', scope: 'picker', hint: 'select' },
  { id: 'picker.cancel', keys: ['esc'], description: 'Close the picker', scope: 'picker', hint: 'cancel' },
  ...ACTION_BINDINGS,
  ...METRICS_BINDINGS,
  ...DESCRIBE_BINDINGS,
  ...LOG_BINDINGS,
  ...LIST_BINDINGS,
];

export const SCOPE_TITLES: Record<Scope, string> = {
  any: 'Everywhere',
  global: 'General',
  pane: 'Table',
  input: 'Command and filter line',
  help: 'Help',
  picker: 'Namespace picker',
  metrics: 'Metrics view',
  prom: 'Prometheus list (:prom)',
  action: 'Actions',
  prompt: 'Action prompt and expose form',
  confirm: 'Confirmation',
  journal: 'Journal',
  describe: 'Describe and YAML view',
  logs: 'Log view',
  list: 'Lists (:api-resources, :ctx, :pf)',
  forwards: 'Port-forwards (:pf)',
};

let active: readonly Binding[] = BINDINGS;

/** The bindings in force: BINDINGS with the config's `keys` applied (see keys/overrides.ts). */
export function activeBindings(): readonly Binding[] {
  return active;
}

/** Set once at startup (and by tests, which restore BINDINGS afterwards). */
export function setActiveBindings(bindings: readonly Binding[]): void {
  active = bindings;
}
