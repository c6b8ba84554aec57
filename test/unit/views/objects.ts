// API objects for the component tests (served by fakes/fake-cluster.ts).
import type { KubeObject } from '../../../src/kube/types.js';

const CREATED = new Date(Date.now() - 3_600_000).toISOString();

export function pod(name: string, namespace: string, nodeName = 'node1', labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: `${namespace}-${name}`, creationTimestamp: CREATED, labels },
    spec: { nodeName, containers: [{ name: 'app', image: 'nginx' }] },
    status: {
      phase: 'Running',
      podIP: '10.0.0.1',
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: { running: { startedAt: CREATED } } }],
    },
  };
}

export function node(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: name, creationTimestamp: CREATED, labels: { 'kubernetes.io/hostname': name } },
    spec: {},
    status: {
      conditions: [{ type: 'Ready', status: 'True' }],
      addresses: [{ type: 'InternalIP', address: '192.168.0.10' }],
      nodeInfo: { kubeletVersion: 'v1.31.0', osImage: 'Linux', kernelVersion: '6.1', containerRuntimeVersion: 'containerd://1.7' },
    },
  };
}

export function daemonset(name: string, namespace: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace, uid: `${namespace}-${name}`, creationTimestamp: CREATED },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'busybox' }] } },
    },
    status: { desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2, updatedNumberScheduled: 2, numberAvailable: 2 },
  };
}

export function namespace(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, uid: name, creationTimestamp: CREATED }, status: { phase: 'Active' } };
}
