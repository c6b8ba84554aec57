// Objects and a mounted App for the action UI tests: a deployment, pods, tainted nodes, and an
// App with a fake client (or none, or --readonly).
import type { AppProps } from '../../../src/app/types.js';
import type { KubeObject } from '../../../src/kube/types.js';
import { FakeCluster } from '../fakes/fake-cluster.js';
import { node, pod } from '../views/objects.js';
import { mountApp } from '../views/harness.js';
import { FakeKube } from '../fakes/fake-kube.js';

const CREATED = new Date(Date.now() - 3_600_000).toISOString();

export function deployment(name: string, replicas = 2): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', uid: `default-${name}`, resourceVersion: '7', creationTimestamp: CREATED, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }] }] } },
    },
    status: { replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas },
  };
}

export function taintedNode(name: string, taints: { key: string; value?: string; effect: string }[] = []): KubeObject {
  const n = node(name);
  return { ...n, spec: { taints } };
}

export function seeded(): FakeCluster {
  const source = new FakeCluster();
  source.set({ kind: 'nodes' }, [taintedNode('node1', [{ key: 'seed', effect: 'NoSchedule' }]), taintedNode('node2')]);
  source.set({ kind: 'pods', namespace: 'default' }, [pod('web-1', 'default'), pod('web-2', 'default'), pod('web-3', 'default')]);
  source.set({ kind: 'deployments', namespace: 'default' }, [deployment('web', 2)]);
  return source;
}

export function mountWithClient(over: Partial<AppProps> = {}, client = new FakeKube()) {
  const app = mountApp({ source: seeded(), client, ...over });
  return { ...app, client };
}

/** Types a `:` command and Enter. */
export async function command(app: ReturnType<typeof mountApp>, text: string): Promise<void> {
  await app.press(':');
  await app.type(text);
  await app.press('\r');
}
