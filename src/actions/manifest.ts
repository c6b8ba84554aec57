// Manifests for `:apply -f`: a file, or every .yaml/.yml/.json file of a directory (not its
// subdirectories, as kubectl without -R), of one or more documents; `kind: List` is opened up.
// Where each object lives comes from the API server's discovery, so any kind the server serves
// can be applied. Errors are one line in kubectl's words.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { KubeClient } from '../kube/client.js';
import type { KubeObject } from '../kube/types.js';
import { expandHome } from '../yaml/text-command.js';
import { parseDocuments } from '../yaml/parse.js';

export interface ManifestObject {
  object: KubeObject;
  /** The file it came from, for messages. */
  source: string;
}

export type Loaded = { ok: true; objects: ManifestObject[] } | { ok: false; error: string };

const EXTENSIONS = /\.(ya?ml|json)$/i;

export async function loadManifests(path: string): Promise<Loaded> {
  const full = expandHome(path);
  let files: string[];
  try {
    const info = await stat(full);
    files = info.isDirectory() ? (await readdir(full)).filter((f) => EXTENSIONS.test(f)).sort().map((f) => join(full, f)) : [full];
  } catch {
    return { ok: false, error: `error: the path "${path}" does not exist` };
  }
  if (files.length === 0) return { ok: false, error: `error: no objects passed to apply: "${path}" has no .yaml, .yml or .json file` };
  const objects: ManifestObject[] = [];
  for (const file of files) {
    const parsed = parseDocuments(await readFile(file, 'utf8'));
    if (!parsed.ok) return { ok: false, error: `error: error parsing ${file}: ${parsed.error}` };
    for (const doc of parsed.docs) {
      const obj = doc as KubeObject & { items?: unknown[] };
      if (!obj || typeof obj !== 'object' || Array.isArray(obj) || !obj.kind || !obj.apiVersion) {
        return { ok: false, error: `error: error validating "${file}": an object needs apiVersion and kind` };
      }
      const items = obj.kind.endsWith('List') && Array.isArray(obj.items) ? (obj.items as KubeObject[]) : [obj];
      for (const item of items) {
        if (!item.metadata?.name) return { ok: false, error: `error: error validating "${file}": a ${item.kind} without metadata.name` };
        objects.push({ object: item, source: file });
      }
    }
  }
  if (objects.length === 0) return { ok: false, error: `error: no objects passed to apply from "${path}"` };
  return { ok: true, objects };
}

export interface ResourceInfo {
  /** "deployments" */
  plural: string;
  namespaced: boolean;
  group: string;
  version: string;
}

interface ApiResourceList {
  resources?: { name: string; kind: string; namespaced: boolean }[];
}

/** Looks kinds up in discovery (/api/v1, /apis/GROUP/VERSION), once per group version. */
export function createResourceResolver(client: KubeClient) {
  const lists = new Map<string, Promise<ApiResourceList | undefined>>();
  return async (apiVersion: string, kind: string): Promise<ResourceInfo | undefined> => {
    const [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion];
    const path = group ? `/apis/${group}/${version}` : `/api/${version}`;
    let list = lists.get(path);
    if (!list) {
      list = client.request<ApiResourceList>('GET', path).catch(() => undefined);
      lists.set(path, list);
    }
    const found = (await list)?.resources?.find((r) => r.kind === kind && !r.name.includes('/'));
    return found ? { plural: found.name, namespaced: found.namespaced, group, version } : undefined;
  };
}

export function collectionPath(info: ResourceInfo, namespace: string | undefined): string {
  const base = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
  return info.namespaced ? `${base}/namespaces/${encodeURIComponent(namespace ?? 'default')}/${info.plural}` : `${base}/${info.plural}`;
}

/** kubectl's `deployment.apps/nginx-deployment`. */
export function refOf(kind: string, group: string, name: string): string {
  return `${kind.toLowerCase()}${group ? `.${group}` : ''}/${name}`;
}
