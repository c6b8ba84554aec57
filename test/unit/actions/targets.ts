// Action targets for the planners' tests.
import type { KubeObject } from '../../../src/kube/types.js';
import type { ActionTarget } from '../../../src/actions/types.js';

export function target(kind: string, name: string, namespace: string | undefined, extra: Partial<KubeObject> = {}): ActionTarget {
  const { metadata, ...rest } = extra;
  return {
    kind,
    name,
    ...(namespace ? { namespace } : {}),
    object: { metadata: { name, ...(namespace ? { namespace } : {}), resourceVersion: '7', ...metadata }, ...rest },
  };
}

export function node(name: string, labels: Record<string, string> = {}, taints?: unknown[]): ActionTarget {
  return target('nodes', name, undefined, { metadata: { name, labels }, spec: taints ? { taints } : {} });
}

/** A ReplicaSet holding `revision` of Deployment web (its controller, of uid `owner`), one container on `image`. */
export function revisionSet(name: string, revision: number, image: string, options: { annotations?: Record<string, string>; owner?: string; container?: string } = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: name,
      annotations: { 'deployment.kubernetes.io/revision': String(revision), ...options.annotations },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: options.owner ?? 'web-uid', controller: true }],
    } as KubeObject['metadata'],
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web', 'pod-template-hash': name.slice(-5) } }, spec: { containers: [{ name: options.container ?? 'nginx', image }] } },
    },
  };
}
