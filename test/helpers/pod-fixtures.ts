// Pods in every STATUS kubectl knows, made real on the sandbox: they are bound to a node no kwok
// manages (kt-fixture-node), so their status subresource holds exactly what we write.
import { execFileSync } from 'node:child_process';
import { kubeconfigPath, kubectlPath } from './sandbox.js';

export const FIXTURE_NS = 'kt-fixtures';
export const FIXTURE_NODE = 'kt-fixture-node';

export function kubectl(args: string[], input?: string): string {
  return execFileSync(kubectlPath(), ['--kubeconfig', kubeconfigPath, ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

const ago = (ms: number) => new Date(Date.now() - ms).toISOString().replace(/\.\d+Z$/, 'Z');
const running = (startedMs: number) => ({ running: { startedAt: ago(startedMs) } });
const waiting = (reason: string) => ({ waiting: { reason, message: `${reason} (fixture)` } });
const terminated = (reason: string, exitCode: number, finishedMs = 60_000) => ({
  terminated: { reason, exitCode, startedAt: ago(finishedMs + 10_000), finishedAt: ago(finishedMs) },
});

function container(name: string, ready: boolean, state: object, restartCount = 0, lastState: object = {}) {
  return { name, image: 'nginx:1.19.1', imageID: '', ready, restartCount, state, lastState, started: ready };
}

interface Fixture {
  name: string;
  phase: string;
  reason?: string;
  containers: object[];
  init?: object[];
  readyCondition?: boolean;
  finalizer?: boolean; // deleted after creation, so it shows Terminating
  unscheduled?: boolean; // never bound: plain Pending
}

const FIXTURES: Fixture[] = [
  { name: 'fx-running', phase: 'Running', containers: [container('app', true, running(600_000))], readyCondition: true },
  {
    name: 'fx-restarted',
    phase: 'Running',
    readyCondition: true,
    containers: [container('app', true, running(300_000), 5, terminated('Error', 1, 300_000))],
  },
  {
    name: 'fx-crashloop',
    phase: 'Running',
    containers: [container('app', false, waiting('CrashLoopBackOff'), 7, terminated('Error', 2, 90_000))],
  },
  { name: 'fx-creating', phase: 'Pending', containers: [container('app', false, waiting('ContainerCreating'))] },
  { name: 'fx-imagepull', phase: 'Pending', containers: [container('app', false, waiting('ImagePullBackOff'))] },
  { name: 'fx-completed', phase: 'Succeeded', containers: [container('app', false, terminated('Completed', 0))] },
  { name: 'fx-error', phase: 'Failed', containers: [container('app', false, terminated('Error', 1))] },
  { name: 'fx-oomkilled', phase: 'Running', containers: [container('app', false, terminated('OOMKilled', 137))] },
  {
    name: 'fx-init',
    phase: 'Pending',
    init: [container('init', false, running(5_000))],
    containers: [container('app', false, waiting('PodInitializing'))],
  },
  {
    name: 'fx-init-crash',
    phase: 'Pending',
    init: [container('init', false, waiting('CrashLoopBackOff'), 3, terminated('Error', 1, 20_000))],
    containers: [container('app', false, waiting('PodInitializing'))],
  },
  {
    name: 'fx-two-of-three',
    phase: 'Running',
    containers: [container('a', true, running(60_000)), container('b', true, running(60_000)), container('c', false, waiting('CrashLoopBackOff'), 1, terminated('Error', 1, 30_000))],
  },
  { name: 'fx-terminating', phase: 'Running', containers: [container('app', true, running(60_000))], readyCondition: true, finalizer: true },
  { name: 'fx-unknown', phase: 'Running', reason: 'NodeLost', containers: [container('app', true, running(60_000))], finalizer: true },
  { name: 'fx-pending', phase: 'Pending', containers: [], unscheduled: true },
];

function podManifest(f: Fixture) {
  const names = (list: object[] | undefined) => (list ?? []).map((c) => ({ name: (c as { name: string }).name, image: 'nginx:1.19.1' }));
  const containers = f.containers.length ? names(f.containers) : [{ name: 'app', image: 'nginx:1.19.1' }];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: f.name, namespace: FIXTURE_NS, labels: { fixture: 'pod-status' }, ...(f.finalizer ? { finalizers: ['kt.test/hold'] } : {}) },
    spec: {
      ...(f.unscheduled ? { nodeSelector: { 'kt.test/no-such-node': 'true' } } : { nodeName: FIXTURE_NODE }),
      ...(f.init ? { initContainers: names(f.init) } : {}),
      containers,
      terminationGracePeriodSeconds: 0,
    },
  };
}

function podStatus(f: Fixture, podIP: string) {
  return {
    phase: f.phase,
    ...(f.reason ? { reason: f.reason } : {}),
    hostIP: '10.1.2.3',
    podIP,
    podIPs: [{ ip: podIP }],
    startTime: ago(700_000),
    conditions: [
      { type: 'PodScheduled', status: 'True', lastTransitionTime: ago(700_000) },
      { type: 'Ready', status: f.readyCondition ? 'True' : 'False', lastTransitionTime: ago(600_000) },
    ],
    containerStatuses: f.containers,
    ...(f.init ? { initContainerStatuses: f.init } : {}),
  };
}

// The tutorial cluster has no StatefulSet; this one gives the sts columns something to show.
const statefulSet = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'fx-web', namespace: FIXTURE_NS },
  spec: {
    replicas: 2,
    serviceName: 'fx-web',
    selector: { matchLabels: { app: 'fx-web' } },
    template: {
      metadata: { labels: { app: 'fx-web' } },
      spec: { nodeSelector: { type: 'kwok' }, containers: [{ name: 'web', image: 'nginx:1.19.1' }] },
    },
  },
};

/** Creates the fixture node and pods; returns the pod names. Idempotent. */
export function createPodFixtures(): string[] {
  kubectl(['delete', 'namespace', FIXTURE_NS, '--ignore-not-found', '--wait=false']);
  removeFinalizers();
  kubectl(['delete', 'namespace', FIXTURE_NS, '--ignore-not-found', '--wait=true', '--timeout=60s']);
  kubectl(['apply', '-f', '-'], JSON.stringify({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: FIXTURE_NODE, labels: { 'kt.test/fixture': 'true' } },
      // Keeps DaemonSets (kube-proxy tolerates only the master taint) and the scheduler off it.
      spec: { taints: [{ key: 'kt.test/fixture', value: 'true', effect: 'NoSchedule' }] },
    }),
  );
  kubectl(['create', 'namespace', FIXTURE_NS]);
  FIXTURES.forEach((f, i) => {
    kubectl(['create', '-f', '-'], JSON.stringify(podManifest(f)));
    if (f.unscheduled) return;
    const pod = JSON.parse(kubectl(['get', 'pod', '-n', FIXTURE_NS, f.name, '-o', 'json']));
    pod.status = podStatus(f, `10.99.0.${i + 10}`);
    kubectl(['replace', '--subresource=status', '-f', '-'], JSON.stringify(pod));
  });
  for (const f of FIXTURES.filter((x) => x.finalizer)) kubectl(['delete', 'pod', '-n', FIXTURE_NS, f.name, '--wait=false']);
  kubectl(['apply', '-f', '-'], JSON.stringify(statefulSet));
  return FIXTURES.map((f) => f.name);
}

function removeFinalizers() {
  for (const name of FIXTURES.filter((f) => f.finalizer).map((f) => f.name)) {
    try {
      kubectl(['patch', 'pod', '-n', FIXTURE_NS, name, '--type=merge', '-p', '{"metadata":{"finalizers":null}}']);
    } catch {
      // already gone
    }
  }
}

export function deletePodFixtures(): void {
  removeFinalizers();
  kubectl(['delete', 'namespace', FIXTURE_NS, '--ignore-not-found', '--wait=false']);
  kubectl(['delete', 'node', FIXTURE_NODE, '--ignore-not-found']);
}
