// Describe benchmarks, outside `npm run bench`'s sections:
//   node --import tsx bench/describe.ts [--runs 21]
// 1. describeObject on the sandbox per kind (API round trips included): median and p95.
// 2. The text alone for a node with 5,000 pods (no API): describeNode + tabwriter layout.
import { describeObject } from '../src/describe/describe-object.js';
import { describeNode } from '../src/describe/node.js';
import { DescribeWriter } from '../src/describe/writer.js';
import { createKubeClient } from '../src/kube/client.js';
import { loadKubeconfig } from '../src/kube/kubeconfig.js';
import type { KubeObject } from '../src/kube/types.js';
import { kubeconfigPath } from '../test/helpers/sandbox.js';

const at = process.argv.indexOf('--runs');
const runs = at > 0 ? Number(process.argv[at + 1]) : 21;

function stats(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const pick = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(1);
  return `median ${pick(0.5)} ms  p95 ${pick(0.95)} ms`;
}

async function time(fn: () => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const client = createKubeClient(loadKubeconfig({ kubeconfig: kubeconfigPath }).kc);
const pod = (await client.list('/api/v1/namespaces/default/pods', { labelSelector: 'app=nginx' })).items[0]?.metadata.name ?? '';
const cases: [string, string | undefined, string][] = [
  ['pods', 'default', pod],
  ['nodes', undefined, 'k8snode01'],
  ['daemonsets', 'kube-system', 'kube-proxy'],
  ['deployments', 'default', 'nginx-deployment'],
  ['services', 'default', 'nginx-service'],
];
console.log(`describeObject on the sandbox (${runs} runs each)`);
for (const [kind, ns, name] of cases) console.log(`  ${kind.padEnd(12)} ${stats(await time(() => describeObject(client, kind, ns, name)))}`);

const node: KubeObject = {
  kind: 'Node',
  metadata: { name: 'big', creationTimestamp: new Date().toISOString() },
  status: { allocatable: { cpu: '64', memory: '256Gi', pods: '5000' }, nodeInfo: {} },
};
const pods: KubeObject[] = Array.from({ length: 5000 }, (_, i) => ({
  kind: 'Pod',
  metadata: { name: `pod-${i}`, namespace: `ns-${i % 50}`, creationTimestamp: new Date(Date.now() - i * 1000).toISOString() },
  spec: { containers: [{ name: 'c', resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } } }] },
}));
const text = () => {
  const w = new DescribeWriter();
  describeNode(w, node, { pods }, Date.now());
  return w.toString();
};
console.log(`node with 5,000 pods, text only: ${text().split('\n').length} lines, ${stats(await time(text))}`);
