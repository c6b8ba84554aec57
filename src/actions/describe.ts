// `d`: kubectl describe of the row, live (the describe view).
import { allows } from '../kinds/types.js';
import type { ViewCommand } from './command.js';

export const describeAction: ViewCommand<'describe'> = {
  id: 'describe',
  title: 'Describe',
  keys: ['d'],
  description: 'Describe the row (kubectl describe), live',
  hint: 'describe',
  appliesTo: (k) => allows(k, 'get'),
  mutating: false,
  needs: 'client',
  opens: 'view',
  open: (t, spec) => ({ type: 'describeOpen', target: { kind: spec.id, namespace: t.namespace, name: t.name }, view: 'describe' }),
};
