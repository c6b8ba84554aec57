// A pod's effective requests and limits as kubectl's node describe counts them (the scheduler's
// rules): containers summed, sidecars (restartable init containers) added, each other init
// container counted with the sidecars started before it, the largest of those kept, pod-level
// cpu/memory winning when set, overhead added. With useStatus, what the kubelet reports as
// allocated and actuated (in-place resize) counts too. Used by describe, the metrics' limit
// percentages, and anything else that needs a pod's footprint: one rule, as kubectl's.
import type { KubeObject } from '../kube/types.js';
import { arr, field, str } from '../kube/fields.js';
import { addQuantity, parseQuantity, ZERO, type Quantity } from './quantity.js';

export type ResourceMap = Map<string, Quantity>;
type Obj = Record<string, unknown>;

export function toMap(list: unknown): ResourceMap {
  const map: ResourceMap = new Map();
  for (const [k, v] of Object.entries((list ?? {}) as Obj)) {
    const q = parseQuantity(v);
    if (q) map.set(k, q);
  }
  return map;
}

export function addInto(total: ResourceMap, add: ResourceMap): void {
  for (const [k, q] of add) total.set(k, addQuantity(total.get(k) ?? ZERO, q));
}

function maxInto(total: ResourceMap, other: ResourceMap): void {
  for (const [k, q] of other) {
    const cur = total.get(k);
    if (!cur || q.nano > cur.nano) total.set(k, q);
  }
}

function maxOf(...maps: ResourceMap[]): ResourceMap {
  const out: ResourceMap = new Map();
  for (const m of maps) maxInto(out, m);
  return out;
}

function resizeInfeasible(pod: KubeObject): boolean {
  const c = arr(field(pod, 'status', 'conditions')).find((x) => x.type === 'PodResizePending');
  return c?.reason === 'Infeasible';
}

/** Whether the kubelet reports a container's resources (then the useStatus figures may differ). */
export function reportsResources(pod: KubeObject): boolean {
  return [...arr(field(pod, 'status', 'containerStatuses')), ...arr(field(pod, 'status', 'initContainerStatuses'))].some((s) => s.resources);
}

export function podResources(pod: KubeObject, which: 'requests' | 'limits', useStatus = false): ResourceMap {
  const statuses = new Map<string, Obj>();
  if (useStatus) {
    for (const s of [...arr(field(pod, 'status', 'containerStatuses')), ...arr(field(pod, 'status', 'initContainerStatuses'))]) statuses.set(str(s.name), s);
  }
  const infeasible = useStatus && resizeInfeasible(pod);
  const effective = (c: Obj): ResourceMap => {
    const spec = toMap(field(c, 'resources', which));
    const status = statuses.get(str(c.name));
    if (!status?.resources) return spec;
    const actuated = toMap(field(status, 'resources', which));
    if (which === 'limits') return infeasible ? actuated : maxOf(spec, actuated);
    const allocated = toMap(status.allocatedResources);
    return infeasible ? maxOf(actuated, allocated) : maxOf(spec, actuated, allocated);
  };

  const total: ResourceMap = new Map();
  for (const c of arr(field(pod, 'spec', 'containers'))) addInto(total, effective(c));
  const sidecars: ResourceMap = new Map();
  const initMax: ResourceMap = new Map();
  for (const c of arr(field(pod, 'spec', 'initContainers'))) {
    const sidecar = c.restartPolicy === 'Always';
    const res = sidecar ? effective(c) : toMap(field(c, 'resources', which));
    if (sidecar) {
      addInto(total, res);
      addInto(sidecars, res);
      maxInto(initMax, sidecars);
    } else {
      const withSidecars: ResourceMap = new Map(res);
      addInto(withSidecars, sidecars);
      maxInto(initMax, withSidecars);
    }
  }
  maxInto(total, initMax);
  for (const [k, q] of toMap(field(pod, 'spec', 'resources', which))) if (k === 'cpu' || k === 'memory') total.set(k, q);
  for (const [k, q] of toMap(field(pod, 'spec', 'overhead'))) {
    const cur = total.get(k);
    // Overhead counts in every request, and in a limit only where one is set.
    if (which === 'requests' || (cur && cur.nano !== 0n)) total.set(k, addQuantity(cur ?? ZERO, q));
  }
  return total;
}

/**
 * The pod's limit of one resource, or undefined when the pod has none: a container without a
 * limit can use the whole node, so, as the kubelet sizes the pod's cgroup, a pod is bounded only
 * when pod-level resources set the limit or every container sets one. The value is
 * podResources' (sidecars, init containers, overhead, and what the kubelet reports after an
 * in-place resize), the figure describe node prints in the pod's row.
 */
export function podLimit(pod: KubeObject, resource: string): Quantity | undefined {
  const podLevel = toMap(field(pod, 'spec', 'resources', 'limits')).get(resource);
  const containers = arr(field(pod, 'spec', 'containers'));
  const bounded = (podLevel && podLevel.nano !== 0n) || (containers.length > 0 && containers.every((c) => (toMap(field(c, 'resources', 'limits')).get(resource)?.nano ?? 0n) !== 0n));
  if (!bounded) return undefined;
  return podResources(pod, 'limits', reportsResources(pod)).get(resource);
}
