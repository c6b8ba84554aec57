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

/** An unknown time sorts as the youngest, not as the oldest an age of 0 would make it. */
const UNKNOWN_SINCE = Number.MAX_SAFE_INTEGER;

/**
 * Finishes a row. `since` (epoch ms the age counts from) defaults to the creation time; events pass
 * their last seen. NaN (unknown) sorts as the youngest.
 */
export function makeRow(
  obj: KubeObject,
  cells: string[],
  health: Health,
  status: string,
  since: number = parseTime(obj.metadata.creationTimestamp),
): Row {
  const meta = obj.metadata;
  const namespace = meta.namespace ?? '';
  return {
    key: namespace ? `${namespace}/${meta.name}` : meta.name,
    cells,
    health,
    sort: { name: meta.name, namespace, since: Number.isNaN(since) ? UNKNOWN_SINCE : since, status },
  };
}
