// describeObject: fetches an object, its events and what kubectl shows beside it (a node's pods
// and lease, a workload's pods and ReplicaSets, a Service's EndpointSlices, a namespace's quotas),
// and renders the `kubectl describe` text.
import { KubeApiError, type KubeClient } from '../kube/client.js';
import { apiPath, findKind, type KindSpec } from '../kube/registry.js';
import type { KubeObject } from '../kube/types.js';
import { selectorString, type LabelSelector } from '../render/selector.js';
import { describeEvents, eventRef, searchEvents } from './events.js';
import { field } from './format.js';
import { describeGeneric } from './generic.js';
import { describeNamespace } from './namespace.js';
import { describeNode } from './node.js';
import { describePod } from './pod.js';
import { describeService } from './service.js';
import { describeStatefulSet } from './statefulset.js';
import { describeDaemonSet, describeDeployment, describeReplicaSet } from './workloads.js';
import { DescribeWriter } from './writer.js';

export function objectPath(spec: KindSpec, namespace: string | undefined, name: string): string {
  return `${apiPath(spec, spec.namespaced ? namespace : undefined)}/${encodeURIComponent(name)}`;
}

async function get(client: KubeClient, path: string): Promise<KubeObject> {
  return client.request<KubeObject>('GET', path);
}

/** Like Promise but never rejecting: an error comes back as the value. */
async function settle<T>(p: Promise<T>): Promise<T | Error> {
  try {
    return await p;
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

async function listOrEmpty(client: KubeClient, path: string, query?: Record<string, string>): Promise<KubeObject[]> {
  const result = await settle(client.list(path, query));
  return result instanceof Error ? [] : result.items;
}

/** Pods matching a workload's selector in its namespace ([] when it selects nothing). */
async function selectedPods(client: KubeClient, obj: KubeObject): Promise<KubeObject[]> {
  const sel = selectorString(field<LabelSelector>(obj, 'spec', 'selector'));
  if (sel === undefined || sel === null) return [];
  return (await client.list(`/api/v1/namespaces/${encodeURIComponent(obj.metadata.namespace ?? '')}/pods`, { labelSelector: sel })).items;
}

/** Events as kubectl finds them; a node's are searched by its uid and by its name. */
async function eventsFor(client: KubeClient, spec: KindSpec, obj: KubeObject): Promise<KubeObject[] | undefined> {
  const ref = eventRef(obj, spec.id !== 'pods');
  if (spec.id === 'pods') {
    const mirror = obj.metadata.annotations?.['kubernetes.io/config.mirror'];
    if (mirror) ref.uid = mirror;
  }
  const [found, byName] = await Promise.all([
    settle(searchEvents(client, ref)),
    spec.id === 'nodes' ? settle(searchEvents(client, { ...ref, uid: obj.metadata.name })) : undefined,
  ]);
  if (found instanceof Error) return [];
  return byName === undefined || byName instanceof Error ? found : [...found, ...byName];
}

async function render(client: KubeClient, spec: KindSpec, obj: KubeObject, now: number): Promise<string> {
  const w = new DescribeWriter();
  const ns = obj.metadata.namespace ?? '';
  // kubectl's namespace describer shows no events; the others' are fetched beside the related data.
  const events = spec.id === 'namespaces' ? undefined : eventsFor(client, spec, obj);
  switch (spec.id) {
    case 'pods':
      describePod(w, obj, now);
      break;
    case 'nodes': {
      const fieldSelector = `spec.nodeName=${obj.metadata.name},status.phase!=Succeeded,status.phase!=Failed`;
      const [pods, lease] = await Promise.all([
        settle(client.list('/api/v1/pods', { fieldSelector })),
        settle(get(client, `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${encodeURIComponent(obj.metadata.name)}`)),
      ]);
      if (pods instanceof KubeApiError && pods.statusCode !== 403) throw pods;
      describeNode(w, obj, { lease, pods: pods instanceof Error ? 'forbidden' : pods.items }, now);
      break;
    }
    case 'daemonsets':
      describeDaemonSet(w, obj, await selectedPods(client, obj));
      break;
    case 'statefulsets':
      describeStatefulSet(w, obj, await selectedPods(client, obj));
      break;
    case 'replicasets':
      describeReplicaSet(w, obj, await settle(selectedPods(client, obj)));
      break;
    case 'deployments': {
      const sel = selectorString(field<LabelSelector>(obj, 'spec', 'selector'));
      const rsPath = `/apis/apps/v1/namespaces/${encodeURIComponent(ns)}/replicasets`;
      const list = sel ? await settle(client.list(rsPath, { labelSelector: sel })) : undefined;
      describeDeployment(w, obj, list === undefined || list instanceof Error ? undefined : list.items);
      break;
    }
    case 'services': {
      const slices = await listOrEmpty(client, `/apis/discovery.k8s.io/v1/namespaces/${encodeURIComponent(ns)}/endpointslices`, {
        labelSelector: `kubernetes.io/service-name=${obj.metadata.name}`,
      });
      describeService(w, obj, slices);
      break;
    }
    case 'namespaces': {
      const quotaPath = `/api/v1/namespaces/${encodeURIComponent(obj.metadata.name)}`;
      const [quotas, limits] = await Promise.all([
        settle(client.list(`${quotaPath}/resourcequotas`)),
        settle(client.list(`${quotaPath}/limitranges`)),
      ]);
      for (const r of [quotas, limits]) if (r instanceof KubeApiError && r.statusCode !== 404) throw r;
      describeNamespace(w, obj, quotas instanceof Error ? undefined : quotas.items, limits instanceof Error ? undefined : limits.items);
      break;
    }
    default:
      describeGeneric(w, obj);
  }
  if (events) describeEvents(w, await events, now);
  return w.toString();
}

/**
 * The `kubectl describe` text of one object. kindId is a registry id ("pods") or any name
 * findKind accepts. Throws the API's error when the object cannot be read.
 */
export async function describeObject(client: KubeClient, kindId: string, namespace: string | undefined, name: string, now?: number): Promise<string> {
  const spec = findKind(kindId);
  if (!spec) throw new Error(`unknown resource kind "${kindId}"`);
  const obj = await get(client, objectPath(spec, namespace, name));
  obj.kind ??= spec.kind;
  obj.apiVersion ??= spec.group ? `${spec.group}/${spec.version}` : spec.version;
  return render(client, spec, obj, now ?? Date.now());
}
