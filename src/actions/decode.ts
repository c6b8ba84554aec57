// `x` on a Secret (k9s's key): its values decoded, which kt shows nowhere else. Read-only, so it
// stays with --readonly; on other kinds `x` is expose.
import { refuse, type ViewCommand } from './command.js';

export const decodeAction: ViewCommand<'decode'> = {
  id: 'decode',
  title: 'Decode',
  keys: ['x'],
  description: 'Secret: show its decoded values',
  hint: 'decode',
  appliesTo: (k) => Boolean(k.offers?.includes('decode')),
  mutating: false,
  needs: 'client',
  opens: 'view',
  open(t, spec) {
    if (!decodeAction.appliesTo(spec)) return refuse(`${spec.title.toLowerCase()} have nothing to decode; x decodes a Secret`, 'info');
    return { type: 'describeOpen', target: { kind: spec.id, namespace: t.namespace, name: t.name, decoded: true }, view: 'describe' };
  },
};
