// The kubectl line a plan shows does what the plan does: for twin objects, kt's plan runs on one
// and kubectl runs the plan's own line on the other; the results and the printed lines agree.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDelete } from '../../src/actions/delete.js';
import { exposeDefaults, planExpose } from '../../src/actions/expose.js';
import { planLabel } from '../../src/actions/label.js';
import { planScale } from '../../src/actions/scale.js';
import { planTaint } from '../../src/actions/taint.js';
import type { ActionPlan, ActionTarget, PlanResult } from '../../src/actions/types.js';
import { createKubeClient } from '../../src/kube/client.js';
import type { KubeObject } from '../../src/kube/types.js';
import { eventually, kubeconfigPath, kubectlPath, sandboxKubeConfig } from '../helpers/sandbox.js';

const client = createKubeClient(sandboxKubeConfig());
const suffix = Math.random().toString(36).slice(2, 8);
const NS = `kt-actions-kubectl-${suffix}`;
const TAINT_KEY = `kt-e2e-line-${suffix}`;

/** Splits a shown kubectl line into argv as a shell would: words, with '…' quoting (--overrides='{…}'). */
function argv(line: string): string[] {
  return [...line.matchAll(/(\S*?)'([^']*)'|(\S+)/g)].map((m) => m[3] ?? `${m[1] ?? ''}${m[2] ?? ''}`);
}

/** Runs a plan's kubectl line with the sandbox's kubectl; returns what it printed. */
function runLine(line: string): string {
  const [cmd, ...args] = argv(line);
  expect(cmd).toBe('kubectl');
  return execFileSync(kubectlPath(), ['--kubeconfig', kubeconfigPath, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

const get = (path: string) => client.request<KubeObject>('GET', path);
const podPath = (name: string) => `/api/v1/namespaces/${NS}/pods/${name}`;
const target = (kind: string, object: KubeObject): ActionTarget => ({
  kind,
  name: object.metadata.name,
  ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
  object,
});
function planned(result: PlanResult): ActionPlan {
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

async function createPod(name: string): Promise<KubeObject> {
  return client.request<KubeObject>('POST', `/api/v1/namespaces/${NS}/pods`, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: 'kt-line', keep: 'yes', drop: 'me' } },
    spec: {
      nodeSelector: { type: 'kwok' },
      containers: [{ name: 'web', image: 'nginx:1.19.1', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }],
    },
  });
}

async function createStatefulSet(name: string): Promise<KubeObject> {
  return client.request<KubeObject>('POST', `/apis/apps/v1/namespaces/${NS}/statefulsets`, {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name },
    spec: {
      replicas: 0,
      serviceName: name,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { nodeSelector: { type: 'kwok' }, containers: [{ name: 'db', image: 'nginx:1.19.1' }] } },
    },
  });
}

describe("kt's kubectl lines match kt's requests", () => {
  beforeAll(async () => {
    await client.request('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
  });
  afterAll(async () => {
    const master = await get('/api/v1/nodes/k8smaster01');
    const taints = ((master.spec as { taints?: { key: string }[] }).taints ?? []).filter((t) => t.key === TAINT_KEY);
    if (taints.length > 0) await planned(planTaint([target('nodes', master)], `${TAINT_KEY}-`)).run(client);
    await client.request('DELETE', `/api/v1/namespaces/${NS}`).catch(() => undefined);
  });

  it('label: same labels, same message', async () => {
    const [ours, theirs] = [await createPod('p1'), await createPod('p2')];
    const input = 'tier=web example.com/team= drop- --overwrite keep=changed';
    const ourPlan = planned(planLabel([target('pods', ours)], input));
    const line = planned(planLabel([target('pods', theirs)], input)).kubectl[0] ?? '';
    expect(line).toBe(`kubectl label pod p2 tier=web example.com/team= keep=changed drop- --overwrite -n ${NS}`);
    const outcome = await ourPlan.run(client);
    const printed = runLine(line);
    expect(outcome).toEqual({ ok: true, message: printed.replace('p2', 'p1') });
    expect(outcome.message).toBe('pod/p1 modified');
    expect((await get(podPath('p1'))).metadata.labels).toEqual((await get(podPath('p2'))).metadata.labels);
    expect((await get(podPath('p1'))).metadata.labels).toEqual({ app: 'kt-line', keep: 'changed', tier: 'web', 'example.com/team': '' });
  });

  it('scale: same replicas, same message', async () => {
    const [ours, theirs] = [await createStatefulSet('s1'), await createStatefulSet('s2')];
    const ourPlan = planned(planScale(target('statefulsets', ours), '2'));
    const line = planned(planScale(target('statefulsets', theirs), '2')).kubectl[0] ?? '';
    const outcome = await ourPlan.run(client);
    expect(outcome).toEqual({ ok: true, message: runLine(line).replace('s2', 's1') });
    const replicas = async (n: string) => ((await get(`/apis/apps/v1/namespaces/${NS}/statefulsets/${n}`)).spec as { replicas: number }).replicas;
    expect([await replicas('s1'), await replicas('s2')]).toEqual([2, 2]);
  });

  it('replication controllers (not in the registry): scale and expose agree with kubectl', async () => {
    const rc = (name: string) =>
      client.request<KubeObject>('POST', `/api/v1/namespaces/${NS}/replicationcontrollers`, {
        apiVersion: 'v1',
        kind: 'ReplicationController',
        metadata: { name, labels: { app: name } },
        spec: {
          replicas: 0,
          selector: { app: name },
          template: {
            metadata: { labels: { app: name } },
            spec: { nodeSelector: { type: 'kwok' }, containers: [{ name: 'web', image: 'nginx:1.19.1', ports: [{ containerPort: 9000, protocol: 'UDP' }] }] },
          },
        },
      });
    const [ours, theirs] = [await rc('rc1'), await rc('rc2')];
    const ourScale = planned(planScale(target('replicationcontrollers', ours), '1'));
    expect(ourScale.kubectl).toEqual([`kubectl scale replicationcontroller/rc1 --replicas=1 -n ${NS}`]);
    const line = planned(planScale(target('replicationcontrollers', theirs), '1')).kubectl[0] ?? '';
    expect(await ourScale.run(client)).toEqual({ ok: true, message: runLine(line).replace('rc2', 'rc1') });
    const replicas = async (n: string) => ((await get(`/api/v1/namespaces/${NS}/replicationcontrollers/${n}`)).spec as { replicas: number }).replicas;
    expect([await replicas('rc1'), await replicas('rc2')]).toEqual([1, 1]);

    const defaults = exposeDefaults(target('replicationcontrollers', ours));
    expect(defaults).toEqual({ port: '9000', targetPort: '9000', protocol: 'UDP', type: 'ClusterIP', nodePort: '', name: 'rc1' });
    if ('error' in defaults) throw new Error(defaults.error);
    const expose = planned(planExpose(target('replicationcontrollers', ours), defaults));
    const dry = JSON.parse(runLine(`${expose.kubectl[0] ?? ''} --dry-run=server -o json`)) as KubeObject;
    expect(await expose.run(client)).toEqual({ ok: true, message: 'service/rc1 exposed' });
    const svc = await get(`/api/v1/namespaces/${NS}/services/rc1`);
    const shape = (s: KubeObject) => ({ labels: s.metadata.labels, spec: { ...(s.spec as object), clusterIP: '', clusterIPs: [] } });
    expect(shape(svc)).toEqual(shape(dry));
    expect((svc.spec as { selector: unknown }).selector).toEqual({ app: 'rc1' });
  });

  it('taint and untaint: same taints, same messages', async () => {
    const node = () => get('/api/v1/nodes/k8smaster01');
    const taints = async () => ((await node()).spec as { taints?: object[] }).taints ?? [];
    const original = await taints();
    const add = `${TAINT_KEY}=x:PreferNoSchedule ${TAINT_KEY}:NoSchedule`;
    const remove = `${TAINT_KEY}-`;

    const ourAdd = planned(planTaint([target('nodes', await node())], add));
    expect((await ourAdd.run(client)).message).toBe('node/k8smaster01 tainted');
    const afterOurs = await taints();
    const ourRemove = planned(planTaint([target('nodes', await node())], remove));
    expect((await ourRemove.run(client)).message).toBe('node/k8smaster01 untainted');
    expect(await taints()).toEqual(original);

    expect(runLine(ourAdd.kubectl[0] ?? '')).toBe('node/k8smaster01 tainted');
    expect(await taints()).toEqual(afterOurs);
    expect(runLine(ourRemove.kubectl[0] ?? '')).toBe('node/k8smaster01 untainted');
    expect(await taints()).toEqual(original);
  });

  it('expose: the same Service as kubectl expose (server dry run), with a named target port and a node port', async () => {
    const pod = await eventually(async () => get(podPath('p1')), 10_000, 'pod p1');
    const defaults = exposeDefaults(target('pods', pod));
    if ('error' in defaults) throw new Error(defaults.error);
    expect(defaults).toMatchObject({ port: '8080', targetPort: '8080', protocol: 'TCP' });
    const nodePort = 30000 + Math.floor(Math.random() * 2700);
    const plan = planned(planExpose(target('pods', pod), { ...defaults, port: '80', targetPort: 'http', type: 'NodePort', nodePort: String(nodePort), name: 'p1-svc' }));
    const line = plan.kubectl[0] ?? '';
    const theirs = JSON.parse(runLine(`${line} --dry-run=server -o json`)) as KubeObject;
    expect((await plan.run(client)).message).toBe('service/p1-svc exposed');
    const ours = await get(`/api/v1/namespaces/${NS}/services/p1-svc`);
    const shape = (s: KubeObject) => {
      const spec = s.spec as { type: string; selector: unknown; ports: unknown };
      return { labels: s.metadata.labels, type: spec.type, selector: spec.selector, ports: spec.ports };
    };
    expect(shape(ours)).toEqual(shape(theirs));
    expect(shape(ours).ports).toEqual([{ port: 80, targetPort: 'http', protocol: 'TCP', nodePort }]);
  });

  it('delete with force: same message, both gone', async () => {
    const [ours, theirs] = [await createPod('d1'), await createPod('d2')];
    const ourPlan = planned(planDelete([target('pods', ours)], { gracePeriod: '', force: true }));
    const line = planned(planDelete([target('pods', theirs)], { gracePeriod: '', force: true })).kubectl[0] ?? '';
    const outcome = await ourPlan.run(client);
    expect(outcome).toEqual({ ok: true, message: runLine(line).replace('d2', 'd1') });
    for (const n of ['d1', 'd2']) {
      await eventually(() => get(podPath(n)).then(() => false, () => true), 30_000, `pod ${n} to go`);
    }
  });
});
