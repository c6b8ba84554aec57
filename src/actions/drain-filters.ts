// Which pods `kubectl drain` evicts from a node, and why it refuses: kubectl's filters (k8s.io/
// kubectl/pkg/drain/filters.go) in kubectl's order, with its exact warning and error words. Pure.
import type { KubeObject } from '../kube/types.js';

export const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
export const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
export const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
export const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
export const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
export const UNMANAGED_WARNING = 'deleting Pods that declare no controller';
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

export interface DrainFlags {
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  force: boolean;
}

/** What becomes of one pod: evicted or not, with kubectl's warning or error. */
export interface PodVerdict {
  pod: KubeObject;
  evict: boolean;
  warning?: string;
  error?: string;
}

interface PodShape {
  spec?: { volumes?: { emptyDir?: unknown }[] };
  status?: { phase?: string };
}

function controllerOf(pod: KubeObject): { kind: string; name: string } | undefined {
  const refs = (pod.metadata as { ownerReferences?: { kind: string; name: string; controller?: boolean }[] }).ownerReferences;
  return refs?.find((r) => r.controller);
}

const finished = (pod: KubeObject) => ['Succeeded', 'Failed'].includes((pod as PodShape).status?.phase ?? '');

type Status = Omit<PodVerdict, 'pod'>;
const OKAY: Status = { evict: true };

function daemonSetFilter(pod: KubeObject, flags: DrainFlags, daemonSetMissing: string | undefined): Status {
  if (controllerOf(pod)?.kind !== 'DaemonSet' || finished(pod)) return OKAY;
  if (daemonSetMissing) return flags.force ? { evict: true, warning: daemonSetMissing } : { evict: false, error: daemonSetMissing };
  return flags.ignoreDaemonSets ? { evict: false, warning: DAEMONSET_WARNING } : { evict: false, error: DAEMONSET_FATAL };
}

/** Mirror pods (static pods) cannot be deleted through the API server: skipped, silently. */
function mirrorPodFilter(pod: KubeObject): Status {
  return pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined ? { evict: false } : OKAY;
}

function localStorageFilter(pod: KubeObject, flags: DrainFlags): Status {
  if (!(pod as PodShape).spec?.volumes?.some((v) => v.emptyDir !== undefined) || finished(pod)) return OKAY;
  return flags.deleteEmptyDirData ? { evict: true, warning: LOCAL_STORAGE_WARNING } : { evict: false, error: LOCAL_STORAGE_FATAL };
}

function unreplicatedFilter(pod: KubeObject, flags: DrainFlags): Status {
  if (finished(pod) || controllerOf(pod)) return OKAY;
  return flags.force ? { evict: true, warning: UNMANAGED_WARNING } : { evict: false, error: UNMANAGED_FATAL };
}

/**
 * kubectl's filter chain for one pod, in its order: the first filter that keeps the pod decides,
 * else the last one's status stands (so, as in kubectl, an earlier warning can be dropped).
 * `daemonSetMissing` is the error of looking up the pod's DaemonSet when it is gone (kubectl GETs it).
 */
export function judgePod(pod: KubeObject, flags: DrainFlags, daemonSetMissing?: string): PodVerdict {
  const filters = [
    () => daemonSetFilter(pod, flags, daemonSetMissing),
    () => mirrorPodFilter(pod),
    () => localStorageFilter(pod, flags),
    () => unreplicatedFilter(pod, flags),
  ];
  let status = OKAY;
  for (const filter of filters) {
    status = filter();
    if (!status.evict) break;
  }
  return { pod, ...status };
}

/** The DaemonSet a pod belongs to, if any: kubectl looks each one up. */
export function daemonSetOf(pod: KubeObject): string | undefined {
  const c = controllerOf(pod);
  return c?.kind === 'DaemonSet' && !finished(pod) ? c.name : undefined;
}

const ref = (pod: KubeObject) => `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;

/** Groups messages as kubectl does: "message: ns/a, ns/b", one per message. */
function grouped(verdicts: readonly PodVerdict[], pick: (v: PodVerdict) => string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const v of verdicts) {
    const msg = pick(v);
    if (msg !== undefined) out.set(msg, [...(out.get(msg) ?? []), ref(v.pod)]);
  }
  return out;
}

/** kubectl's errors: "cannot delete <msg>: ns/a, ns/b" (a message that already says "cannot delete" keeps its words). */
export function drainErrors(verdicts: readonly PodVerdict[]): string[] {
  return [...grouped(verdicts, (v) => v.error)].map(([msg, pods]) =>
    msg.toLowerCase().startsWith('cannot delete') ? `${msg}: ${pods.join(', ')}` : `cannot delete ${msg}: ${pods.join(', ')}`,
  );
}

/** kubectl's warning line body: "ignoring DaemonSet-managed Pods: ns/a, ns/b; …". */
export function drainWarnings(verdicts: readonly PodVerdict[]): string | undefined {
  const parts = [...grouped(verdicts, (v) => v.warning)].map(([msg, pods]) => `${msg}: ${pods.join(', ')}`);
  return parts.length ? parts.join('; ') : undefined;
}

/** Go's errors.NewAggregate: one message as is, several in brackets. */
export function aggregate(messages: readonly string[]): string {
  return messages.length === 1 ? (messages[0] as string) : `[${messages.join(', ')}]`;
}
