// Assembles a Row: the optional NAMESPACE cell, the identity key and the sort values.
import { parseTime } from './age.js';
import type { KubeObject } from '../kube/types.js';
import type { Health, RenderContext, Row } from './types.js';

/** The cell array to fill: starts with the namespace in all-namespaces mode for namespaced kinds. */
export function startCells(obj: KubeObject, ctx: RenderContext, clusterScoped = false): string[] {
  return ctx.allNamespaces && !clusterScoped ? [obj.metadata.namespace ?? ''] : [];
}

/** `deleting` once the object has a deletionTimestamp, else the given health. */
export function unlessDeleting(obj: KubeObject, health: Health): Health {
  return obj.metadata.deletionTimestamp ? 'deleting' : health;
}

/**
 * Finishes a row. `ageMs` defaults to the time since creation (0 when unknown); events pass the
 * time since last seen.
 */
export function makeRow(
  obj: KubeObject,
  ctx: RenderContext,
  cells: string[],
  health: Health,
  status: string,
  ageMs?: number,
): Row {
  const meta = obj.metadata;
  const namespace = meta.namespace ?? '';
  let ms = ageMs;
  if (ms === undefined) {
    const created = parseTime(meta.creationTimestamp);
    ms = Number.isNaN(created) ? 0 : ctx.now - created;
  }
  return {
    key: namespace ? `${namespace}/${meta.name}` : meta.name,
    cells,
    health,
    sort: { name: meta.name, namespace, ageMs: ms, status },
  };
}
