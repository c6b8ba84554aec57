// Which containers of which pods a log view streams, from the watched pods: the chosen container
// (or all, init containers included) of every pod whose container has started. Pure.
import type { KubeObject } from '../kube/types.js';
import type { LogTarget } from './log-source.js';

interface ContainerStatus {
  name: string;
  restartCount?: number;
  state?: { waiting?: unknown; running?: unknown; terminated?: unknown };
  lastState?: { terminated?: unknown };
}

interface PodLike {
  spec?: { initContainers?: { name: string }[]; containers?: { name: string }[] };
  status?: { initContainerStatuses?: ContainerStatus[]; containerStatuses?: ContainerStatus[] };
}

/** The pod's containers, init containers first (as kubectl lists them). */
export function containerNames(pod: KubeObject): string[] {
  const spec = (pod as PodLike).spec;
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].map((c) => c.name);
}

function statuses(pod: KubeObject): Map<string, ContainerStatus> {
  const status = (pod as PodLike).status;
  return new Map([...(status?.initContainerStatuses ?? []), ...(status?.containerStatuses ?? [])].map((s) => [s.name, s]));
}

/**
 * The targets for `container` ("*" = all) of the pods. A container is streamed once it has run
 * (running or terminated; for previous logs, once it has a last terminated state).
 */
export function podTargets(pods: readonly KubeObject[], container: string, previous: boolean): LogTarget[] {
  const out: LogTarget[] = [];
  for (const pod of pods) {
    const known = statuses(pod);
    for (const name of containerNames(pod)) {
      if (container !== '*' && name !== container) continue;
      const s = known.get(name);
      const started = previous ? Boolean(s?.lastState?.terminated) : Boolean(s?.state?.running || s?.state?.terminated);
      if (!s || !started) continue;
      out.push({ namespace: pod.metadata.namespace ?? '', pod: pod.metadata.name, container: name, generation: s.restartCount ?? 0 });
    }
  }
  return out;
}
