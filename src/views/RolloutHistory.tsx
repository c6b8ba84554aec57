// `:rollout history NAME`: the Deployment's revisions with kubectl rollout history's columns
// (REVISION, CHANGE-CAUSE), from its ReplicaSets as the store watches them; the title names the
// current one. Enter rolls back to the revision under the cursor (its confirmation first).
import { useMemo } from 'react';
import { revisionsOf } from '../actions/rollout.js';
import type { ActionTarget } from '../actions/types.js';
import { useResource } from '../hooks/useResource.js';
import type { DataSource } from '../store/types.js';
import { ListOverlay, type OverlayProps } from './ListOverlay.js';

export interface RolloutHistoryProps extends OverlayProps {
  source: DataSource;
  deployment: { namespace: string; name: string };
  /** The ReplicaSet of the revision chosen. */
  onSelect(replicaSet: ActionTarget): void;
}

const HEADERS = ['REVISION', 'CHANGE-CAUSE'] as const;

export function RolloutHistory(props: RolloutHistoryProps) {
  const { source, deployment, onSelect, ...list } = props;
  const { namespace, name } = deployment;
  const deployments = useResource(source, { kind: 'deployments', namespace });
  const sets = useResource(source, { kind: 'replicasets', namespace });
  const object = deployments?.items.find((d) => d.metadata.name === name);
  const revisions = useMemo(() => (object ? revisionsOf(object, sets?.items ?? []) : []), [object, sets]);
  const current = object?.metadata.annotations?.['deployment.kubernetes.io/revision'];
  // Newest first, as one reads a history to go back.
  const rows = [...revisions].reverse().map((r) => ({
    key: r.replicaSet.metadata.name,
    cells: [String(r.revision), r.changeCause],
  }));
  const state = deployments?.status.state === 'live' && !object ? `: no deployment "${name}" in ${namespace}` : current ? ` (current: ${current})` : '';
  return (
    <ListOverlay
      {...list}
      title={`Rollout history of deployment.apps/${name} -n ${namespace}${state}: enter rolls back to a revision, esc closes`}
      headers={HEADERS}
      rows={rows}
      onSelect={(i) => {
        const rs = [...revisions].reverse()[i]?.replicaSet;
        if (rs) onSelect({ kind: 'replicasets', name: rs.metadata.name, namespace, object: rs });
      }}
    />
  );
}
