// describeObject: fetches an object and renders its `kubectl describe` text through its kind's
// describer (kubectl's generic layout for a kind without one), then the Events section.
import type { KubeClient } from '../kube/client.js';
import { apiPath, findKind } from '../kinds/registry.js';
import type { Describer, KindSpec } from '../kinds/types.js';
import type { KubeObject } from '../kube/types.js';
import { describeEvents, eventRef, searchEvents } from './events.js';
import { describeGeneric } from './generic.js';
import { settle } from './settle.js';
import { DescribeWriter } from './writer.js';

const genericDescriber: Describer = {
  async body(w, obj) {
    describeGeneric(w, obj);
  },
};

/** Events as kubectl finds them for most kinds: by the involved object's name, namespace, uid and kind. */
async function involvedEvents(client: KubeClient, obj: KubeObject): Promise<KubeObject[]> {
  const found = await settle(searchEvents(client, eventRef(obj, true)));
  return found instanceof Error ? [] : found;
}

export function objectPath(spec: KindSpec, namespace: string | undefined, name: string): string {
  return `${apiPath(spec, spec.namespaced ? namespace : undefined)}/${encodeURIComponent(name)}`;
}

async function render(client: KubeClient, spec: KindSpec, obj: KubeObject, now: number): Promise<string> {
  const describer = spec.describer ?? genericDescriber;
  const w = new DescribeWriter();
  const source = describer.events ?? involvedEvents;
  // Fetched beside the describer's own related data.
  const events = source === 'none' ? undefined : source(client, obj);
  await describer.body(w, obj, client, now);
  if (events) describeEvents(w, await events, now);
  return w.toString();
}

/**
 * The `kubectl describe` text of one object. kindId is a registry id ("pods") or any name
 * findKind accepts. Throws the API's error when the object cannot be read. `decoded`: the kind's
 * decoded view instead (a Secret's values, only when the user asked with `x`).
 */
export async function describeObject(
  client: KubeClient,
  kindId: string,
  namespace: string | undefined,
  name: string,
  now?: number,
  options: { decoded?: boolean } = {},
): Promise<string> {
  const spec = findKind(kindId);
  if (!spec) throw new Error(`unknown resource kind "${kindId}"`);
  const decoded = options.decoded ? spec.describer?.decoded : undefined;
  if (options.decoded && !decoded) throw new Error(`${spec.id} have no values to decode`);
  const obj = await client.request<KubeObject>('GET', objectPath(spec, namespace, name));
  obj.kind ??= spec.kind;
  obj.apiVersion ??= spec.group ? `${spec.group}/${spec.version}` : spec.version;
  return decoded ? decoded(obj) : render(client, spec, obj, now ?? Date.now());
}
