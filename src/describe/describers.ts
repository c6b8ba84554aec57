// The hand-written describers of the built-in kinds (kubectl's per-kind describers): each fetches
// what kubectl shows beside the object (a node's pods and lease, a workload's pods and ReplicaSets,
// a Service's EndpointSlices, a namespace's quotas) and writes the body. Specs in kinds/builtin.ts
// point at them; a kind without one gets the generic layout (describe-object.ts).
import { type KubeClient } from '../kube/client.js';
import { KubeApiError } from '../kube/api-errors.js';
import type { KubeObject } from '../kube/types.js';
import type { Describer } from '../kinds/types.js';
import { selectorString, type LabelSelector } from '../render/selector.js';
import { eventRef, searchEvents } from './events.js';
import { field } from './format.js';
import { describeNamespace } from './namespace.js';
import { describeNode } from './node.js';
import { describePod } from './pod.js';
import { decodedSecret, describeSecret } from './secret.js';
import { describeService } from './service.js';
import { describeStatefulSet } from './statefulset.js';
import { settle } from './settle.js';
import { describeDaemonSet, describeDeployment, describeReplicaSet } from './workloads.js';

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

/** A pod's events are searched without its kind, and a mirror pod's by its config's uid. */
async function podEvents(client: KubeClient, obj: KubeObject): Promise<KubeObject[]> {
  const ref = eventRef(obj, false);
  const mirror = obj.metadata.annotations?.['kubernetes.io/config.mirror'];
  if (mirror) ref.uid = mirror;
  const found = await settle(searchEvents(client, ref));
  return found instanceof Error ? [] : found;
}

/** A node's events are searched by its uid and by its name. */
async function nodeEvents(client: KubeClient, obj: KubeObject): Promise<KubeObject[]> {
  const ref = eventRef(obj, true);
  const [found, byName] = await Promise.all([settle(searchEvents(client, ref)), settle(searchEvents(client, { ...ref, uid: obj.metadata.name }))]);
  if (found instanceof Error) return [];
  return byName instanceof Error ? found : [...found, ...byName];
}

export const podDescriber: Describer = {
  async body(w, obj, _client, now) {
    describePod(w, obj, now);
  },
  events: podEvents,
};

export const nodeDescriber: Describer = {
  async body(w, obj, client, now) {
    const fieldSelector = `spec.nodeName=${obj.metadata.name},status.phase!=Succeeded,status.phase!=Failed`;
    const [pods, lease] = await Promise.all([
      settle(client.list('/api/v1/pods', { fieldSelector })),
      settle(client.request<KubeObject>('GET', `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${encodeURIComponent(obj.metadata.name)}`)),
    ]);
    if (pods instanceof KubeApiError && pods.statusCode !== 403) throw pods;
    describeNode(w, obj, { lease, pods: pods instanceof Error ? 'forbidden' : pods.items }, now);
  },
  events: nodeEvents,
};

export const daemonSetDescriber: Describer = {
  async body(w, obj, client) {
    describeDaemonSet(w, obj, await selectedPods(client, obj));
  },
};

export const statefulSetDescriber: Describer = {
  async body(w, obj, client) {
    describeStatefulSet(w, obj, await selectedPods(client, obj));
  },
};

export const replicaSetDescriber: Describer = {
  async body(w, obj, client) {
    describeReplicaSet(w, obj, await settle(selectedPods(client, obj)));
  },
};

export const deploymentDescriber: Describer = {
  async body(w, obj, client) {
    const sel = selectorString(field<LabelSelector>(obj, 'spec', 'selector'));
    const rsPath = `/apis/apps/v1/namespaces/${encodeURIComponent(obj.metadata.namespace ?? '')}/replicasets`;
    const list = sel ? await settle(client.list(rsPath, { labelSelector: sel })) : undefined;
    describeDeployment(w, obj, list === undefined || list instanceof Error ? undefined : list.items);
  },
};

export const serviceDescriber: Describer = {
  async body(w, obj, client) {
    const ns = encodeURIComponent(obj.metadata.namespace ?? '');
    const slices = await listOrEmpty(client, `/apis/discovery.k8s.io/v1/namespaces/${ns}/endpointslices`, {
      labelSelector: `kubernetes.io/service-name=${obj.metadata.name}`,
    });
    describeService(w, obj, slices);
  },
};

export const namespaceDescriber: Describer = {
  async body(w, obj, client) {
    const quotaPath = `/api/v1/namespaces/${encodeURIComponent(obj.metadata.name)}`;
    const [quotas, limits] = await Promise.all([settle(client.list(`${quotaPath}/resourcequotas`)), settle(client.list(`${quotaPath}/limitranges`))]);
    for (const r of [quotas, limits]) if (r instanceof KubeApiError && r.statusCode !== 404) throw r;
    describeNamespace(w, obj, quotas instanceof Error ? undefined : quotas.items, limits instanceof Error ? undefined : limits.items);
  },
  // kubectl's namespace describer shows no events.
  events: 'none',
};

export const secretDescriber: Describer = {
  async body(w, obj) {
    describeSecret(w, obj);
  },
  // kubectl's secret describer shows no events.
  events: 'none',
  decoded: decodedSecret,
};
