// Keys of the list overlays (`:api-resources`): move, open the row, close.
import type { Binding } from './bindings.js';

export const LIST_BINDINGS: readonly Binding[] = [
  { id: 'list.up', keys: ['k', 'up'], description: 'Move up', scope: 'list' },
  { id: 'list.down', keys: ['j', 'down'], description: 'Move down', scope: 'list' },
  { id: 'list.select', keys: ['enter'], description: 'Open the resource under the cursor', scope: 'list', hint: 'open' },
  { id: 'list.close', keys: ['esc', 'q'], description: 'Close the list', scope: 'list', hint: 'close' },
];
