// Synthetic, API-shaped pods and nodes for the benchmarks: the JSON a list returns (managedFields
// stripped, as the store keeps it), with varied statuses, restarts, init containers, namespaces and
// nodes. Seeded, so every run renders the same objects.
import type { KubeObject } from '../src/kube/types.js';

/** mulberry32: a small deterministic PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMESPACES = ['default', 'kube-system', 'monitoring', 'ingress-nginx', 'cert-manager', 'logging', 'payments', 'checkout', 'search', 'batch'];
const APPS = ['nginx-deployment', 'api-gateway', 'web', 'worker', 'redis', 'postgres', 'kafka', 'fluent-bit', 'node-exporter', 'coredns', 'metrics-server', 'cart', 'orders', 'indexer'];
const HEX = '0123456789abcdef';
const ALNUM = 'bcdfghjklmnpqrstvwxz2456789';

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const word = (r: () => number, chars: string, n: number) => Array.from({ length: n }, () => pick(r, [...chars])).join('');

export const nodeName = (i: number) => `node-${String(i + 1).padStart(4, '0')}`;

type Container = Record<string, unknown>;
const running = (at: number) => ({ running: { startedAt: iso(at) } });
const waiting = (reason: string) => ({ waiting: { reason, message: `${reason}: back-off` } });
const terminated = (reason: string, exitCode: number, at: number) => ({
  terminated: { reason, exitCode, startedAt: iso(at - 60_000), finishedAt: iso(at), containerID: 'containerd://abc' },
});
function status(name: string, ready: boolean, state: object, restartCount = 0, lastState: object = {}): Container {
  return { name, image: `registry.local/${name}:1.4.2`, imageID: '', containerID: 'containerd://0f1e', ready, started: ready, restartCount, state, lastState };
}

/** The mix of states, by weight: mostly healthy, with every kind of trouble present. */
const KINDS: [weight: number, kind: string][] = [
  [70, 'running'], [6, 'restarted'], [4, 'crashloop'], [3, 'creating'], [2, 'imagepull'], [4, 'completed'],
  [2, 'error'], [2, 'terminating'], [2, 'init'], [1, 'oomkilled'], [2, 'unscheduled'], [2, 'notready'],
];
function pickKind(r: () => number): string {
  let x = r() * 100;
  for (const [w, k] of KINDS) if ((x -= w) < 0) return k;
  return 'running';
}

export function makePod(i: number, now: number, nodeCount: number, r: () => number): KubeObject {
  const ns = NAMESPACES[i % NAMESPACES.length] as string;
  const app = pick(r, APPS);
  const hash = word(r, HEX, 10);
  const name = `${app}-${hash}-${word(r, ALNUM, 5)}`;
  const created = now - Math.floor(r() * 40 * 86_400_000);
  const started = created + 5_000;
  const kind = pickKind(r);
  const n = 1 + Math.floor(r() * 3);
  const names = ['app', 'sidecar', 'proxy'].slice(0, n);
  const allReady = (s: object) => names.map((c) => status(c, true, s));
  let phase = 'Running';
  let containers = allReady(running(started));
  let init: Container[] | undefined;
  let deletion: string | undefined;
  const crashed = (restarts: number, s: object) => [status('app', false, s, restarts, terminated('Error', 1, now - 90_000)), ...allReady(running(started)).slice(1)];
  switch (kind) {
    case 'restarted': containers = [status('app', true, running(now - 300_000), 1 + Math.floor(r() * 40), terminated('Error', 1, now - 300_000)), ...containers.slice(1)]; break;
    case 'crashloop': containers = crashed(5 + Math.floor(r() * 200), waiting('CrashLoopBackOff')); break;
    case 'oomkilled': containers = crashed(3, terminated('OOMKilled', 137, now - 20_000)); break;
    case 'notready': containers = [status('app', false, running(started)), ...containers.slice(1)]; break;
    case 'creating': phase = 'Pending'; containers = names.map((c) => status(c, false, waiting('ContainerCreating'))); break;
    case 'imagepull': phase = 'Pending'; containers = names.map((c) => status(c, false, waiting(r() < 0.5 ? 'ImagePullBackOff' : 'ErrImagePull'))); break;
    case 'completed': phase = 'Succeeded'; containers = names.map((c) => status(c, false, terminated('Completed', 0, now - 600_000))); break;
    case 'error': phase = 'Failed'; containers = names.map((c) => status(c, false, terminated('Error', 2, now - 600_000))); break;
    case 'terminating': deletion = iso(now - 30_000); break;
    case 'init':
      phase = 'Pending';
      init = [status('migrate', false, running(now - 10_000))];
      containers = names.map((c) => status(c, false, waiting('PodInitializing')));
      break;
  }
  const scheduled = kind !== 'unscheduled';
  const ready = containers.every((c) => c.ready === true);
  const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${app}-${hash}`, uid: hash, controller: true, blockOwnerDeletion: true };
  const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  const podStatus: Record<string, unknown> = scheduled
    ? {
        phase,
        conditions: [
          { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: iso(started) },
          { type: 'Initialized', status: init ? 'False' : 'True', lastTransitionTime: iso(started) },
          { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: iso(started) },
          { type: 'ContainersReady', status: ready ? 'True' : 'False', lastTransitionTime: iso(started) },
          { type: 'PodScheduled', status: 'True', lastTransitionTime: iso(created) },
        ],
        hostIP: `192.168.${Math.floor(i / 250) % 250}.${(i % 250) + 1}`,
        podIP: ip,
        podIPs: [{ ip }],
        startTime: iso(started),
        qosClass: 'Burstable',
        containerStatuses: containers,
        ...(init ? { initContainerStatuses: init } : {}),
      }
    : { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }], qosClass: 'BestEffort' };
  // The API's ObjectMeta has more fields than kt's type names (generateName, …); keep them.
  const metadata = {
    name,
    generateName: `${app}-${hash}-`,
    namespace: ns,
    uid: `${word(r, HEX, 8)}-${word(r, HEX, 4)}-${word(r, HEX, 4)}-${word(r, HEX, 12)}`,
    resourceVersion: String(1000 + i),
    creationTimestamp: iso(created),
    ...(deletion ? { deletionTimestamp: deletion, deletionGracePeriodSeconds: 30 } : {}),
    labels: { app, 'pod-template-hash': hash, tier: pick(r, ['frontend', 'backend', 'data']), release: `r${i % 7}` },
    annotations: { 'kubectl.kubernetes.io/restartedAt': iso(created) },
    ownerReferences: [owner],
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: {
      ...(scheduled ? { nodeName: nodeName(Math.floor(r() * nodeCount)) } : {}),
      ...(init ? { initContainers: [{ name: 'migrate', image: 'registry.local/migrate:1' }] } : {}),
      containers: names.map((c) => ({ name: c, image: `registry.local/${c}:1.4.2`, ports: [{ containerPort: 8080, protocol: 'TCP' }] })),
      restartPolicy: 'Always',
      serviceAccountName: 'default',
      ...(i % 50 === 0 ? { readinessGates: [{ conditionType: 'target-health.example.com/ready' }] } : {}),
    },
    status: podStatus,
  };
}

/** Pods as a list returns them: ordered by namespace, then name. */
export function makePods(count: number, nodeCount: number, now = Date.now(), seed = 42): KubeObject[] {
  const r = rng(seed);
  const pods = Array.from({ length: count }, (_, i) => makePod(i, now, nodeCount, r));
  const key = (p: KubeObject) => `${p.metadata.namespace}/${p.metadata.name}`;
  return pods.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function makeNodes(count: number, now = Date.now(), seed = 7): KubeObject[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const name = nodeName(i);
    const control = i < 3;
    const ready = r() > 0.03;
    const labels: Record<string, string> = { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'topology.kubernetes.io/zone': `zone-${i % 3}` };
    if (control) labels['node-role.kubernetes.io/control-plane'] = '';
    else if (i % 10 === 0) labels['node-role.kubernetes.io/ingress'] = '';
    const ip = `192.168.${Math.floor(i / 250)}.${(i % 250) + 1}`;
    return {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, uid: word(r, HEX, 32), resourceVersion: String(i + 1), creationTimestamp: iso(now - Math.floor(r() * 200 * 86_400_000)), labels },
      spec: {
        podCIDR: `10.${i >> 8}.${i & 255}.0/24`,
        ...(i % 40 === 5 ? { unschedulable: true } : {}),
        ...(control ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}),
      },
      status: {
        conditions: [
          { type: 'MemoryPressure', status: 'False' },
          { type: 'DiskPressure', status: 'False' },
          { type: 'PIDPressure', status: 'False' },
          { type: 'Ready', status: ready ? 'True' : 'Unknown', reason: ready ? 'KubeletReady' : 'NodeStatusUnknown' },
        ],
        addresses: [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: name }],
        capacity: { cpu: '16', memory: '65843212Ki', pods: '110' },
        allocatable: { cpu: '15800m', memory: '63643212Ki', pods: '110' },
        nodeInfo: {
          kubeletVersion: 'v1.36.3',
          osImage: 'Ubuntu 24.04.2 LTS',
          kernelVersion: '6.8.0-57-generic',
          containerRuntimeVersion: 'containerd://2.0.4',
          architecture: 'amd64',
          operatingSystem: 'linux',
        },
      },
    };
  });
}
