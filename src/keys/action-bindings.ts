// The keys of the mutating actions and of their prompts, dialogs and journal, as data.
// Keys follow k9s where it has one (ctrl-d delete, s scale, space mark, ctrl-\ clear marks).
import type { Binding } from './bindings.js';

export const ACTION_BINDINGS: readonly Binding[] = [
  { id: 'action.delete', keys: ['ctrl+d'], description: 'Delete the marked rows, else the cursor row', scope: 'action', hint: 'delete' },
  { id: 'action.edit', keys: ['e'], description: 'Edit in $KUBE_EDITOR, $EDITOR or vi (kubectl edit)', scope: 'action', hint: 'edit' },
  // `s` is scale on workloads and a shell on pods, as in k9s: a key shared by actions goes to the one the kind takes.
  { id: 'action.scale', keys: ['s'], description: 'Scale (kinds with a scale subresource: deploy, rs, sts, rc, CRDs)', scope: 'action', hint: 'scale' },
  { id: 'action.shell', keys: ['s'], description: 'Shell in the pod’s container (bash, else sh; the config’s shell.command)', scope: 'action', hint: 'shell' },
  { id: 'action.label', keys: ['L'], description: 'Label: key=value … to set, key- to remove', scope: 'action', hint: 'label' },
  { id: 'action.taint', keys: ['T'], description: 'Taint nodes: k=v:Effect …, k:Effect-, k-', scope: 'action', hint: 'taint' },
  { id: 'action.expose', keys: ['x'], description: 'Expose as a Service (deploy, rs, rc, pod, svc); on a Secret: show its decoded values', scope: 'action', hint: 'expose' },
  { id: 'action.attach', keys: ['a'], description: 'Attach to the container (Ctrl-P Ctrl-Q detaches)', scope: 'action', hint: 'attach' },
  { id: 'action.portForward', keys: ['F'], description: 'Port-forward to the pod, or to a ready pod of the Service or Deployment', scope: 'action', hint: 'port-forward' },
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
