// The keys of the text views, describe (`d` on a row) and YAML (`y`), as data: scrolling as less
// does, `/` search with n/N, `:w PATH` to save, Esc or q back to the table (k9s). While typing a
// search or command the `input` scope's keys apply.
import type { Binding } from './bindings.js';

export const DESCRIBE_BINDINGS: readonly Binding[] = [
  { id: 'describe.close', keys: ['esc', 'q'], description: 'Back to the table', scope: 'describe', hint: 'back' },
  { id: 'describe.search', keys: ['/'], description: 'Search (then n / N for the next / previous match)', scope: 'describe', hint: 'search' },
  { id: 'describe.next', keys: ['n'], description: 'Next match', scope: 'describe', hint: 'next' },
  { id: 'describe.prev', keys: ['N'], description: 'Previous match', scope: 'describe' },
  { id: 'describe.command', keys: [':'], description: 'Command: `:w PATH` writes the text shown to a file', scope: 'describe' },
  { id: 'describe.managedFields', keys: ['m'], description: 'YAML: show or hide managedFields (--show-managed-fields)', scope: 'describe' },
  { id: 'describe.wrap', keys: ['w'], description: 'Wrap long lines (again to cut them)', scope: 'describe', hint: 'wrap' },
  { id: 'describe.up', keys: ['k', 'up'], description: 'Scroll up', scope: 'describe' },
  { id: 'describe.down', keys: ['j', 'down'], description: 'Scroll down', scope: 'describe' },
  { id: 'describe.pageUp', keys: ['pgup', 'ctrl+b'], description: 'Page up', scope: 'describe' },
  { id: 'describe.pageDown', keys: ['pgdn', 'ctrl+f'], description: 'Page down', scope: 'describe' },
  { id: 'describe.top', keys: ['g', 'home'], description: 'Go to the top', scope: 'describe' },
  { id: 'describe.bottom', keys: ['G', 'end'], description: 'Go to the bottom', scope: 'describe' },
];
