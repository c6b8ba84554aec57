// What the API server serves, as kubectl learns it: aggregated discovery (one request each for
// /api and /apis, Kubernetes ≥ 1.26), else the per-group lists. The result is plain data (it is
// cached on disk) and turns into the registry's KindSpecs.
import type { KubeClient } from '../kube/client.js';
import type { KindSpec } from './types.js';

/** One resource as discovery describes it, at its group's preferred version. */
export interface DiscoveredResource {
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames: string[];
  categories: string[];
  subresources: string[];
}

/** kubectl's Accept for aggregated discovery (with the plain lists as the server's fallback answer). */
export const AGGREGATED_ACCEPT = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';

interface AggregatedResource {
  resource: string;
  responseKind?: { kind?: string };
  scope?: string;
  singularResource?: string;
  verbs?: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: { subresource: string }[];
}

interface AggregatedList {
  kind?: string;
  items?: { metadata?: { name?: string }; versions?: { version: string; resources?: AggregatedResource[] }[] }[];
}

interface ResourceList {
  resources?: { name: string; singularName?: string; namespaced?: boolean; kind: string; verbs?: string[]; shortNames?: string[]; categories?: string[] }[];
}

/** Resources of an aggregated list at each group's preferred (first) version. */
export function fromAggregated(list: AggregatedList): DiscoveredResource[] {
  const out: DiscoveredResource[] = [];
  for (const item of list.items ?? []) {
    const group = item.metadata?.name ?? '';
    const preferred = item.versions?.[0];
    if (!preferred) continue;
    for (const r of preferred.resources ?? []) {
      out.push({
        group,
        version: preferred.version,
        plural: r.resource,
        singular: r.singularResource ?? '',
        kind: r.responseKind?.kind ?? '',
        namespaced: r.scope === 'Namespaced',
        verbs: r.verbs ?? [],
        shortNames: r.shortNames ?? [],
        categories: r.categories ?? [],
        subresources: (r.subresources ?? []).map((s) => s.subresource),
      });
    }
  }
  return out;
}

/** Resources of one group version's APIResourceList; "pods/log" entries become subresources. */
export function fromResourceList(group: string, version: string, list: ResourceList): DiscoveredResource[] {
  const byPlural = new Map<string, DiscoveredResource>();
  const subs: [string, string][] = [];
  for (const r of list.resources ?? []) {
    const slash = r.name.indexOf('/');
    if (slash >= 0) {
      subs.push([r.name.slice(0, slash), r.name.slice(slash + 1)]);
      continue;
    }
    byPlural.set(r.name, {
      group,
      version,
      plural: r.name,
      singular: r.singularName || r.kind.toLowerCase(),
      kind: r.kind,
      namespaced: Boolean(r.namespaced),
      verbs: r.verbs ?? [],
      shortNames: r.shortNames ?? [],
      categories: r.categories ?? [],
      subresources: [],
    });
  }
  for (const [plural, sub] of subs) byPlural.get(plural)?.subresources.push(sub);
  return [...byPlural.values()];
}

function isAggregated(body: unknown): body is AggregatedList {
  return Boolean(body && typeof body === 'object' && (body as AggregatedList).kind === 'APIGroupDiscoveryList');
}

/** The per-group lists, for servers without aggregated discovery. Groups that fail are left out (as kubectl warns and goes on). */
async function legacy(client: KubeClient): Promise<DiscoveredResource[]> {
  const core = await client.request<ResourceList>('GET', '/api/v1');
  const groups = await client.request<{ groups?: { name: string; preferredVersion?: { version: string } }[] }>('GET', '/apis');
  const lists = await Promise.all(
    (groups.groups ?? []).map(async (g) => {
      const version = g.preferredVersion?.version;
      if (!version) return [];
      try {
        return fromResourceList(g.name, version, await client.request<ResourceList>('GET', `/apis/${g.name}/${version}`));
      } catch {
        return [];
      }
    }),
  );
  return [...fromResourceList('', 'v1', core), ...lists.flat()];
}

/**
 * Every resource the server serves. `client` must send AGGREGATED_ACCEPT; a server without
 * aggregated discovery answers with the plain lists, and kt then walks the groups.
 */
export async function discoverResources(client: KubeClient): Promise<DiscoveredResource[]> {
  const [core, groups] = await Promise.all([client.request<unknown>('GET', '/api'), client.request<unknown>('GET', '/apis')]);
  if (isAggregated(core) && isAggregated(groups)) return [...fromAggregated(core), ...fromAggregated(groups)];
  return legacy(client);
}

/** The registry id of a discovered resource: its plural, qualified by its group outside the core group. */
export function discoveredId(r: Pick<DiscoveredResource, 'group' | 'plural'>): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

/** "Prometheuses", "Ingresses", "NetworkPolicies": the kind in the plural, for pane titles. */
export function pluralTitle(kind: string, plural: string): string {
  const lower = kind.toLowerCase();
  if (plural.startsWith(lower)) return kind + plural.slice(lower.length);
  if (lower.endsWith('y') && plural.startsWith(lower.slice(0, -1))) return kind.slice(0, -1) + plural.slice(lower.length - 1);
  return kind || plural;
}

/** A KindSpec from discovery alone: the server's Table gives its columns, the generic describer its text. */
export function specFromDiscovery(r: DiscoveredResource): KindSpec {
  return {
    id: discoveredId(r),
    title: pluralTitle(r.kind, r.plural),
    kind: r.kind,
    aliases: [r.singular, ...r.shortNames].filter(Boolean),
    group: r.group,
    version: r.version,
    plural: r.plural,
    namespaced: r.namespaced,
    verbs: r.verbs,
    subresources: r.subresources,
    categories: r.categories,
    shortNames: r.shortNames,
  };
}
