// Pods, as `kubectl get pods -o wide`.
import { age, since } from './age.js';
import { NONE } from './cells.js';
import { AGE_COLUMN, NAME_COLUMN, PRIORITY } from './columns.js';
import { podSummary, type PodShape } from './pod-status.js';
import { makeRow, startCells } from './row.js';
import type { KubeObject } from '../kube/types.js';
import type { Health, Renderer } from './types.js';

/** Health from the STATUS cell: waiting-to-start states are `pending`, anything unexpected `error`. */
export function podHealth(status: string, ready: number, total: number): Health {
  switch (status) {
    case 'Running':
      return ready === total ? 'ok' : 'warn';
    case 'Completed':
    case 'Succeeded':
      return 'ok';
    case 'Terminating':
      return 'deleting';
    case 'Pending':
    case 'SchedulingGated':
    case 'NotReady':
      return 'warn';
    case 'ContainerCreating':
    case 'PodInitializing':
    case 'Init:ContainerCreating':
    case 'Init:PodInitializing':
      return 'pending';
  }
  if (status.startsWith('Init:')) {
    const c = status.charCodeAt(5);
    return c >= 48 && c <= 57 ? 'pending' : 'error'; // Init:0/2 vs Init:CrashLoopBackOff, Init:Error, …
  }
  return 'error';
}

function readinessGates(pod: PodShape): string {
  const gates = pod.spec?.readinessGates;
  if (!gates || gates.length === 0) return NONE;
  const conditions = pod.status?.conditions ?? [];
  let met = 0;
  for (const gate of gates) {
    for (const c of conditions) {
      if (c.type === gate.conditionType) {
        if (c.status === 'True') met++;
        break;
      }
    }
  }
  return `${met}/${gates.length}`;
}

export const pods: Renderer = {
  columns: [
    NAME_COLUMN,
    { name: 'READY', priority: PRIORITY.ready },
    { name: 'STATUS', priority: PRIORITY.status },
    { name: 'RESTARTS', priority: PRIORITY.high, align: 'right' },
    AGE_COLUMN,
    { name: 'IP', wide: true, priority: PRIORITY.wide },
    { name: 'NODE', wide: true, priority: PRIORITY.wide + 5 },
    { name: 'NOMINATED NODE', wide: true, priority: PRIORITY.wideLow },
    { name: 'READINESS GATES', wide: true, priority: PRIORITY.wideLow - 5 },
  ],
  render(obj: KubeObject, ctx) {
    const pod = obj as unknown as PodShape;
    const s = podSummary(pod);
    const st = pod.status;
    const restarts =
      s.restarts !== 0 && !Number.isNaN(s.lastRestart) ? `${s.restarts} (${since(s.lastRestart, ctx.now)} ago)` : String(s.restarts);
    const cells = startCells(obj, ctx);
    cells.push(
      obj.metadata.name,
      `${s.ready}/${s.total}`,
      s.status,
      restarts,
      age(obj.metadata.creationTimestamp, ctx.now),
      st?.podIP || st?.podIPs?.[0]?.ip || NONE,
      pod.spec?.nodeName || NONE,
      st?.nominatedNodeName || NONE,
      readinessGates(pod),
    );
    return makeRow(obj, cells, podHealth(s.status, s.ready, s.total), s.status);
  },
};
