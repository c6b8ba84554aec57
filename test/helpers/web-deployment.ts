// The Deployment "web" (pods labelled app=web) that several end-to-end files drive kt around: one
// envelope, each file giving its replicas and its pod spec.
import type { KubeClient } from '../../src/kube/client.js';

export function createWebDeployment(client: KubeClient, namespace: string, replicas: number, podSpec: object): Promise<unknown> {
  return client.request('POST', `/apis/apps/v1/namespaces/${namespace}/deployments`, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: podSpec },
    },
  });
}
