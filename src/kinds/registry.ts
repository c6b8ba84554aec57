// THE registry of resource kinds: the hand-written specs (builtin.ts) and, once discovery has
// run, every other resource the API server serves. Lookups accept every name kubectl accepts.
import { BUILTIN_KINDS, OVERLAYS, type BuiltinKind } from './builtin.js';
import type { KindSpec } from './types.js';

export type { DrillTarget, KindSpec } from './types.js';
export type { BuiltinKind } from './builtin.js';

/** The hand-written kinds, always known (also before and without discovery). */
export const KINDS: readonly BuiltinKind[] = BUILTIN_KINDS;

type Listener = () => void;

/** Kinds by every name they answer to; rebuilt when discovery brings new kinds. */
class KindRegistry {
  private all: readonly KindSpec[] = KINDS;
  private byName = new Map<string, KindSpec>();
  private byId = new Map<string, KindSpec>();
  private readonly listeners = new Set<Listener>();
  private version = 0;
  /** No session (tests, before connecting) has nothing to wait for. */
  private serverAnswered = true;

  constructor() {
    this.index();
  }

  /**
   * Replaces the discovered kinds, in the server's order (core first, as kubectl lists them). A
   * hand-written spec keeps its renderer, describer and drill, and takes the server's verbs,
   * subresources and names; one the server does not serve stays listed first.
   */
  setDiscovered(discovered: readonly KindSpec[]): void {
    const builtin = new Map<string, KindSpec>(KINDS.map((k) => [`${k.group}/${k.plural}`, k]));
    const merged: KindSpec[] = [];
    for (const found of discovered) {
      const overlay = OVERLAYS[`${found.group}/${found.plural}`];
      const d = overlay ? { ...found, ...overlay, aliases: union(found.aliases, overlay.aliases ?? []) } : found;
      const own = builtin.get(`${d.group}/${d.plural}`);
      builtin.delete(`${d.group}/${d.plural}`);
      if (!own) merged.push(d);
      else merged.push({ ...own, version: d.version, verbs: d.verbs, subresources: d.subresources, aliases: union(own.aliases, d.aliases), shortNames: d.shortNames, categories: d.categories });
    }
    this.all = [...builtin.values(), ...merged];
    this.index();
    this.version++;
    for (const l of this.listeners) l();
  }

  /** A new connection: none of the last cluster's kinds, and its server has not answered yet. */
  beginSession(): void {
    this.serverAnswered = false;
    this.setDiscovered([]);
  }

  /** This session's server answered discovery (or failed to): a name unknown now is unknown. */
  markAnswered(): void {
    if (this.serverAnswered) return;
    this.serverAnswered = true;
    for (const l of this.listeners) l();
  }

  get answered(): boolean {
    return this.serverAnswered;
  }

  list(): readonly KindSpec[] {
    return this.all;
  }

  get revision(): number {
    return this.version;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  find(nameOrAlias: string): KindSpec | undefined {
    const name = nameOrAlias.trim().toLowerCase();
    if (!name) return undefined;
    const found = this.byId.get(name) ?? this.byName.get(name);
    return found ?? this.qualified(name);
  }

  /** "deployments.apps", "deploy.v1.apps", "servicemonitors.monitoring.coreos.com", "Prometheus.monitoring.coreos.com". */
  private qualified(name: string): KindSpec | undefined {
    for (let dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
      const head = name.slice(0, dot);
      const qualifier = name.slice(dot + 1);
      for (const spec of this.all) {
        if (!spec.group || !answersTo(spec, head)) continue;
        if (qualifier === spec.group || qualifier === `${spec.version}.${spec.group}`) return spec;
      }
    }
    return undefined;
  }

  private index(): void {
    this.byName = new Map();
    this.byId = new Map(this.all.map((k) => [k.id, k]));
    // Earlier kinds win a shared name, as kubectl prefers the core and built-in groups.
    for (const spec of this.all) {
      for (const name of names(spec)) if (!this.byName.has(name)) this.byName.set(name, spec);
    }
  }
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function names(spec: KindSpec): string[] {
  return [spec.plural, spec.kind, ...spec.aliases].map((n) => n.toLowerCase());
}

function answersTo(spec: KindSpec, name: string): boolean {
  return names(spec).includes(name);
}

export const registry = new KindRegistry();

/**
 * The kind for a name as kubectl accepts it, case-insensitive: plural, singular, short name
 * ("po", "deploy", "sts", …), optionally qualified by group ("deployments.apps",
 * "deploy.v1.apps"). undefined when unknown.
 */
export function findKind(nameOrAlias: string): KindSpec | undefined {
  return registry.find(nameOrAlias);
}

/** Every kind known now: the hand-written ones, then the discovered ones. */
export function allKinds(): readonly KindSpec[] {
  return registry.list();
}

/** The collection's REST path: "/api/v1/pods", "/apis/apps/v1/namespaces/x/daemonsets". */
export function apiPath(spec: Pick<KindSpec, 'group' | 'version' | 'plural' | 'namespaced'>, namespace?: string): string {
  const base = spec.group ? `/apis/${spec.group}/${spec.version}` : `/api/${spec.version}`;
  if (spec.namespaced && namespace) return `${base}/namespaces/${encodeURIComponent(namespace)}/${spec.plural}`;
  return `${base}/${spec.plural}`;
}
