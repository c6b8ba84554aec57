// Namespaces, as `kubectl get namespaces -o wide`.
import { age } from './age.js';
import { AGE_COLUMN, NAME_COLUMN, PRIORITY } from './columns.js';
import { makeRow, startCells } from './row.js';
import type { KubeObject } from '../kube/types.js';
import type { Health, Renderer } from './types.js';

interface NamespaceShape {
  status?: { phase?: string };
}

export const namespaces: Renderer = {
  clusterScoped: true,
  columns: [NAME_COLUMN, { name: 'STATUS', priority: PRIORITY.status }, AGE_COLUMN],
  render(obj: KubeObject, ctx) {
    const phase = (obj as unknown as NamespaceShape).status?.phase ?? '';
    const cells = startCells(obj, ctx, true);
    cells.push(obj.metadata.name, phase, age(obj.metadata.creationTimestamp, ctx.now));
    const health: Health = phase === 'Active' ? 'ok' : phase === 'Terminating' || obj.metadata.deletionTimestamp ? 'deleting' : 'warn';
    return makeRow(obj, cells, health, phase);
  },
};
