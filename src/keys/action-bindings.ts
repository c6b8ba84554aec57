// The keys of the row actions (from their command files, src/actions/index.ts) and of their
// prompts, dialogs and journal, as data. Keys follow k9s where it has one (ctrl-d delete, s scale,
// space mark, ctrl-\ clear marks). Two actions may share a key when no kind takes both (the kind
// decides: x exposes, and decodes a Secret). The footer hints of the actions come from
// hooks/useActions.ts (per kind, greyed where RBAC denies them), so these carry none.
import { ACTION_LIST, bindingIdOf } from '../actions/index.js';
import type { Binding } from './bindings.js';

export const ACTION_BINDINGS: readonly Binding[] = [
  // Mutating actions are off with --readonly (the `action` scope); views stay with the table's keys.
  ...ACTION_LIST.map((c): Binding => ({ id: bindingIdOf(c.id), keys: c.keys, description: c.description, scope: c.mutating ? 'action' : 'pane' })),
  { id: 'mark.toggle', keys: ['space'], description: 'Mark the row (delete, label, taint), move down', scope: 'action', hint: 'mark' },
  { id: 'mark.clear', keys: ['ctrl+\\'], description: 'Clear the marks in this view', scope: 'action' },

  { id: 'prompt.submit', keys: ['enter'], description: 'Apply', scope: 'prompt', hint: 'apply' },
  { id: 'prompt.cancel', keys: ['esc'], description: 'Cancel (nothing is sent)', scope: 'prompt', hint: 'cancel' },
  { id: 'prompt.delete', keys: ['backspace'], description: 'Delete a character', scope: 'prompt' },
  { id: 'prompt.next', keys: ['tab'], description: 'Next field (expose form)', scope: 'prompt' },
  { id: 'prompt.prev', keys: ['shift+tab'], description: 'Previous field (expose form)', scope: 'prompt' },
  { id: 'prompt.choiceNext', keys: ['right'], description: 'Next choice (protocol, type)', scope: 'prompt' },
  { id: 'prompt.choicePrev', keys: ['left'], description: 'Previous choice (protocol, type)', scope: 'prompt' },

  { id: 'confirm.yes', keys: ['y'], description: 'Confirm', scope: 'confirm', hint: 'confirm' },
  { id: 'confirm.no', keys: ['esc', 'n'], description: 'Cancel (so does any other key)', scope: 'confirm', hint: 'cancel' },
  { id: 'confirm.next', keys: ['tab'], description: 'Next field (grace period, force)', scope: 'confirm', hint: 'field' },
  { id: 'confirm.prev', keys: ['shift+tab'], description: 'Previous field', scope: 'confirm' },
  { id: 'confirm.toggle', keys: ['space'], description: 'Toggle force', scope: 'confirm' },
  { id: 'confirm.delete', keys: ['backspace'], description: 'Delete a digit of the grace period', scope: 'confirm' },

  { id: 'forwards.stop', keys: ['ctrl+d'], description: 'Stop the port-forward under the cursor', scope: 'forwards', hint: 'stop' },

  { id: 'journal.close', keys: ['esc', 'q'], description: 'Close the journal', scope: 'journal', hint: 'close' },
  { id: 'journal.up', keys: ['k', 'up'], description: 'Scroll up', scope: 'journal' },
  { id: 'journal.down', keys: ['j', 'down'], description: 'Scroll down', scope: 'journal' },
];
