// Grows (or shrinks) the sandbox for benchmarks: N extra kwok nodes and M Running pods.
//   npm run sandbox:scale -- --nodes N --pods M
// Nodes are scale-node-0001..N (label kt.scale=true); pods belong to Deployment scale/scale-pods,
// which only lands on those nodes. Prints how long it took and how fast a full pod list answers.
import { AppsV1Api, CoreV1Api, KubeConfig, type V1Deployment } from '@kubernetes/client-node';
import { kubeconfigPath } from '../test/helpers/sandbox.js';

const NS = 'scale';
const DEPLOY = 'scale-pods';

function parseArgs(argv: string[]): { nodes: number; pods: number } {
  const out = { nodes: -1, pods: -1 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = Number(argv[i + 1]);
    if ((flag === '--nodes' || flag === '--pods') && Number.isInteger(value) && value >= 0) {
      out[flag === '--nodes' ? 'nodes' : 'pods'] = value;
      i++;
    } else {
      throw new Error(`unexpected argument "${flag}"; usage: npm run sandbox:scale -- --nodes N --pods M`);
    }
  }
  if (out.nodes < 0 || out.pods < 0) throw new Error('usage: npm run sandbox:scale -- --nodes N --pods M (both whole numbers >= 0)');
  if (out.pods > 0 && out.nodes === 0) throw new Error('--pods needs at least one node (--nodes N with N >= 1)');
  return out;
}

const nodeName = (i: number) => `scale-node-${String(i).padStart(4, '0')}`;

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

async function scaleNodes(core: CoreV1Api, want: number) {
  const existing = (await core.listNode({ labelSelector: 'kt.scale=true' })).items.map((n) => n.metadata!.name!);
  const wanted = new Set(Array.from({ length: want }, (_, i) => nodeName(i + 1)));
  const create = [...wanted].filter((n) => !existing.includes(n));
  const remove = existing.filter((n) => !wanted.has(n));
  await inBatches(create, 20, (name) =>
    core.createNode({
      body: {
        metadata: {
          name,
          annotations: { 'kwok.x-k8s.io/node': 'fake' },
          labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', type: 'kwok', 'kt.scale': 'true' },
        },
      },
    }),
  );
  await inBatches(remove, 20, (name) => core.deleteNode({ name }));
  return { created: create.length, removed: remove.length };
}

function deployment(replicas: number): V1Deployment {
  const labels = { app: DEPLOY };
  return {
    metadata: { name: DEPLOY, namespace: NS, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '100%', maxUnavailable: '100%' } },
      template: {
        metadata: { labels, annotations: { 'kwok.x-k8s.io/usage-cpu': '25m', 'kwok.x-k8s.io/usage-memory': '40Mi' } },
        spec: {
          nodeSelector: { 'kt.scale': 'true' },
          containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.10' }],
        },
      },
    },
  };
}

async function scalePods(core: CoreV1Api, apps: AppsV1Api, replicas: number) {
  await core.createNamespace({ body: { metadata: { name: NS } } }).catch(() => undefined);
  try {
    await apps.readNamespacedDeployment({ name: DEPLOY, namespace: NS });
    await apps.replaceNamespacedDeploymentScale({
      name: DEPLOY, namespace: NS, body: { metadata: { name: DEPLOY, namespace: NS }, spec: { replicas } },
    });
  } catch {
    await apps.createNamespacedDeployment({ namespace: NS, body: deployment(replicas) });
  }
}

/** Running and not terminating, among the Deployment's pods. One full list: use it sparingly. */
async function countRunning(core: CoreV1Api): Promise<{ running: number; total: number }> {
  const pods = (await core.listNamespacedPod({ namespace: NS, labelSelector: `app=${DEPLOY}` })).items;
  const running = pods.filter((p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp).length;
  return { running, total: pods.length };
}

// Polls cheaply (only the pods not yet Running, and the Deployment's status) every 5 s: a full list
// of 10,000 pods every second took 40% of a core from the API server and kwok it was waiting on.
async function waitRunning(core: CoreV1Api, apps: AppsV1Api, want: number, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const pending = (
      await core.listNamespacedPod({ namespace: NS, labelSelector: `app=${DEPLOY}`, fieldSelector: 'status.phase!=Running' })
    ).items.length;
    const status = (await apps.readNamespacedDeployment({ name: DEPLOY, namespace: NS }).catch(() => undefined))?.status;
    const replicas = status?.replicas ?? 0;
    process.stderr.write(`\r[scale] ${replicas - pending}/${want} pods Running (${replicas} total)   `);
    if (pending === 0 && replicas === want) {
      const { running, total } = await countRunning(core);
      if (running === want && total === want) return process.stderr.write('\n');
    }
    if (Date.now() > end) throw new Error(`only ${replicas - pending} of ${want} pods Running after ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 5000));
  }
}

async function listLatency(core: CoreV1Api): Promise<{ medianMs: number; count: number }> {
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    count = (await core.listPodForAllNamespaces()).items.length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { medianMs: Math.round(times[2]!), count };
}

async function main() {
  const { nodes, pods } = parseArgs(process.argv.slice(2));
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const core = kc.makeApiClient(CoreV1Api);
  const apps = kc.makeApiClient(AppsV1Api);
  const t0 = performance.now();
  if (pods === 0) await scalePods(core, apps, 0);
  const n = await scaleNodes(core, nodes);
  console.error(`[scale] nodes: ${n.created} created, ${n.removed} removed`);
  if (nodes > 0 || pods > 0) await scalePods(core, apps, pods);
  await waitRunning(core, apps, pods, Number(process.env.KT_SCALE_TIMEOUT_S ?? 900) * 1000);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const { medianMs, count } = await listLatency(core);
  console.log(`scaled to ${nodes} extra nodes and ${pods} pods in ${seconds}s; listing all ${count} pods takes ${medianMs} ms (median of 5)`);
}

main().catch((err: unknown) => {
  console.error(`sandbox:scale: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
