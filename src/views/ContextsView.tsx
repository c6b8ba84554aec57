// `:ctx`: the kubeconfig's contexts with `kubectl config get-contexts`' columns (CURRENT marks the one
// kt is connected to); Enter switches to the one under the cursor, Esc closes.
import type { ContextChoice } from '../app/types.js';
import { ListOverlay, type OverlayProps } from './ListOverlay.js';

export interface ContextsViewProps extends OverlayProps {
  contexts: readonly ContextChoice[];
  current: string;
  onSelect(name: string): void;
}

const HEADERS = ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'] as const;

export function ContextsView(props: ContextsViewProps) {
  const { contexts, current, onSelect, ...list } = props;
  const rows = contexts.map((c) => ({ key: c.name, cells: [c.name === current ? '*' : '', c.name, c.cluster, c.authInfo, c.namespace] }));
  return (
    <ListOverlay
      {...list}
      title={`Contexts[${contexts.length}]: enter to switch, esc to close`}
      headers={HEADERS}
      rows={rows}
      onSelect={(i) => {
        const chosen = contexts[i];
        if (chosen) onSelect(chosen.name);
      }}
    />
  );
}
