// The pods pane's %CPU/L and %MEM/L are of the same limit describe prints: one rule for a pod's
// effective limits (sidecars, init containers, overhead, pod-level resources).
import { describe, expect, it } from 'vitest';
import { describeNode } from '../../../src/describe/node.js';
import { DescribeWriter } from '../../../src/describe/writer.js';
import type { KubeObject } from '../../../src/kube/types.js';
import { percentOf } from '../../../src/metrics/format.js';
import { parseQuantity, quantityNumber } from '../../../src/resources/quantity.js';
import { FakeCluster } from '../fakes/fake-cluster.js';
import { node, pod } from '../views/objects.js';
import { mountApp, withNoColor } from '../views/harness.js';
import { FakeMetrics, usage } from './fake-metrics.js';

const MI = 1024 * 1024;
const NOW = Date.parse('2026-01-01T12:00:00Z');

function withSidecarAndOverhead(p: KubeObject): KubeObject {
  const spec = p.spec as { containers: object[] };
  const limits = (cpu: string, memory: string) => ({ limits: { cpu, memory } });
  return {
    ...p,
    spec: {
      ...spec,
      initContainers: [
        { name: 'proxy', image: 'envoy', restartPolicy: 'Always', resources: limits('250m', '128Mi') },
        { name: 'migrate', image: 'tool', resources: limits('2', '64Mi') },
      ],
      containers: spec.containers.map((c) => ({ ...c, resources: limits('500m', '256Mi') })),
      overhead: { cpu: '250m', memory: '32Mi' },
    },
  };
}

const lineOf = (frame: string, text: string) => frame.split('\n').find((l) => l.includes(text)) ?? '';
const cellsOf = (line: string) => line.replace(/[║│>]/g, ' ').trim().split(/\s{2,}/);

/** describe node's CPU Limits and Memory Limits of the pod: "1 (50%)" → "1". */
function describedLimits(n: KubeObject, p: KubeObject): { cpu: string; mem: string } {
  const w = new DescribeWriter();
  describeNode(w, n, { pods: [p] }, NOW);
  const row = w.toString().split('\n').find((l) => l.includes(p.metadata.name)) ?? '';
  const cells = row.trim().split(/\s{2,}/);
  // Namespace, Name, CPU Requests, CPU Limits, Memory Requests, Memory Limits, Age
  return { cpu: (cells[3] ?? '').split(' ')[0] ?? '', mem: (cells[5] ?? '').split(' ')[0] ?? '' };
}

describe("a pod's limit percentage", () => {
  withNoColor();

  it('is of the limit describe prints, for a pod with a sidecar, an init container and overhead', async () => {
    const n = { ...node('node1'), status: { ...(node('node1').status as object), allocatable: { cpu: '4', memory: '8Gi', pods: '110' } } };
    const p = withSidecarAndOverhead(pod('web-1', 'default'));
    const described = describedLimits(n, p);
    // app 500m + sidecar 250m = 750m; migrate runs with the sidecar (2250m) and is larger; + overhead 250m.
    expect(described).toEqual({ cpu: '2500m', mem: '416Mi' });

    const source = new FakeCluster();
    source.set({ kind: 'nodes' }, [n]);
    source.set({ kind: 'pods', namespace: 'default' }, [p]);
    const metrics = new FakeMetrics();
    const used = { cpu: 0.9, mem: 200 * MI };
    metrics.set({ target: 'pods', namespace: 'default' }, { 'default/web-1': usage(used.cpu, used.mem) });
    const app = mountApp({ source, metrics, columns: 200 });
    const frame = await app.waitFor((f) => f.includes('900m'));
    const limitOf = (text: string) => quantityNumber(parseQuantity(text) ?? { nano: 0n, format: 'DecimalSI' });
    const cpuPct = `${percentOf(used.cpu, limitOf(described.cpu))}%`;
    const memPct = `${percentOf(used.mem, limitOf(described.mem))}%`;
    expect([cpuPct, memPct]).toEqual(['36%', '48%']);
    const header = cellsOf(lineOf(frame, 'RESTARTS'));
    const cells = cellsOf(lineOf(frame, 'web-1'));
    expect(cells[header.indexOf('%CPU/L')]).toBe(cpuPct);
    expect(cells[header.indexOf('%MEM/L')]).toBe(memPct);
    app.unmount();
  });
});
