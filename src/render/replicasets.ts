// ReplicaSets, as `kubectl get replicasets -o wide`.
import { age } from './age.js';
import { containerCells, type PodTemplate } from './cells.js';
import { AGE_COLUMN, CONTAINER_COLUMNS, WORKLOAD_SELECTOR_COLUMN, NAME_COLUMN, PRIORITY } from './columns.js';
import { makeRow, startCells, unlessDeleting } from './row.js';
import { formatSelector, type LabelSelector } from './selector.js';
import type { KubeObject } from '../kube/types.js';
import type { Renderer } from './types.js';

interface ReplicaSetShape {
  spec?: { replicas?: number; selector?: LabelSelector; template?: PodTemplate };
  status?: { replicas?: number; readyReplicas?: number };
}

export const replicasets: Renderer = {
  columns: [
    NAME_COLUMN,
    { name: 'DESIRED', align: 'right', priority: PRIORITY.high },
    { name: 'CURRENT', align: 'right', priority: PRIORITY.medium },
    { name: 'READY', align: 'right', priority: PRIORITY.ready },
    AGE_COLUMN,
    ...CONTAINER_COLUMNS,
    WORKLOAD_SELECTOR_COLUMN,
  ],
  render(obj: KubeObject, ctx) {
    const rs = obj as unknown as ReplicaSetShape;
    const desired = rs.spec?.replicas ?? 1;
    const current = rs.status?.replicas ?? 0;
    const ready = rs.status?.readyReplicas ?? 0;
    const [names, images] = containerCells(rs.spec?.template?.spec?.containers);
    const cells = startCells(obj, ctx);
    cells.push(
      obj.metadata.name,
      String(desired),
      String(current),
      String(ready),
      age(obj.metadata.creationTimestamp, ctx.now),
      names,
      images,
      formatSelector(rs.spec?.selector),
    );
    const health = ready < desired || current !== desired ? 'warn' : 'ok';
    return makeRow(obj, cells, unlessDeleting(obj, health), `${ready}/${desired}`);
  },
};
