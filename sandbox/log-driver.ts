// Gives sandbox pods their own container logs and writes to them (the CLI is sandbox/logs.ts).
// kwok serves a pod's logs from the files its Logs object names (kwok runs with
// --enable-crds=Logs), in the CRI format a kubelet reads: "<RFC3339Nano> stdout F <line>".
import { appendFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KubeClient } from '../src/kube/client.js';
import type { KubeApiError } from '../src/kube/api-errors.js';

interface PodJson {
  spec?: { initContainers?: { name: string }[]; containers?: { name: string }[] };
  status?: { containerStatuses?: ContainerStatusJson[] };
}
interface ContainerStatusJson {
  name: string;
  restartCount: number;
  state?: { running?: { startedAt?: string } };
  [field: string]: unknown;
}

export interface PodRef {
  namespace: string;
  name: string;
}

export const streamsDir = (stateDir: string) => join(stateDir, 'streams', 'logs');
export const logFile = (stateDir: string, pod: PodRef, container: string, previous = false) =>
  join(streamsDir(stateDir), `${pod.namespace}_${pod.name}_${container}${previous ? '.previous' : ''}.log`);

/** One log line in the CRI format; kubectl's --timestamps shows `at`. */
export const criLine = (text: string, at = new Date()) => `${at.toISOString().replace('Z', '000000Z')} stdout F ${text}\n`;

const podPath = (pod: PodRef) => `/api/v1/namespaces/${pod.namespace}/pods/${pod.name}`;
const logsPath = (pod: PodRef, name = '') => `/apis/kwok.x-k8s.io/v1alpha1/namespaces/${pod.namespace}/logs${name && `/${name}`}`;

async function containersOf(client: KubeClient, pod: PodRef): Promise<string[]> {
  const p = await client.request<PodJson>('GET', podPath(pod));
  return [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? [])].map((c) => c.name);
}

/** Creates (or replaces) the pod's Logs object: each container reads its own file. Returns the containers. */
export async function ensurePodLogs(client: KubeClient, stateDir: string, pod: PodRef): Promise<string[]> {
  const containers = await containersOf(client, pod);
  mkdirSync(streamsDir(stateDir), { recursive: true });
  for (const c of containers) {
    for (const previous of [false, true]) {
      const file = logFile(stateDir, pod, c, previous);
      if (!existsSync(file)) writeFileSync(file, '');
    }
  }
  const body = {
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'Logs',
    metadata: { name: pod.name, namespace: pod.namespace },
    spec: {
      logs: containers.map((c) => ({
        containers: [c],
        logsFile: logFile(stateDir, pod, c),
        previousLogsFile: logFile(stateDir, pod, c, true),
        follow: true,
      })),
    },
  };
  try {
    await client.request('POST', logsPath(pod), body);
  } catch (err) {
    if ((err as KubeApiError).statusCode !== 409) throw err;
    await client.request('PATCH', logsPath(pod, pod.name), { spec: body.spec }, 'application/merge-patch+json');
  }
  return containers;
}

/** Appends lines to a container's log. */
export function appendLines(stateDir: string, pod: PodRef, container: string, lines: string[]): void {
  if (lines.length === 0) return;
  const at = new Date();
  appendFileSync(logFile(stateDir, pod, container), lines.map((l) => criLine(l, at)).join(''));
}

/**
 * Writes `count` lines "<prefix> <i>" at about `rate` lines/s, in bursts every 10 ms.
 * Resolves with how long it took (ms).
 */
export async function writeBurst(stateDir: string, pod: PodRef, container: string, count: number, rate: number, prefix = 'line'): Promise<number> {
  const start = performance.now();
  let written = 0;
  while (written < count) {
    const due = Math.min(count, Math.ceil(((performance.now() - start) / 1000) * rate) || 1);
    const batch: string[] = [];
    for (; written < due; written++) batch.push(`${prefix} ${written + 1}`);
    appendLines(stateDir, pod, container, batch);
    if (written < count) await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now() - start;
}

/**
 * A container restart as a kubelet would show it: the current log becomes the previous one, a new
 * empty log starts, and the pod's status counts the restart with the last state terminated.
 */
export async function restartContainer(client: KubeClient, stateDir: string, pod: PodRef, container: string, exitCode = 1): Promise<number> {
  renameSync(logFile(stateDir, pod, container), logFile(stateDir, pod, container, true));
  writeFileSync(logFile(stateDir, pod, container), '');
  const p = await client.request<PodJson>('GET', podPath(pod));
  const now = new Date().toISOString();
  const statuses = (p.status?.containerStatuses ?? []).map((s) => {
    if (s.name !== container) return s;
    const startedAt = s.state?.running?.startedAt ?? now;
    return {
      ...s,
      restartCount: s.restartCount + 1,
      lastState: { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt, finishedAt: now } },
      state: { running: { startedAt: now } },
    };
  });
  const status = statuses.find((s) => s.name === container);
  if (!status) throw new Error(`pod ${pod.namespace}/${pod.name} has no status for container "${container}"`);
  await client.request('PATCH', `${podPath(pod)}/status`, { status: { containerStatuses: statuses } }, 'application/merge-patch+json');
  return status.restartCount;
}
