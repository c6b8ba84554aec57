// The pod the log and stream tests talk to: a namespace of its own, and pod "talker" with an init
// container and two containers (app serves port 80), Running on a kwok node with its own log files.
import { ensurePodLogs, type PodRef } from '../../sandbox/log-driver.js';
import type { KubeClient } from '../../src/kube/client.js';
import { eventually, stateDir } from './sandbox.js';

export const TALKER_CONTAINERS = ['setup', 'app', 'sidecar'];

/** Creates the namespace and the talker pod, waits until it runs, gives it its own logs. */
export async function createTalker(client: KubeClient, namespace: string): Promise<PodRef> {
  const pod = { namespace, name: 'talker' };
  await client.request('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  // The API server refuses a pod until the controller-manager gave the namespace its default ServiceAccount.
  const account = `/api/v1/namespaces/${namespace}/serviceaccounts/default`;
  await eventually(() => client.request('GET', account).then(() => true, () => false), 30_000, `${namespace}'s default service account`);
  await client.request('POST', `/api/v1/namespaces/${namespace}/pods`, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: pod.name },
    spec: {
      nodeSelector: { type: 'kwok' },
      initContainers: [{ name: 'setup', image: 'busybox' }],
      containers: [
        { name: 'app', image: 'nginx:1.19.1', ports: [{ name: 'http', containerPort: 80 }] },
        { name: 'sidecar', image: 'busybox' },
      ],
    },
  });
  const phase = async () => (await client.request<{ status?: { phase?: string } }>('GET', `/api/v1/namespaces/${namespace}/pods/${pod.name}`)).status?.phase;
  await eventually(async () => (await phase()) === 'Running', 60_000, 'the talker pod to run');
  const containers = await ensurePodLogs(client, stateDir, pod);
  if (containers.join() !== TALKER_CONTAINERS.join()) throw new Error(`talker has containers ${containers.join(', ')}`);
  return pod;
}
