// The sandbox is the cluster every feature is proven on; these tests prove the sandbox itself.
import { afterAll, describe, expect, it } from 'vitest';
import { eventually, promQuery, sandboxApis } from '../helpers/sandbox.js';
import { VersionApi, type V1Pod } from '@kubernetes/client-node';

const { core, apps } = sandboxApis();
const workers = ['k8snode01', 'k8snode02'];
const running = (p: V1Pod) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp;

describe('sandbox cluster', () => {
  it('has three Ready nodes, with the master tainted NoSchedule', async () => {
    // Other test files and the benchmark add their own nodes (kt.test/fixture, kt.scale); the seed's are the rest.
    const nodes = (await core.listNode()).items.filter(
      (n) => !n.metadata?.labels?.['kt.scale'] && !n.metadata?.labels?.['kt.test/fixture'],
    );
    expect(nodes.map((n) => n.metadata?.name).sort()).toEqual(['k8smaster01', 'k8snode01', 'k8snode02']);
    for (const n of nodes) {
      expect(n.status?.conditions?.find((c) => c.type === 'Ready')?.status, n.metadata?.name).toBe('True');
    }
    const master = nodes.find((n) => n.metadata?.name === 'k8smaster01');
    expect(master?.spec?.taints).toContainEqual(expect.objectContaining({ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }));
    expect(master?.metadata?.labels).toHaveProperty(['node-role.kubernetes.io/control-plane']);
    for (const w of workers) expect(nodes.find((n) => n.metadata?.name === w)?.spec?.taints ?? []).toEqual([]);
  });

  it('reports the stamped Kubernetes version', async () => {
    const version = await sandboxApis().kc.makeApiClient(VersionApi).getCode();
    expect(version.gitVersion).toMatch(/^v1\.36\.\d+$/);
  });

  it('runs the nginx pods on the worker nodes only', async () => {
    const pods = (await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=nginx' })).items.filter(running);
    expect(pods.length).toBeGreaterThanOrEqual(2);
    for (const p of pods) {
      expect(workers).toContain(p.spec?.nodeName);
      expect(p.spec?.containers[0]?.image).toBe('nginx:1.19.1');
    }
  });

  it('runs one DaemonSet pod per eligible node', async () => {
    const expectations = [
      { ns: 'kube-system', name: 'kube-proxy', selector: 'k8s-app=kube-proxy', nodes: ['k8smaster01', ...workers] },
      { ns: 'monitoring', name: 'node-exporter', selector: 'app=node-exporter', nodes: workers },
    ];
    for (const e of expectations) {
      const ds = await apps.readNamespacedDaemonSet({ name: e.name, namespace: e.ns });
      expect(ds.status?.desiredNumberScheduled, e.name).toBe(e.nodes.length);
      const pods = (await core.listNamespacedPod({ namespace: e.ns, labelSelector: e.selector })).items.filter(running);
      expect(pods.map((p) => p.spec?.nodeName).sort(), e.name).toEqual(e.nodes);
    }
  });

  it('has the monitoring deployment and a Service for nginx', async () => {
    const ksm = await apps.readNamespacedDeployment({ name: 'kube-state-metrics', namespace: 'monitoring' });
    expect(ksm.status?.readyReplicas).toBe(1);
    const svc = await core.readNamespacedService({ name: 'nginx-service', namespace: 'default' });
    expect(svc.spec?.selector).toEqual({ app: 'nginx' });
  });

  describe('scaling nginx-deployment', () => {
    const scaleTo = (replicas: number) =>
      apps.replaceNamespacedDeploymentScale({
        name: 'nginx-deployment',
        namespace: 'default',
        body: { metadata: { name: 'nginx-deployment', namespace: 'default' }, spec: { replicas } },
      });
    afterAll(() => scaleTo(2));

    it('to 5 gives 5 Running pods', async () => {
      await scaleTo(5);
      const pods = await eventually(async () => {
        const items = (await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=nginx' })).items;
        const live = items.filter((p) => !p.metadata?.deletionTimestamp);
        return live.length === 5 && live.every(running) ? live : undefined;
      }, 60_000, '5 Running nginx pods');
      expect(pods).toHaveLength(5);
      for (const p of pods) expect(workers).toContain(p.spec?.nodeName);
    });
  });

  it('Prometheus has a CPU series for every seeded pod', async () => {
    // Listed on every try: pods that the scaling test above is still removing drop out, new ones get scraped.
    const seededPods = async () =>
      (await core.listPodForAllNamespaces()).items
        .filter((p) => ['default', 'kube-system', 'monitoring'].includes(p.metadata?.namespace ?? ''))
        .filter(running)
        .map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`);
    let seeded: string[] = [];
    const series = await eventually(async () => {
      seeded = await seededPods();
      const rows = await promQuery('sum by (namespace, pod) (container_cpu_usage_seconds_total)');
      const have = new Set(rows.map((r) => `${r.metric.namespace}/${r.metric.pod}`));
      const missing = seeded.filter((p) => !have.has(p));
      return seeded.length >= 8 && missing.length === 0 ? rows : false;
    }, 60_000, 'a CPU series per seeded pod');
    expect(seeded.length).toBeGreaterThanOrEqual(8);
    expect(series.length).toBeGreaterThanOrEqual(seeded.length);
    const rates = await promQuery('sum by (pod) (rate(container_cpu_usage_seconds_total{namespace="default"}[1m]))');
    expect(rates.some((r) => Number(r.value[1]) > 0)).toBe(true);
  });
});
