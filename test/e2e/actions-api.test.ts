// The action planners against the real sandbox, without the UI: each plan runs through kt's own
// client and its effect is read back from the API. Everything changed is put back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessChecker } from '../../src/actions/access.js';
import { planDelete } from '../../src/actions/delete.js';
import { exposeDefaults, planExpose } from '../../src/actions/expose.js';
import { createJournal, runPlan } from '../../src/actions/journal.js';
import { planLabel } from '../../src/actions/label.js';
import { planScale } from '../../src/actions/scale.js';
import { planTaint } from '../../src/actions/taint.js';
import type { ActionPlan, ActionTarget, PlanResult } from '../../src/actions/types.js';
import { createKubeClient } from '../../src/kube/client.js';
import { KubeApiError } from '../../src/kube/api-errors.js';
import type { KubeObject } from '../../src/kube/types.js';
import { eventually, sandboxKubeConfig, viewerKubeConfig } from '../helpers/sandbox.js';

const client = createKubeClient(sandboxKubeConfig());
const journal = createJournal();
const suffix = Math.random().toString(36).slice(2, 8);
const NS = `kt-actions-${suffix}`;
const DEPLOY = '/apis/apps/v1/namespaces/default/deployments/nginx-deployment';
const LABEL_KEY = 'kt-e2e.example.com/disktype'; // own key: other agents may label the same node
const TAINT_KEY = `kt-e2e-${suffix}`;

const get = (path: string) => client.request<KubeObject>('GET', path);
const node = (name: string) => get(`/api/v1/nodes/${name}`);
const taintsOf = (o: KubeObject) => ((o.spec as { taints?: { key: string; effect: string }[] } | undefined)?.taints ?? []);

function target(kind: string, object: KubeObject): ActionTarget {
  const { name, namespace } = object.metadata;
  return { kind, name, ...(namespace ? { namespace } : {}), object };
}

function planned(result: PlanResult): ActionPlan {
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

const run = (plan: ActionPlan) => runPlan(plan, client, journal);

async function gone(path: string): Promise<boolean> {
  try {
    await get(path);
    return false;
  } catch (err) {
    if (err instanceof KubeApiError && err.statusCode === 404) return true;
    throw err;
  }
}

async function replicas(): Promise<number | undefined> {
  return (((await get(DEPLOY)).spec as { replicas?: number }).replicas);
}

describe('actions against the API', () => {
  beforeAll(async () => {
    await client.request('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
  });

  afterAll(async () => {
    // Put back anything a failed test left behind.
    if ((await replicas()) !== 2) await planned(planScale(target('deployments', await get(DEPLOY)), '2')).run(client);
    for (const name of ['k8snode02']) {
      const n = await node(name);
      if (n.metadata.labels?.[LABEL_KEY] !== undefined) await planned(planLabel([target('nodes', n)], `${LABEL_KEY}-`)).run(client);
    }
    const master = await node('k8smaster01');
    if (taintsOf(master).some((t) => t.key === TAINT_KEY)) await planned(planTaint([target('nodes', master)], `${TAINT_KEY}-`)).run(client);
    await client.request('DELETE', `/api/v1/namespaces/${NS}`).catch(() => undefined);
  });

  it('scales nginx-deployment to 5 through the scale subresource, then back to 2', async () => {
    const up = planned(planScale(target('deployments', await get(DEPLOY)), '5'));
    expect(up.kubectl).toEqual(['kubectl scale deployment/nginx-deployment --replicas=5 -n default']);
    expect(await run(up)).toEqual({ ok: true, message: 'deployment.apps/nginx-deployment scaled' });
    expect(await replicas()).toBe(5);
    const scale = await get(`${DEPLOY}/scale`);
    expect((scale.spec as { replicas: number }).replicas).toBe(5);

    expect(await run(planned(planScale(target('deployments', await get(DEPLOY)), '2')))).toEqual({
      ok: true,
      message: 'deployment.apps/nginx-deployment scaled',
    });
    expect(await replicas()).toBe(2);
    expect(journal.entries().slice(-2).map((e) => e.outcome?.ok)).toEqual([true, true]);
  });

  it('labels k8snode02 and removes the label, leaving every other label as it was', async () => {
    const before = await node('k8snode02');
    const others = { ...before.metadata.labels };
    const add = planned(planLabel([target('nodes', before)], `${LABEL_KEY}=ssd`));
    expect(add.kubectl).toEqual([`kubectl label node k8snode02 ${LABEL_KEY}=ssd`]);
    expect(await run(add)).toEqual({ ok: true, message: 'node/k8snode02 labeled' });
    const labeled = await node('k8snode02');
    expect(labeled.metadata.labels).toEqual({ ...others, [LABEL_KEY]: 'ssd' });

    // A different value needs --overwrite, as in kubectl; nothing is sent.
    expect(planLabel([target('nodes', labeled)], `${LABEL_KEY}=hdd`)).toEqual({
      ok: false,
      error: `'${LABEL_KEY}' already has a value (ssd) on node/k8snode02, and --overwrite is false; add --overwrite to replace it`,
    });
    expect((await node('k8snode02')).metadata.labels?.[LABEL_KEY]).toBe('ssd');

    const remove = planned(planLabel([target('nodes', labeled)], `${LABEL_KEY}-`));
    expect(await run(remove)).toEqual({ ok: true, message: 'node/k8snode02 unlabeled' });
    expect((await node('k8snode02')).metadata.labels).toEqual(others);
  });

  it('taints k8smaster01 and untaints it; the seed NoSchedule taint survives; a stale plan is refused', async () => {
    const seed = { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' };
    const before = await node('k8smaster01');
    expect(taintsOf(before)).toContainEqual(seed);
    const add = planned(planTaint([target('nodes', before)], `${TAINT_KEY}=1:PreferNoSchedule`));
    expect(add.kubectl).toEqual([`kubectl taint node k8smaster01 ${TAINT_KEY}=1:PreferNoSchedule`]);
    expect(await run(add)).toEqual({ ok: true, message: 'node/k8smaster01 tainted' });
    const tainted = await node('k8smaster01');
    expect(taintsOf(tainted)).toContainEqual(seed);
    expect(taintsOf(tainted)).toContainEqual({ key: TAINT_KEY, value: '1', effect: 'PreferNoSchedule' });

    // Planned from the node as it was before the taint: the test op fails and nothing changes.
    const stale = planned(planTaint([target('nodes', before)], `${TAINT_KEY}-other=1:NoSchedule`));
    expect(await run(stale)).toEqual({
      ok: false,
      message: 'the taints of node/k8smaster01 changed since kt read them; nothing was changed, look again and retry',
    });
    expect(taintsOf(await node('k8smaster01'))).toEqual(taintsOf(tainted));

    // Removing a taint that is not there is refused before sending anything.
    expect(planTaint([target('nodes', tainted)], `${TAINT_KEY}:NoExecute-`)).toEqual({ ok: false, error: `taint "${TAINT_KEY}:NoExecute" not found` });

    const remove = planned(planTaint([target('nodes', tainted)], `${TAINT_KEY}:PreferNoSchedule-`));
    expect(await run(remove)).toEqual({ ok: true, message: 'node/k8smaster01 untainted' });
    const after = taintsOf(await node('k8smaster01'));
    expect(after).toContainEqual(seed);
    expect(after.filter((t) => t.key === TAINT_KEY)).toEqual([]);
  });

  it('exposes nginx-deployment as a NodePort service, refuses the same name again, and deletes it', async () => {
    const deploy = target('deployments', await get(DEPLOY));
    const defaults = exposeDefaults(deploy);
    if ('error' in defaults) throw new Error(defaults.error);
    expect(defaults).toMatchObject({ port: '80', targetPort: '80', protocol: 'TCP', type: 'ClusterIP', name: 'nginx-deployment' });
    const name = `kt-expose-${suffix}`;
    const form = { ...defaults, type: 'NodePort', name };
    const expose = planned(planExpose(deploy, form));
    expect(expose.kubectl).toEqual([`kubectl expose deployment nginx-deployment --port=80 --type=NodePort --name=${name} -n default`]);
    const path = `/api/v1/namespaces/default/services/${name}`;
    try {
      expect(await run(expose)).toEqual({ ok: true, message: `service/${name} exposed` });
      const svc = await get(path);
      const spec = svc.spec as { type: string; selector: unknown; ports: { port: number; targetPort: number; protocol: string; nodePort: number }[] };
      expect(spec.type).toBe('NodePort');
      expect(spec.selector).toEqual({ app: 'nginx' });
      expect(spec.ports).toHaveLength(1);
      expect(spec.ports[0]).toMatchObject({ port: 80, targetPort: 80, protocol: 'TCP' });
      expect(spec.ports[0]?.nodePort).toBeGreaterThanOrEqual(30000);
      expect(spec.ports[0]?.nodePort).toBeLessThanOrEqual(32767);

      expect(await run(planned(planExpose(deploy, form)))).toEqual({
        ok: false,
        message: `service "${name}" already exists in namespace default; pick another name`,
      });
      expect((await get(path)).metadata.resourceVersion).toBe(svc.metadata.resourceVersion);

      const del = planned(planDelete([target('services', svc)], { gracePeriod: '', force: false }));
      expect(del.kubectl).toEqual([`kubectl delete service ${name} -n default`]);
      expect(await run(del)).toEqual({ ok: true, message: `service "${name}" deleted from default namespace` });
      await eventually(() => gone(path), 30_000, `service ${name} to go`);
    } finally {
      await client.request('DELETE', path).catch(() => undefined);
    }
  });

  it('deletes pods in its own namespace, reporting the one that does not exist by name', async () => {
    const pod = (name: string) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: NS, labels: { app: 'kt-actions' } },
      spec: { nodeName: 'k8snode01', containers: [{ name: 'app', image: 'nginx:1.19.1' }] },
    });
    const a = await client.request<KubeObject>('POST', `/api/v1/namespaces/${NS}/pods`, pod('a'));
    const b = await client.request<KubeObject>('POST', `/api/v1/namespaces/${NS}/pods`, pod('b'));

    const one = planned(planDelete([target('pods', a)], { gracePeriod: '', force: false }));
    expect(one.confirm).toBe(true);
    expect(one.kubectl).toEqual([`kubectl delete pod a -n ${NS}`]);
    expect(await run(one)).toEqual({ ok: true, message: `pod "a" deleted from ${NS} namespace` });
    await eventually(() => gone(`/api/v1/namespaces/${NS}/pods/a`), 60_000, 'pod a to go');

    const missing = target('pods', { metadata: { name: 'no-such-pod', namespace: NS } });
    const two = planned(planDelete([target('pods', b), missing], { gracePeriod: '', force: true }));
    expect(two.kubectl).toEqual([`kubectl delete pod b no-such-pod --force --grace-period=0 -n ${NS}`]);
    expect(await run(two)).toEqual({
      ok: false,
      message: 'failed on 1 of 2 (the other 1 force deleted): pod/no-such-pod: Error from server (NotFound): pods "no-such-pod" not found',
    });
    await eventually(() => gone(`/api/v1/namespaces/${NS}/pods/b`), 30_000, 'pod b to go');
  });

  describe('access checks (SelfSubjectAccessReview)', () => {
    it('allows the admin everything it asks', async () => {
      const checker = createAccessChecker(client);
      for (const [action, kind] of [['delete', 'pods'], ['scale', 'deployments'], ['taint', 'nodes'], ['expose', 'deployments']] as const) {
        expect(await checker.check(action, kind, 'default'), `${action} ${kind}`).toEqual({ allowed: true });
      }
      expect(checker.peek('delete', 'pods', 'default')).toEqual({ allowed: true });
    });

    it('denies the limited user the logs of pods and every change to them', async () => {
      const checker = createAccessChecker(createKubeClient(sandboxKubeConfig('kt-sandbox-limited')));
      const logs = await checker.check('logs', 'pods', 'default');
      expect(logs.allowed).toBe(false);
      expect(logs.reason).toContain('cannot get resource "pods/log" in API group "" in the namespace "default"');
      expect((await checker.check('delete', 'pods', 'default')).allowed).toBe(false);
      expect((await checker.check('scale', 'deployments', 'default')).allowed).toBe(false);
      // describe and yaml need no review of their own: the pane's list and watch prove the reads.
      expect(await checker.check('describe', 'pods', 'default')).toEqual({ allowed: true });
    });

    it('lets a user bound to the view ClusterRole read but not change', async () => {
      const kc = await viewerKubeConfig(client, NS, 'kt-viewer');
      const checker = createAccessChecker(createKubeClient(kc));
      expect(await checker.check('logs', 'pods', NS)).toEqual({ allowed: true });
      for (const [action, kind] of [['delete', 'pods'], ['label', 'pods'], ['scale', 'deployments'], ['expose', 'deployments']] as const) {
        const answer = await checker.check(action, kind, NS);
        expect(answer.allowed, `${action} ${kind}`).toBe(false);
      }
      // The binding is in NS only: another namespace's logs are not readable.
      expect((await checker.check('logs', 'pods', 'default')).allowed).toBe(false);
    });
  });

  it('journals every run with its kubectl line and outcome', () => {
    const entries = journal.entries();
    expect(entries.length).toBeGreaterThanOrEqual(10);
    expect(entries.every((e) => e.outcome !== undefined)).toBe(true);
    expect(entries[0]?.kubectl).toEqual(['kubectl scale deployment/nginx-deployment --replicas=5 -n default']);
    expect(entries[0]?.targets).toEqual(['default/deployment.apps/nginx-deployment']);
  });
});
