// kubectl describe for DaemonSets, Deployments and ReplicaSets (the related pods and ReplicaSets
// are fetched by describe-object.ts and passed in).
import type { KubeObject } from '../kube/types.js';
import { formatLabels, formatSelector, selectorString, type LabelSelector } from '../render/selector.js';
import { arr, field, num, rfc1123z, str } from './format.js';
import { controlledBy, describePodTemplate } from './pod.js';
import { annotationsMultiline, labelsMultiline, type DescribeWriter } from './writer.js';

export interface PodCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/** Phases of the pods this controller (by uid) controls, as kubectl counts them. */
export function podCounts(pods: readonly KubeObject[], ownerUid: string | undefined): PodCounts {
  const counts: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of pods) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (!ref || ref.uid !== ownerUid) continue;
    const phase = field(pod, 'status', 'phase');
    if (phase === 'Running') counts.running++;
    else if (phase === 'Pending') counts.waiting++;
    else if (phase === 'Succeeded') counts.succeeded++;
    else if (phase === 'Failed') counts.failed++;
  }
  return counts;
}

function countsText(c: PodCounts): string {
  return `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;
}

/** The Selector line of a workload: labels.Selector's String() ("" when it selects everything). */
function selectorText(obj: KubeObject): string {
  const s = selectorString(field<LabelSelector>(obj, 'spec', 'selector'));
  return s ?? '';
}

function conditionsTable(w: DescribeWriter, obj: KubeObject): void {
  const conditions = arr(field(obj, 'status', 'conditions'));
  if (conditions.length === 0) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.line(1, '----', '------', '------');
  for (const c of conditions) w.write(1, `${str(c.type)} \t${str(c.status)}\t${str(c.reason)}\n`);
}

export function describeDaemonSet(w: DescribeWriter, ds: KubeObject, pods: readonly KubeObject[]): void {
  const status = (ds.status ?? {}) as Record<string, unknown>;
  w.write(0, `Name:\t${ds.metadata.name}\n`);
  w.write(0, `Namespace:\t${ds.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${selectorText(ds)}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(field(ds, 'spec', 'template', 'spec', 'nodeSelector'))}\n`);
  labelsMultiline(w, 'Labels', ds.metadata.labels);
  annotationsMultiline(w, 'Annotations', ds.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${num(status.desiredNumberScheduled)}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${num(status.currentNumberScheduled)}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${num(status.updatedNumberScheduled)}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${num(status.numberAvailable)}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${num(status.numberMisscheduled)}\n`);
  w.write(0, `Pods Status:\t${countsText(podCounts(pods, ds.metadata.uid))}\n`);
  describePodTemplate(w, field(ds, 'spec', 'template'));
}

export function describeReplicaSet(w: DescribeWriter, rs: KubeObject, pods: readonly KubeObject[] | Error): void {
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatSelector(field<LabelSelector>(rs, 'spec', 'selector'))}\n`);
  labelsMultiline(w, 'Labels', rs.metadata.labels);
  annotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const owner = controlledBy(rs);
  if (owner) w.write(0, `Controlled By:\t${owner}\n`);
  w.write(0, `Replicas:\t${num(field(rs, 'status', 'replicas'))} current / ${num(field(rs, 'spec', 'replicas'))} desired\n`);
  w.write(0, 'Pods Status:\t');
  w.write(0, pods instanceof Error ? `error in fetching pods: ${pods.message}\n` : `${countsText(podCounts(pods, rs.metadata.uid))}\n`);
  describePodTemplate(w, field(rs, 'spec', 'template'));
  conditionsTable(w, rs);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

function templateIgnoringHash(obj: KubeObject): string {
  const template = structuredClone(field<Record<string, unknown>>(obj, 'spec', 'template') ?? {});
  const labels = field<Record<string, string>>(template, 'metadata', 'labels');
  if (labels) delete labels['pod-template-hash'];
  if (labels && Object.keys(labels).length === 0) delete (template.metadata as Record<string, unknown>).labels;
  return canonical(template);
}

/** The Deployment's ReplicaSets split as kubectl does: the oldest with its pod template is new. */
export function splitReplicaSets(deploy: KubeObject, all: readonly KubeObject[]): { old: KubeObject[]; new?: KubeObject } {
  const owned = all
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === deploy.metadata.uid))
    .sort((a, b) => {
      const ta = str(a.metadata.creationTimestamp);
      const tb = str(b.metadata.creationTimestamp);
      if (ta !== tb) return Date.parse(ta) - Date.parse(tb);
      return a.metadata.name < b.metadata.name ? -1 : 1;
    });
  const want = templateIgnoringHash(deploy);
  const found = owned.find((rs) => templateIgnoringHash(rs) === want);
  return { old: owned.filter((rs) => rs !== found), new: found };
}

function replicaSetsText(list: readonly KubeObject[]): string {
  const text = list.map((rs) => `${rs.metadata.name} (${num(field(rs, 'status', 'replicas'))}/${num(field(rs, 'spec', 'replicas'))} replicas created)`).join(', ');
  return text || '<none>';
}

export function describeDeployment(w: DescribeWriter, d: KubeObject, replicaSets: readonly KubeObject[] | undefined): void {
  const spec = (d.spec ?? {}) as Record<string, unknown>;
  const status = (d.status ?? {}) as Record<string, unknown>;
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  labelsMultiline(w, 'Labels', d.metadata.labels);
  annotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${selectorText(d)}\n`);
  w.write(
    0,
    `Replicas:\t${num(spec.replicas)} desired | ${num(status.updatedReplicas)} updated | ${num(status.replicas)} total | ${num(status.availableReplicas)} available | ${num(status.unavailableReplicas)} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${str(field(spec, 'strategy', 'type'))}\n`);
  w.write(0, `MinReadySeconds:\t${num(spec.minReadySeconds)}\n`);
  const ru = field<Record<string, unknown>>(spec, 'strategy', 'rollingUpdate');
  if (ru) {
    const v = (x: unknown) => (x === undefined || x === null ? '<nil>' : String(x));
    w.write(0, `RollingUpdateStrategy:\t${v(ru.maxUnavailable)} max unavailable, ${v(ru.maxSurge)} max surge\n`);
  }
  describePodTemplate(w, spec.template);
  conditionsTable(w, d);
  if (replicaSets) {
    const split = splitReplicaSets(d, replicaSets);
    if (split.old.length > 0 || split.new) {
      w.write(0, `OldReplicaSets:\t${replicaSetsText(split.old)}\n`);
      w.write(0, `NewReplicaSet:\t${replicaSetsText(split.new ? [split.new] : [])}\n`);
    }
  }
}
