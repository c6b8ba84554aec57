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

/** The rows as aligned text lines (kubectl's tabwriter: columns three spaces apart), headers first. */
export function apiResourceLines(rows: readonly ApiResourceRow[]): string[] {
  const widths = API_RESOURCES_HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i]?.length ?? 0)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd((widths[i] ?? 0) + 3))).join('');
  return [line(API_RESOURCES_HEADERS), ...rows.map((r) => line(r.cells))];
}
