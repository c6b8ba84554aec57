// StatefulSets, as `kubectl get statefulsets -o wide`.
import { age } from './age.js';
import { containerCells, type PodTemplate } from './cells.js';
import { AGE_COLUMN, CONTAINER_COLUMNS, NAME_COLUMN, PRIORITY } from './columns.js';
import { makeRow, startCells, unlessDeleting } from './row.js';
import type { LabelSelector } from './selector.js';
import type { KubeObject } from '../kube/types.js';
import type { Renderer } from './types.js';

interface StatefulSetShape {
  spec?: { replicas?: number; selector?: LabelSelector; template?: PodTemplate };
  status?: { readyReplicas?: number };
}

export const statefulsets: Renderer = {
  columns: [
    NAME_COLUMN,
    { name: 'READY', priority: PRIORITY.ready },
    AGE_COLUMN,
    ...CONTAINER_COLUMNS,
  ],
  render(obj: KubeObject, ctx) {
    const s = obj as unknown as StatefulSetShape;
    const desired = s.spec?.replicas ?? 1;
    const ready = s.status?.readyReplicas ?? 0;
    const readyCell = `${ready}/${desired}`;
    const [names, images] = containerCells(s.spec?.template?.spec?.containers);
    const cells = startCells(obj, ctx);
    cells.push(obj.metadata.name, readyCell, age(obj.metadata.creationTimestamp, ctx.now), names, images);
    return makeRow(obj, cells, unlessDeleting(obj, ready < desired ? 'warn' : 'ok'), readyCell);
  },
};
