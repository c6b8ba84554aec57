// Deployments, as `kubectl get deployments -o wide`.
import { age } from './age.js';
import { containerCells, int, type PodTemplate } from './cells.js';
import { AGE_COLUMN, CONTAINER_COLUMNS, WORKLOAD_SELECTOR_COLUMN, NAME_COLUMN, PRIORITY } from './columns.js';
import { makeRow, startCells, unlessDeleting } from './row.js';
import { selectorString, type LabelSelector } from './selector.js';
import type { KubeObject } from '../kube/types.js';
import type { Renderer } from './types.js';

interface DeploymentShape {
  spec?: { replicas?: number; selector?: LabelSelector; template?: PodTemplate };
  status?: { updatedReplicas?: number; readyReplicas?: number; availableReplicas?: number };
}

export const deployments: Renderer = {
  columns: [
    NAME_COLUMN,
    { name: 'READY', priority: PRIORITY.ready },
    { name: 'UP-TO-DATE', align: 'right', priority: PRIORITY.medium },
    { name: 'AVAILABLE', align: 'right', priority: PRIORITY.high },
    AGE_COLUMN,
    ...CONTAINER_COLUMNS,
    WORKLOAD_SELECTOR_COLUMN,
  ],
  render(obj: KubeObject, ctx) {
    const d = obj as unknown as DeploymentShape;
    const desired = d.spec?.replicas ?? 1; // the API server defaults an absent count to 1
    const ready = d.status?.readyReplicas ?? 0;
    const available = d.status?.availableReplicas ?? 0;
    const readyCell = `${ready}/${desired}`;
    const [names, images] = containerCells(d.spec?.template?.spec?.containers);
    // kubectl prints this selector unformatted: "" when empty, "<invalid>" when it does not parse.
    const selector = selectorString(d.spec?.selector);
    const cells = startCells(obj, ctx);
    cells.push(
      obj.metadata.name,
      readyCell,
      int(d.status?.updatedReplicas),
      String(available),
      age(obj.metadata.creationTimestamp, ctx.now),
      names,
      images,
      selector === null ? '<invalid>' : (selector ?? ''),
    );
    const health = ready < desired || available < desired ? 'warn' : 'ok';
    return makeRow(obj, cells, unlessDeleting(obj, health), readyCell);
  },
};
