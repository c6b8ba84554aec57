// `kubectl api-resources`' table, from the registry: NAME, SHORTNAMES, APIVERSION, NAMESPACED, KIND.
import { allKinds } from './registry.js';
import type { KindSpec } from './types.js';

export const API_RESOURCES_HEADERS = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'] as const;

export interface ApiResourceRow {
  id: string;
  cells: [string, string, string, string, string];
}

function row(spec: KindSpec): ApiResourceRow {
  const apiVersion = spec.group ? `${spec.group}/${spec.version}` : spec.version;
  return { id: spec.id, cells: [spec.plural, (spec.shortNames ?? []).join(','), apiVersion, spec.namespaced ? 'true' : 'false', spec.kind] };
}

/** One row per kind, in kubectl's order: by group (core first), then by name. */
export function apiResourceRows(kinds: readonly KindSpec[] = allKinds()): ApiResourceRow[] {
  return [...kinds]
    .sort((a, b) => (a.group === b.group ? 0 : a.group === '' ? -1 : b.group === '' ? 1 : a.group < b.group ? -1 : 1) || (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0))
    .map(row);
}
