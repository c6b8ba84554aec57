// Writes to the sandbox for the live benchmark, through kt's own API client: a churn driver that
// creates and deletes pods at a steady rate, and a probe that creates one pod whose row should
// appear at the top of an all-namespaces pods table (namespace and name sort first).
import { performance } from 'node:perf_hooks';
import { homedir } from 'node:os';
import { createKubeClient, type KubeClient } from '../../src/kube/client.js';
import { loadKubeconfig } from '../../src/kube/kubeconfig.js';
import { kubeconfigPath } from '../../test/helpers/sandbox.js';
import { sleep } from './pty-driver.js';

/** Sorts before every other namespace in the sandbox, so probe rows land on the first screen. */
export const BENCH_NS = 'aaa-kt-bench';
const PODS = `/api/v1/namespaces/${BENCH_NS}/pods`;

export function benchClient(): KubeClient {
  const loaded = loadKubeconfig({ kubeconfig: kubeconfigPath, env: {}, home: homedir() });
  return createKubeClient(loaded.kc);
}

function podBody(name: string, node: string): object {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: BENCH_NS, labels: { app: 'kt-bench' } },
    spec: { nodeName: node, containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.10' }], terminationGracePeriodSeconds: 0 },
  };
}

export async function ensureNamespace(client: KubeClient): Promise<void> {
  await client.request('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: BENCH_NS } }).catch(() => undefined);
}

/** Deletes every pod in the bench namespace (leaves the namespace for the next run). */
export async function cleanBenchPods(client: KubeClient): Promise<void> {
  await client.request('DELETE', `${PODS}?gracePeriodSeconds=0`).catch(() => undefined);
}

/** A node the probe and churn pods are bound to: a scale node when there is one (kwok runs them). */
export async function pickNode(client: KubeClient): Promise<string> {
  const scaled = await client.list('/api/v1/nodes', { labelSelector: 'kt.scale=true', limit: 1 });
  return scaled.items[0]?.metadata.name ?? 'k8snode01';
}

const deletePod = (client: KubeClient, name: string) => client.request('DELETE', `${PODS}/${name}?gracePeriodSeconds=0`).catch(() => undefined);

/**
 * Creates then deletes pods, one API write every 1000/rate ms (alternating, so half the writes are
 * creates), keeping about `pool` churn pods alive. Runs until stop() is awaited.
 */
export class Churn {
  writes = 0;
  failures = 0;
  private running = true;
  private readonly loop: Promise<void>;

  constructor(client: KubeClient, node: string, rate: number, tag: string, pool = 20) {
    this.loop = this.run(client, node, rate, tag, pool);
  }

  private async run(client: KubeClient, node: string, rate: number, tag: string, pool: number): Promise<void> {
    const alive: string[] = [];
    const interval = 1000 / rate;
    const t0 = performance.now();
    let seq = 0;
    const inflight = new Set<Promise<unknown>>();
    for (let n = 0; this.running; n++) {
      const due = t0 + n * interval;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const create = alive.length < pool || n % 2 === 0;
      const name = create ? `churn-${tag}-${String(seq++).padStart(6, '0')}` : (alive.shift() as string);
      const op = create
        ? client.request('POST', PODS, podBody(name, node)).then(() => alive.push(name))
        : deletePod(client, name);
      const tracked: Promise<unknown> = op.then(
        () => void this.writes++,
        () => void this.failures++,
      ).finally(() => inflight.delete(tracked));
      inflight.add(tracked);
    }
    await Promise.all(inflight);
    await Promise.all(alive.map((name) => deletePod(client, name)));
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}

/** Creates one probe pod; resolves with the time the request was sent, and a delete for it. */
export async function probePod(client: KubeClient, node: string, name: string): Promise<{ sentAt: number; remove: () => Promise<unknown> }> {
  const sentAt = performance.now();
  await client.request('POST', PODS, podBody(name, node));
  return { sentAt, remove: () => deletePod(client, name) };
}
