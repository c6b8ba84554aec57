// Rows from the server's Table format: kubectl's columns and cells as the server computed them
// (CRD printer columns included; priority > 0 are the -o wide ones). Ages are counted again from
// the creation time, so a live pane's AGE moves as kubectl's would on a fresh `get`.
import type { KubeObject } from '../kube/types.js';
import { tableCellsOf, type TableColumn } from '../kinds/server-table.js';
import { age } from './age.js';
import { NAME_COLUMN, PRIORITY } from './columns.js';
import { makeRow, startCells, unlessDeleting } from './row.js';
import type { Column, Renderer } from './types.js';

function column(def: TableColumn): Column {
  const name = def.name.toUpperCase();
  if (name === 'NAME') return NAME_COLUMN;
  const wide = (def.priority ?? 0) > 0;
  return { name, ...(wide ? { wide } : {}), priority: wide ? PRIORITY.wide : name === 'AGE' ? PRIORITY.age : PRIORITY.medium };
}

/** kubectl's printing of a cell: strings as they are, numbers and booleans with %v, nothing for null. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function isAge(def: TableColumn): boolean {
  return def.name.toLowerCase() === 'age';
}

function build(defs: readonly TableColumn[], clusterScoped: boolean): Renderer {
  const statusAt = defs.findIndex((d) => d.name.toLowerCase() === 'status');
  return {
    columns: defs.map(column),
    clusterScoped,
    render(obj: KubeObject, ctx) {
      const table = tableCellsOf(obj);
      const cells = startCells(obj, ctx, clusterScoped);
      defs.forEach((d, i) => {
        cells.push(isAge(d) && obj.metadata.creationTimestamp ? age(obj.metadata.creationTimestamp, ctx.now) : cellText(table?.cells[i]));
      });
      return makeRow(obj, cells, unlessDeleting(obj, 'ok'), statusAt >= 0 ? cellText(table?.cells[statusAt]) : '');
    },
  };
}

const cache = new WeakMap<readonly TableColumn[], { cluster?: Renderer; namespaced?: Renderer }>();
const NAME_ONLY: readonly TableColumn[] = [{ name: 'Name', type: 'string', format: 'name' }];

/** The renderer for rows listed with these column definitions (one per definition list). */
export function serverTableRenderer(sample: KubeObject | undefined, clusterScoped: boolean): Renderer {
  const defs = tableCellsOf(sample)?.columns ?? NAME_ONLY;
  let entry = cache.get(defs);
  if (!entry) cache.set(defs, (entry = {}));
  const slot = clusterScoped ? 'cluster' : 'namespaced';
  return (entry[slot] ??= build(defs, clusterScoped));
}
