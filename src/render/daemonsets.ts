// DaemonSets, as `kubectl get daemonsets -o wide`.
import { age } from './age.js';
import { containerCells, type PodTemplate } from './cells.js';
import { AGE_COLUMN, CONTAINER_COLUMNS, WORKLOAD_SELECTOR_COLUMN, NAME_COLUMN, PRIORITY } from './columns.js';
import { makeRow, startCells, unlessDeleting } from './row.js';
import { formatLabels, formatSelector, type LabelSelector } from './selector.js';
import type { KubeObject } from '../kube/types.js';
import type { Renderer } from './types.js';

interface DaemonSetShape {
  spec?: { selector?: LabelSelector; template?: PodTemplate };
  status?: {
    desiredNumberScheduled?: number;
    currentNumberScheduled?: number;
    numberReady?: number;
    updatedNumberScheduled?: number;
    numberAvailable?: number;
  };
}

export const daemonsets: Renderer = {
  columns: [
    NAME_COLUMN,
    { name: 'DESIRED', align: 'right', priority: PRIORITY.high },
    { name: 'CURRENT', align: 'right', priority: PRIORITY.medium },
    { name: 'READY', align: 'right', priority: PRIORITY.ready },
    { name: 'UP-TO-DATE', align: 'right', priority: PRIORITY.low },
    { name: 'AVAILABLE', align: 'right', priority: PRIORITY.medium },
    { name: 'NODE SELECTOR', priority: PRIORITY.low - 5 },
    AGE_COLUMN,
    ...CONTAINER_COLUMNS,
    WORKLOAD_SELECTOR_COLUMN,
  ],
  render(obj: KubeObject, ctx) {
    const ds = obj as unknown as DaemonSetShape;
    const st = ds.status ?? {};
    const desired = st.desiredNumberScheduled ?? 0;
    const ready = st.numberReady ?? 0;
    const available = st.numberAvailable ?? 0;
    const template = ds.spec?.template?.spec;
    const [names, images] = containerCells(template?.containers);
    const cells = startCells(obj, ctx);
    cells.push(
      obj.metadata.name,
      String(desired),
      String(st.currentNumberScheduled ?? 0),
      String(ready),
      String(st.updatedNumberScheduled ?? 0),
      String(available),
      formatLabels(template?.nodeSelector),
      age(obj.metadata.creationTimestamp, ctx.now),
      names,
      images,
      formatSelector(ds.spec?.selector),
    );
    const health = ready < desired || available < desired ? 'warn' : 'ok';
    return makeRow(obj, cells, unlessDeleting(obj, health), `${ready}/${desired}`);
  },
};
