// kubectl describe pod, and the "Pod Template:" block the workload describers share.
import type { KubeObject } from '../kube/types.js';
import { since } from './events.js';
import { describeContainers, describeResources } from './containers.js';
import { arr, field, num, rfc1123z, str } from './format.js';
import { parseQuantity } from '../resources/quantity.js';
import { describeVolumes } from './volumes.js';
import { annotationsMultiline, labelsMultiline, tolerationsMultiline, type DescribeWriter } from './writer.js';
import { formatSelector, type LabelSelector } from '../render/selector.js';

type Obj = Record<string, unknown>;

/** "ReplicaSet/web-7d4b9" for the controlling owner, "" when none. */
export function controlledBy(obj: KubeObject): string {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** The pod's QoS class: status.qosClass, else computed from requests and limits (cpu, memory). */
export function podQOS(pod: KubeObject): string {
  const fromStatus = str(field(pod, 'status', 'qosClass'));
  if (fromStatus) return fromStatus;
  const containers = [...arr(field(pod, 'spec', 'containers')), ...arr(field(pod, 'spec', 'initContainers'))];
  const isZero = (v: unknown) => (parseQuantity(v)?.nano ?? 0n) === 0n;
  let anySet = false;
  let guaranteed = true;
  for (const c of containers) {
    for (const name of ['cpu', 'memory']) {
      const req = field(c, 'resources', 'requests', name);
      const lim = field(c, 'resources', 'limits', name);
      if ((req !== undefined && !isZero(req)) || (lim !== undefined && !isZero(lim))) anySet = true;
      if (lim === undefined || isZero(lim)) guaranteed = false;
      else if (req !== undefined && parseQuantity(req)?.nano !== parseQuantity(lim)?.nano) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function describeTopologySpread(w: DescribeWriter, spec: unknown, space: string): void {
  const list = [...arr(field(spec, 'topologySpreadConstraints'))].sort((a, b) => (str(a.topologyKey) < str(b.topologyKey) ? -1 : 1));
  if (list.length === 0) return;
  w.write(0, `${space}Topology Spread Constraints:\t`);
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, `${space}\t`);
    let s = `${str(t.topologyKey)}:${str(t.whenUnsatisfiable)} when max skew ${num(t.maxSkew)} is exceeded`;
    if (t.labelSelector) s += ` for selector ${formatSelector(t.labelSelector as LabelSelector)}`;
    w.write(0, `${s}\n`);
  });
}

export function describePod(w: DescribeWriter, pod: KubeObject, now: number): void {
  const spec = (pod.spec ?? {}) as Obj;
  const status = (pod.status ?? {}) as Obj;
  const meta = pod.metadata;
  w.write(0, `Name:\t${meta.name}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`);
  if (typeof spec.priority === 'number') w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${str(spec.priorityClassName)}\n`);
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${str(spec.runtimeClassName)}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${str(spec.serviceAccountName)}\n`);
  w.write(0, spec.nodeName ? `Node:\t${str(spec.nodeName)}/${str(status.hostIP)}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  labelsMultiline(w, 'Labels', meta.labels);
  annotationsMultiline(w, 'Annotations', meta.annotations);
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, now)})\n`);
    w.write(0, `Termination Grace Period:\t${num(field(meta, 'deletionGracePeriodSeconds'))}s\n`);
  } else {
    w.write(0, `Status:\t${str(status.phase)}\n`);
  }
  if (status.reason) w.write(0, `Reason:\t${str(status.reason)}\n`);
  if (status.message) w.write(0, `Message:\t${str(status.message)}\n`);
  const seccomp = field<Obj>(spec, 'securityContext', 'seccompProfile');
  if (seccomp) {
    w.write(0, `SeccompProfile:\t${str(seccomp.type)}\n`);
    if (seccomp.type === 'Localhost') w.write(0, `LocalhostProfile:\t${str(seccomp.localhostProfile)}\n`);
  }
  w.write(0, `IP:\t${str(status.podIP)}\n`);
  const ips = arr(status.podIPs);
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${str(ip.ip)}\n`);
  }
  const owner = controlledBy(pod);
  if (owner) w.write(0, `Controlled By:\t${owner}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${str(status.nominatedNodeName)}\n`);
  if (spec.resources) {
    w.write(0, 'Resources:\n');
    describeResources(w, spec.resources, 1);
  }
  const initContainers = arr(spec.initContainers);
  if (initContainers.length > 0) describeContainers(w, 'Init Containers', initContainers, arr(status.initContainerStatuses), pod, '');
  describeContainers(w, 'Containers', arr(spec.containers), arr(status.containerStatuses), pod, '');
  const ephemeral = arr(spec.ephemeralContainers);
  if (ephemeral.length > 0) describeContainers(w, 'Ephemeral Containers', ephemeral, arr(status.ephemeralContainerStatuses), pod, '');
  const conditions = arr(status.conditions);
  const gates = arr(spec.readinessGates);
  if (gates.length > 0) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of gates) {
      const c = conditions.find((x) => x.type === g.conditionType);
      w.write(1, `${str(g.conditionType)} \t${c ? str(c.status) : '<none>'} \n`);
    }
  }
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(1, `${str(c.type)} \t${str(c.status)} \n`);
  }
  describeVolumes(w, spec.volumes, '');
  w.write(0, `QoS Class:\t${podQOS(pod)}\n`);
  labelsMultiline(w, 'Node-Selectors', spec.nodeSelector as Record<string, string> | undefined);
  tolerationsMultiline(w, 'Tolerations', arr(spec.tolerations));
  describeTopologySpread(w, spec, '');
  const group = field<string>(spec, 'schedulingGroup', 'podGroupName');
  if (spec.schedulingGroup) {
    w.write(0, 'SchedulingGroup:\n');
    w.write(1, `PodGroupName:\t${group ?? ''}\n`);
  }
}

/** kubectl's DescribePodTemplate: the "Pod Template:" block of Deployments, ReplicaSets, DaemonSets. */
export function describePodTemplate(w: DescribeWriter, template: unknown): void {
  w.write(0, 'Pod Template:\n');
  if (!template) {
    w.write(1, '<unset>');
    return;
  }
  const meta = (field<Obj>(template, 'metadata') ?? {}) as { labels?: Record<string, string>; annotations?: Record<string, string> };
  const spec = (field<Obj>(template, 'spec') ?? {}) as Obj;
  labelsMultiline(w, '  Labels', meta.labels);
  if (meta.annotations && Object.keys(meta.annotations).length > 0) annotationsMultiline(w, '  Annotations', meta.annotations);
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${str(spec.serviceAccountName)}\n`);
  const init = arr(spec.initContainers);
  if (init.length > 0) describeContainers(w, 'Init Containers', init, undefined, undefined, '  ');
  describeContainers(w, 'Containers', arr(spec.containers), undefined, undefined, '  ');
  describeVolumes(w, spec.volumes, '  ');
  describeTopologySpread(w, spec, '  ');
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${str(spec.priorityClassName)}\n`);
  labelsMultiline(w, '  Node-Selectors', spec.nodeSelector as Record<string, string> | undefined);
  tolerationsMultiline(w, '  Tolerations', arr(spec.tolerations));
  if (spec.schedulingGroup) {
    w.write(0, '  SchedulingGroup:\n');
    w.write(1, `PodGroupName:\t${str(field(spec, 'schedulingGroup', 'podGroupName'))}\n`);
  }
}
