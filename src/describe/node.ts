// kubectl describe node: roles, taints, lease, conditions, capacity, system info, the pods on
// it with their requests and limits, and the allocated totals.
import type { KubeObject } from '../kube/types.js';
import { since } from './events.js';
import { arr, field, rfc1123z, str } from './format.js';
import { addInto, podResources, reportsResources, toMap, type ResourceMap } from '../resources/pod-resources.js';
import { formatQuantity, milliValue, parseQuantity, unitValue, ZERO, type Quantity } from '../resources/quantity.js';
import { annotationsMultiline, labelsMultiline, sortedKeys, taintsMultiline, type DescribeWriter, type Taint } from './writer.js';

type Obj = Record<string, unknown>;

/** Roles from node-role.kubernetes.io/<role> labels and kubernetes.io/role, sorted. */
export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

function percent(part: number, whole: number): number {
  if (whole === 0) return part === 0 ? NaN : Infinity;
  return Math.trunc((part / whole) * 100);
}

/** "100m (10%)"; Go prints int64 of NaN/Inf as the minimum int64. */
function withPercent(q: Quantity | undefined, pct: number): string {
  const p = Number.isFinite(pct) ? String(pct) : '-9223372036854775808';
  return `${formatQuantity(q ?? ZERO)} (${p}%)`;
}

function describeNodeResource(w: DescribeWriter, node: KubeObject, pods: readonly KubeObject[], now: number): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const alloc = toMap(Object.keys((field(node, 'status', 'allocatable') ?? {}) as Obj).length > 0 ? field(node, 'status', 'allocatable') : field(node, 'status', 'capacity'));
  const allocCpu = milliValue(alloc.get('cpu') ?? ZERO);
  const allocMem = unitValue(alloc.get('memory') ?? ZERO);
  const reqs: ResourceMap = new Map();
  const limits: ResourceMap = new Map();
  for (const pod of pods) {
    // The row counts what the kubelet reports for resized containers; the totals count the spec.
    const r = podResources(pod, 'requests');
    const l = podResources(pod, 'limits');
    addInto(reqs, r);
    addInto(limits, l);
    const reported = reportsResources(pod);
    const cpu = (m: ResourceMap) => withPercent(m.get('cpu'), percent(milliValue(m.get('cpu') ?? ZERO), allocCpu));
    const mem = (m: ResourceMap) => withPercent(m.get('memory'), percent(unitValue(m.get('memory') ?? ZERO), allocMem));
    const rr = reported ? podResources(pod, 'requests', true) : r;
    const rl = reported ? podResources(pod, 'limits', true) : l;
    w.write(1, `${pod.metadata.namespace ?? ''}\t${pod.metadata.name}\t\t${cpu(rr)}\t${cpu(rl)}\t${mem(rr)}\t${mem(rl)}\t${since(pod.metadata.creationTimestamp, now)}\n`);
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.line(1, 'Resource', 'Requests', 'Limits');
  w.line(1, '--------', '--------', '------');
  const totalPct = (m: ResourceMap, name: string, whole: number, value: (q: Quantity) => number) => {
    const pct = whole === 0 ? 0 : Math.trunc((value(m.get(name) ?? ZERO) / whole) * 100);
    return `${formatQuantity(m.get(name) ?? ZERO)} (${pct}%)`;
  };
  const allocEph = unitValue(alloc.get('ephemeral-storage') ?? ZERO);
  w.line(1, 'cpu', totalPct(reqs, 'cpu', allocCpu, milliValue), totalPct(limits, 'cpu', allocCpu, milliValue));
  w.line(1, 'memory', totalPct(reqs, 'memory', allocMem, unitValue), totalPct(limits, 'memory', allocMem, unitValue));
  w.line(1, 'ephemeral-storage', totalPct(reqs, 'ephemeral-storage', allocEph, unitValue), totalPct(limits, 'ephemeral-storage', allocEph, unitValue));
  const names = [...alloc.keys()].sort();
  for (const name of names.filter((n) => n.startsWith('hugepages-'))) {
    const whole = unitValue(alloc.get(name) ?? ZERO);
    w.line(1, name, totalPct(reqs, name, whole, unitValue), totalPct(limits, name, whole, unitValue));
  }
  const extended = (n: string) => !['cpu', 'memory', 'ephemeral-storage', 'pods'].includes(n) && !n.startsWith('hugepages-');
  for (const name of names.filter(extended)) {
    w.line(1, name, formatQuantity(reqs.get(name) ?? ZERO), formatQuantity(limits.get(name) ?? ZERO));
  }
}

function describeLease(w: DescribeWriter, lease: KubeObject | Error | undefined): void {
  if (lease instanceof Error) {
    w.write(0, `Lease:\tFailed to get lease: ${lease.message}\n`);
    return;
  }
  const spec = (lease?.spec ?? {}) as Obj;
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${str(spec.holderIdentity) || '<unset>'}\n`);
  w.write(1, `AcquireTime:\t${spec.acquireTime ? rfc1123z(spec.acquireTime) : '<unset>'}\n`);
  w.write(1, `RenewTime:\t${spec.renewTime ? rfc1123z(spec.renewTime) : '<unset>'}\n`);
}

export interface NodeExtras {
  lease?: KubeObject | Error;
  /** Non-terminated pods on the node, or 'forbidden' when pods cannot be listed. */
  pods: readonly KubeObject[] | 'forbidden';
}

export function describeNode(w: DescribeWriter, node: KubeObject, extras: NodeExtras, now: number): void {
  const spec = (node.spec ?? {}) as Obj;
  const status = (node.status ?? {}) as Obj;
  w.write(0, `Name:\t${node.metadata.name}\n`);
  const roles = nodeRoles(node);
  w.write(0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
  labelsMultiline(w, 'Labels', node.metadata.labels);
  annotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  taintsMultiline(w, 'Taints', arr<Taint>(spec.taints));
  w.write(0, `Unschedulable:\t${spec.unschedulable === true}\n`);
  describeLease(w, extras.lease);
  const conditions = arr(status.conditions);
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.line(1, '----', '------', '-----------------', '------------------', '------', '-------');
    for (const c of conditions) {
      w.write(1, `${str(c.type)} \t${str(c.status)} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${str(c.reason)} \t${str(c.message)}\n`);
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of arr(status.addresses)) w.write(1, `${str(a.type)}:\t${str(a.address)}\n`);
  for (const [title, key] of [['Capacity', 'capacity'], ['Allocatable', 'allocatable']] as const) {
    const map = (status[key] ?? {}) as Obj;
    const names = sortedKeys(map);
    if (names.length === 0) continue;
    w.write(0, `${title}:\n`);
    for (const n of names) w.write(0, `  ${n}:\t${formatQuantity(parseQuantity(map[n]) ?? ZERO)}\n`);
  }
  const info = (status.nodeInfo ?? {}) as Obj;
  w.write(0, 'System Info:\n');
  const infoRows: [string, string][] = [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
  ];
  for (const [title, key] of infoRows) w.write(0, `  ${title}:\t${str(info[key])}\n`);
  if (spec.podCIDR) w.write(0, `PodCIDR:\t${str(spec.podCIDR)}\n`);
  const cidrs = arr<string>(spec.podCIDRs);
  if (cidrs.length > 0) w.write(0, `PodCIDRs:\t${cidrs.join(',')}\n`);
  if (spec.providerID) w.write(0, `ProviderID:\t${str(spec.providerID)}\n`);
  if (extras.pods === 'forbidden') w.write(0, 'Pods:\tnot authorized\n');
  else describeNodeResource(w, node, extras.pods, now);
}
