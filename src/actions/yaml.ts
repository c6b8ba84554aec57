// `y`: the row's YAML (kubectl get -o yaml), live.
import { allows } from '../kinds/types.js';
import type { ViewCommand } from './command.js';

export const yamlAction: ViewCommand<'yaml'> = {
  id: 'yaml',
  title: 'YAML',
  keys: ['y'],
  description: 'YAML of the row (kubectl get -o yaml), live',
  hint: 'yaml',
  appliesTo: (k) => allows(k, 'get'),
  mutating: false,
  needs: 'client',
  opens: 'view',
  open: (t, spec) => ({ type: 'describeOpen', target: { kind: spec.id, namespace: t.namespace, name: t.name }, view: 'yaml' }),
};
