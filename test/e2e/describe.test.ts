// kt's describe against `kubectl describe` of the same version on the sandbox's objects, read at
// about the same time; and the describe view driven through the real binary in a pty.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeObject } from '../../src/describe/describe-object.js';
import { createKubeClient } from '../../src/kube/client.js';
import { loadKubeconfig } from '../../src/kube/kubeconfig.js';
import { missingLines } from '../helpers/describe-compare.js';
import { createPodFixtures, deletePodFixtures, FIXTURE_NODE, FIXTURE_NS } from '../helpers/pod-fixtures.js';
import { spawnKt, type KtPty } from '../helpers/pty.js';
import { kubeconfigPath, kubectlPath } from '../helpers/sandbox.js';

const run = promisify(execFile);
const client = createKubeClient(loadKubeconfig({ kubeconfig: kubeconfigPath }).kc);
const LIMITED = 'kt-sandbox-limited'; // RBAC: nodes and workloads, no pods
const limitedClient = createKubeClient(loadKubeconfig({ kubeconfig: kubeconfigPath, context: LIMITED }).kc);

async function kubectl(...args: string[]): Promise<string> {
  const { stdout } = await run(kubectlPath(), ['--kubeconfig', kubeconfigPath, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

async function nginxPod(): Promise<string> {
  const out = await kubectl('get', 'pods', '-n', 'default', '-l', 'app=nginx', '--field-selector=status.phase=Running', '-o', 'jsonpath={.items[*].metadata.name}');
  const name = out.split(' ').filter(Boolean).sort()[0];
  if (!name) throw new Error('no running nginx-deployment pod in the sandbox');
  return name;
}

/**
 * Reads both at once and lists the kubectl lines kt lacks. Objects other tests touch may change
 * between two reads, so a difference must persist over three fresh reads to count.
 */
async function compare(kind: string, namespace: string | undefined, name: string, kubectlArgs: string[], context?: string): Promise<{ kt: string; missing: string[] }> {
  let last = { kt: '', missing: ['not compared'] };
  const ctx = context ? ['--context', context] : [];
  const kube = context === LIMITED ? limitedClient : client;
  for (let attempt = 0; attempt < 3 && last.missing.length > 0; attempt++) {
    const start = Date.now();
    const [kubectlText, kt] = await Promise.all([kubectl(...ctx, 'describe', ...kubectlArgs), describeObject(kube, kind, namespace, name)]);
    const end = Date.now();
    last = { kt, missing: missingLines(kubectlText, kt, { start, end }) };
  }
  return last;
}

function expectAgreement(result: { missing: string[] }, what: string): void {
  expect(result.missing, `kubectl describe ${what}: lines missing from kt's output:\n${result.missing.join('\n')}`).toEqual([]);
}

describe('describe agrees with kubectl describe', () => {
  it('a pod of nginx-deployment', async () => {
    const pod = await nginxPod();
    const result = await compare('pods', 'default', pod, ['pod', pod, '-n', 'default']);
    expectAgreement(result, `pod ${pod}`);
    expect(result.kt).toMatch(/^Name: +nginx-deployment-/);
    expect(result.kt).toMatch(/\nEvents:/);
  });

  it('node k8snode01, with its pods and allocated resources', async () => {
    const result = await compare('nodes', undefined, 'k8snode01', ['node', 'k8snode01']);
    expectAgreement(result, 'node k8snode01');
    expect(result.kt).toMatch(/\nNon-terminated Pods: +\(\d+ in total\)/);
    expect(result.kt).toMatch(/\nAllocated resources:\n/);
  });

  it('node k8smaster01, with its taint', async () => {
    const result = await compare('nodes', undefined, 'k8smaster01', ['node', 'k8smaster01']);
    expectAgreement(result, 'node k8smaster01');
    expect(result.kt).toMatch(/\nTaints: +node-role\.kubernetes\.io\/master:NoSchedule\n/);
  });

  it('node k8snode01 for a user who may not list pods', async () => {
    const result = await compare('nodes', undefined, 'k8snode01', ['node', 'k8snode01'], LIMITED);
    expectAgreement(result, 'node k8snode01 (limited)');
    expect(result.kt).toMatch(/\nPods: +not authorized\n/);
  });

  it('DaemonSet kube-proxy', async () => {
    const result = await compare('daemonsets', 'kube-system', 'kube-proxy', ['ds', 'kube-proxy', '-n', 'kube-system']);
    expectAgreement(result, 'ds kube-proxy');
    expect(result.kt).toMatch(/\nPods Status: +\d+ Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\n/);
  });

  it('Deployment nginx-deployment', async () => {
    const result = await compare('deployments', 'default', 'nginx-deployment', ['deploy', 'nginx-deployment', '-n', 'default']);
    expectAgreement(result, 'deploy nginx-deployment');
    expect(result.kt).toMatch(/\nNewReplicaSet: +nginx-deployment-\w+ \(\d+\/\d+ replicas created\)\n/);
  });

  it('Service nginx-service', async () => {
    const result = await compare('services', 'default', 'nginx-service', ['svc', 'nginx-service', '-n', 'default']);
    expectAgreement(result, 'svc nginx-service');
    expect(result.kt).toMatch(/\nEndpoints: +10\.\S+:80/);
  });

  it('a StatefulSet with a volume claim template, in a namespace of its own', async () => {
    const ns = `kt-describe-${Date.now().toString(36)}`;
    await kubectl('create', 'namespace', ns);
    try {
      const sts = {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'web', namespace: ns, annotations: { note: 'describe e2e' } },
        spec: {
          replicas: 1,
          serviceName: 'web',
          selector: { matchLabels: { app: 'web' } },
          updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
          template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.19.1', ports: [{ containerPort: 80, name: 'http' }] }] } },
          volumeClaimTemplates: [{ metadata: { name: 'data', labels: { tier: 'db' } }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
        },
      };
      await new Promise<void>((resolve, reject) => {
        const child = execFile(kubectlPath(), ['--kubeconfig', kubeconfigPath, 'apply', '-f', '-'], (err) => (err ? reject(err) : resolve()));
        child.stdin?.end(JSON.stringify(sts));
      });
      const result = await compare('statefulsets', ns, 'web', ['sts', 'web', '-n', ns]);
      expectAgreement(result, 'sts web');
      expect(result.kt).toMatch(/\nVolume Claims:\n {2}Name: +data\n/);
      expect(result.kt).toMatch(/\n {2}Access Modes: +\[ReadWriteOnce\]\n/);
    } finally {
      await kubectl('delete', 'namespace', ns, '--wait=false');
    }
  });

  it('a namespace with resource quotas and a limit range', async () => {
    const ns = `kt-describe-ns-${Date.now().toString(36)}`;
    await kubectl('create', 'namespace', ns);
    try {
      await kubectl('create', 'quota', 'compute', '-n', ns, '--hard=cpu=2,memory=4Gi,pods=10');
      await kubectl('create', 'quota', 'best-effort', '-n', ns, '--hard=pods=5', '--scopes=BestEffort');
      const limits = {
        apiVersion: 'v1',
        kind: 'LimitRange',
        metadata: { name: 'limits', namespace: ns },
        spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m' }, max: { cpu: '2' } }] },
      };
      await new Promise<void>((resolve, reject) => {
        const child = execFile(kubectlPath(), ['--kubeconfig', kubeconfigPath, 'apply', '-f', '-'], (err) => (err ? reject(err) : resolve()));
        child.stdin?.end(JSON.stringify(limits));
      });
      const result = await compare('namespaces', undefined, ns, ['ns', ns]);
      expectAgreement(result, `ns ${ns}`);
      expect(result.kt).toMatch(/\nResource Quotas\n {2}Name: +best-effort\n {2}Scopes: +BestEffort\n/);
      expect(result.kt).toMatch(/\n Container +cpu +- +2 +100m +500m +-\n/);
    } finally {
      await kubectl('delete', 'namespace', ns, '--wait=false');
    }
  });

  it('the ReplicaSet of nginx-deployment and namespace default', async () => {
    const rs = (await kubectl('get', 'rs', '-n', 'default', '-l', 'app=nginx', '-o', 'jsonpath={.items[0].metadata.name}')).trim();
    expectAgreement(await compare('replicasets', 'default', rs, ['rs', rs, '-n', 'default']), `rs ${rs}`);
    expectAgreement(await compare('namespaces', undefined, 'default', ['ns', 'default']), 'ns default');
  });
});

describe('describe agrees with kubectl on pods in many states (the shared pod fixtures)', () => {
  let names: string[] = [];
  beforeAll(() => {
    names = createPodFixtures();
  }, 180_000);
  afterAll(() => deletePodFixtures());

  it('every fixture pod: waiting, terminated, restarted, init containers, terminating, unscheduled', async () => {
    expect(names.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const name of names) {
      const result = await compare('pods', FIXTURE_NS, name, ['pod', name, '-n', FIXTURE_NS]);
      if (result.missing.length > 0) failures.push(`pod ${name}:\n${result.missing.join('\n')}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('the fixture node, with its taint and the fixture pods on it', async () => {
    const result = await compare('nodes', undefined, FIXTURE_NODE, ['node', FIXTURE_NODE]);
    expectAgreement(result, `node ${FIXTURE_NODE}`);
    // Its own taint, among those the node controller adds to a node no kubelet reports for.
    expect(result.kt).toMatch(/\n(Taints:)? +kt\.test\/fixture=true:NoSchedule\n/);
    expect(result.kt).toMatch(/\n {2}kt-fixtures +fx-running +0 \(/);
  });
});

describe('the describe view in the real binary', () => {
  const running: KtPty[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const pty of running.splice(0)) await pty.dispose();
    for (const c of cleanups.splice(0)) await c().catch(() => undefined);
  });
  // A lone Esc must not share a read with the next key.
  const afterEsc = () => new Promise((r) => setTimeout(r, 150));

  function kt(args: string[]): KtPty {
    const pty = spawnKt(['--kubeconfig', kubeconfigPath, ...args], { cols: 120, rows: 40 });
    running.push(pty);
    return pty;
  }

  it('d on a pod shows its describe; / searches; Esc goes back to the table', async () => {
    const pod = await nginxPod();
    const t = kt(['-n', 'default']);
    await t.waitFor(/nginx-deployment-/, 30_000);
    t.press('/', ...pod, 'Enter');
    await t.waitFor((s) => s.includes(pod) && /Pods\(default\)\[1\/\d+\]/.test(s), 15_000);
    t.press('d');
    let screen = await t.waitFor((s) => s.includes(`Describe Pod default/${pod}`) && /║Name: +nginx-deployment-/.test(s), 15_000);
    expect(screen).toMatch(/║Service Account: +default/);
    t.press('/', ...'Events');
    await t.waitFor(/\/Events/);
    t.press('Enter');
    screen = await t.waitFor(/match 1\/1 for "Events"/, 10_000);
    expect(screen).toMatch(/║Events:/);
    expect(screen).toMatch(/Type +Reason +Age +From +Message/);
    t.press('Esc');
    await afterEsc();
    screen = await t.waitFor((s) => !s.includes('Describe Pod') && /Pods\(default\)/.test(s), 10_000);
    expect(screen).toContain(pod);
  });

  it('refreshes while open, as the object changes', async () => {
    const name = `kt-describe-e2e-${Date.now().toString(36)}`;
    await kubectl('create', 'service', 'clusterip', name, '-n', 'default', '--tcp=80:80');
    cleanups.push(() => kubectl('delete', 'service', name, '-n', 'default', '--wait=false'));
    const t = kt(['-n', 'default', '--readonly']);
    await t.waitFor(/nginx-deployment-/, 30_000);
    t.press(':', ...'svc', 'Enter');
    await t.waitFor(/Services\(default\)/, 15_000);
    t.press('/', ...name, 'Enter');
    await t.waitFor((s) => s.includes(name) && /Services\(default\)\[1\/\d+\]/.test(s), 15_000);
    t.press('d');
    await t.waitFor((s) => s.includes(`Describe Service default/${name}`) && /║Labels: +app=kt-describe-e2e/.test(s), 15_000);
    await kubectl('label', 'service', name, '-n', 'default', 'kt-describe=changed');
    await t.waitFor(/║ +kt-describe=changed/, 15_000);
    await kubectl('label', 'service', name, '-n', 'default', 'kt-describe-');
    await t.waitFor((s) => !s.includes('kt-describe=changed') && s.includes(`Describe Service default/${name}`), 15_000);
  });
});
