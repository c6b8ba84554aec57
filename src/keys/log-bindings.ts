// The keys of the log view (`l` on a pod or workload, an action: src/actions/logs.ts), as data;
// k9s's where they have them. While
// typing a search, filter or `:w PATH` the `input` scope's keys apply; the container picker
// takes the `picker` scope's.
import type { Binding } from './bindings.js';

export type LogCommandId =
  | 'logs.close'
  | 'logs.search'
  | 'logs.next'
  | 'logs.prev'
  | 'logs.filter'
  | 'logs.timestamps'
  | 'logs.wrap'
  | 'logs.range'
  | 'logs.previous'
  | 'logs.container'
  | 'logs.command'
  | 'logs.up'
  | 'logs.down'
  | 'logs.pageUp'
  | 'logs.pageDown'
  | 'logs.top'
  | 'logs.bottom';

export const LOG_BINDINGS: readonly Binding[] = [
  { id: 'logs.close', keys: ['esc', 'q'], description: 'Clear the filter or search, else back to the table', scope: 'logs', hint: 'back' },
  { id: 'logs.bottom', keys: ['G', 'end'], description: 'Go to the newest line and follow again', scope: 'logs', hint: 'follow' },
  { id: 'logs.search', keys: ['/'], description: 'Search (then n / N for the next / previous match)', scope: 'logs', hint: 'search' },
  { id: 'logs.next', keys: ['n'], description: 'Next match', scope: 'logs' },
  { id: 'logs.prev', keys: ['N'], description: 'Previous match', scope: 'logs' },
  { id: 'logs.filter', keys: ['f', '&'], description: 'Show only matching lines (regex; !text inverts); empty clears', scope: 'logs', hint: 'filter' },
  { id: 'logs.timestamps', keys: ['t'], description: 'Timestamps on and off', scope: 'logs', hint: 'time' },
  { id: 'logs.wrap', keys: ['w'], description: 'Wrap long lines (again to cut them)', scope: 'logs', hint: 'wrap' },
  { id: 'logs.range', keys: ['1', '2', '3', '4', '5'], description: 'Since 1m, 5m, 15m, 1h, or all (the default is the tail)', scope: 'logs', hint: 'since' },
  { id: 'logs.previous', keys: ['p'], description: 'The previous container’s logs, and back', scope: 'logs', hint: 'previous' },
  { id: 'logs.container', keys: ['c'], description: 'Choose the container', scope: 'logs' },
  { id: 'logs.command', keys: [':'], description: ':w PATH saves the kept lines to a file', scope: 'logs', hint: 'save' },
  { id: 'logs.up', keys: ['k', 'up'], description: 'Scroll up (pauses following)', scope: 'logs' },
  { id: 'logs.down', keys: ['j', 'down'], description: 'Scroll down', scope: 'logs' },
  { id: 'logs.pageUp', keys: ['pgup', 'ctrl+b'], description: 'Page up', scope: 'logs' },
  { id: 'logs.pageDown', keys: ['pgdn', 'ctrl+f'], description: 'Page down', scope: 'logs' },
  { id: 'logs.top', keys: ['g', 'home'], description: 'Go to the oldest kept line', scope: 'logs' },
];

