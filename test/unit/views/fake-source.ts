// An in-memory DataSource for component tests: set collections by key, count acquires/releases.
import { watchKeyId, type KubeObject, type WatchKey, type WatchStatus } from '../../../src/kube/types.js';
import type { ConnectionStatus, DataSource, ResourceSnapshot } from '../../../src/store/types.js';

const LIVE: WatchStatus = { state: 'live', stale: false };

export class FakeSource implements DataSource {
  private readonly snaps = new Map<string, ResourceSnapshot>();
  private readonly listeners = new Set<() => void>();
  private clock = 0;
  /** Reference counts by watch key id. */
  readonly refs = new Map<string, number>();
  conn: ConnectionStatus = { state: 'live' };

  set(key: WatchKey, items: readonly KubeObject[], status: WatchStatus = LIVE): void {
    const id = watchKeyId(key);
    this.snaps.set(id, { key, items, version: ++this.clock, status });
    this.notify();
  }

  setConnection(conn: ConnectionStatus): void {
    this.conn = conn;
    this.notify();
  }

  /** Keys currently held, as ids ("pods|default||"). */
  held(): string[] {
    return [...this.refs].filter(([, n]) => n > 0).map(([id]) => id).sort();
  }

  acquire(key: WatchKey): () => void {
    const id = watchKeyId(key);
    this.refs.set(id, (this.refs.get(id) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.refs.set(id, (this.refs.get(id) ?? 1) - 1);
    };
  }

  snapshot(key: WatchKey): ResourceSnapshot {
    const id = watchKeyId(key);
    let snap = this.snaps.get(id);
    if (!snap) {
      snap = { key, items: [], version: 0, status: { state: 'loading', stale: false } };
      this.snaps.set(id, snap);
    }
    return snap;
  }

  connection(): ConnectionStatus {
    return this.conn;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }
}

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
