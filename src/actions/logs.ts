// `l`: the pod's logs, or the merged logs of a workload's or Service's pods (follow); `p`: the
// previous (restarted) container's. What `kubectl logs` needs: get pods/log.
import { hasLogs, logsTargetFor } from '../logs/log-kinds.js';
import type { KindSpec } from '../kinds/types.js';
import { refuse, type AccessNeed, type ViewCommand } from './command.js';
import type { ActionTarget } from './types.js';

const access: AccessNeed = { verb: 'get', resource: 'pods', subresource: 'log' };

function open(target: ActionTarget, spec: KindSpec, previous: boolean) {
  const opened = logsTargetFor(spec, target.object, previous);
  return typeof opened === 'string' ? refuse(opened, 'info') : ({ type: 'logsOpen', target: opened } as const);
}

export const logsAction: ViewCommand<'logs'> = {
  id: 'logs',
  title: 'Logs',
  keys: ['l'],
  description: 'Logs of the pod, or merged logs of the workload’s pods (follow)',
  hint: 'logs',
  appliesTo: hasLogs,
  mutating: false,
  access,
  needs: 'streams',
  opens: 'view',
  open: (t, spec) => open(t, spec, false),
};

export const previousLogsAction: ViewCommand<'previousLogs'> = {
  id: 'previousLogs',
  title: 'Previous logs',
  keys: ['p'],
  description: 'Logs of the previous (restarted) container',
  appliesTo: hasLogs,
  mutating: false,
  access,
  needs: 'streams',
  opens: 'view',
  open: (t, spec) => open(t, spec, true),
};
