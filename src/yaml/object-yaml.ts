// One object's YAML as the `y` view shows it: fetched whole (the watch cache strips
// managedFields), managedFields left out unless asked for, as kubectl does without
// --show-managed-fields, and a Secret's values masked.
import type { KubeClient } from '../kube/client.js';
import { objectPath } from '../describe/describe-object.js';
import { findKind } from '../kinds/registry.js';
import type { KubeObject } from '../kube/types.js';
import { toKubectlYaml } from './kubectl-yaml.js';

export const SECRET_MASK = '********';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export interface YamlOptions {
  managedFields?: boolean;
}

export function objectUrl(kindId: string, namespace: string | undefined, name: string): string {
  const spec = findKind(kindId);
  if (!spec) throw new Error(`kt does not know the kind "${kindId}"`);
  return objectPath(spec, spec.namespaced ? namespace : undefined, name);
}

function maskValues(values: unknown): unknown {
  if (!values || typeof values !== 'object') return values;
  return Object.fromEntries(Object.keys(values).map((k) => [k, SECRET_MASK]));
}

/** A copy with a Secret's data, stringData and last-applied annotation masked; others as they are. */
export function masked(obj: KubeObject): KubeObject {
  if (obj.kind !== 'Secret') return obj;
  const out: KubeObject = { ...obj, metadata: { ...obj.metadata } };
  const record = out as unknown as Record<string, unknown>;
  for (const field of ['data', 'stringData']) if (record[field] !== undefined) record[field] = maskValues(record[field]);
  const annotations = obj.metadata.annotations;
  if (annotations?.[LAST_APPLIED] !== undefined) out.metadata.annotations = { ...annotations, [LAST_APPLIED]: SECRET_MASK };
  return out;
}

export function withoutManagedFields(obj: KubeObject): KubeObject {
  if (obj.metadata.managedFields === undefined) return obj;
  const { managedFields: _dropped, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

export function objectYaml(obj: KubeObject, options: YamlOptions = {}): string {
  return toKubectlYaml(masked(options.managedFields ? obj : withoutManagedFields(obj)));
}

export async function fetchObject(client: KubeClient, kindId: string, namespace: string | undefined, name: string): Promise<KubeObject> {
  return client.request<KubeObject>('GET', objectUrl(kindId, namespace, name));
}

/** A loader in useDescribe's shape: (client, kind, namespace, name) → text. */
export function yamlLoader(options: YamlOptions) {
  return async (client: KubeClient, kind: string, namespace: string | undefined, name: string): Promise<string> =>
    objectYaml(await fetchObject(client, kind, namespace, name), options);
}
