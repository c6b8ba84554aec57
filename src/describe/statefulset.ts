// kubectl describe statefulset: replicas, update strategy, pods status, the pod template and the
// volume claim templates.
import type { KubeObject } from '../kube/types.js';
import { selectorString, type LabelSelector } from '../render/selector.js';
import { arr, field, num, rfc1123z, str } from './format.js';
import { describePodTemplate } from './pod.js';
import { quantityText } from '../resources/quantity.js';
import { podCounts } from './workloads.js';
import { annotationsMultiline, labelsMultiline, type DescribeWriter } from './writer.js';

type Obj = Record<string, unknown>;

function describeClaimTemplates(w: DescribeWriter, templates: Obj[]): void {
  if (templates.length === 0) {
    w.write(0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(0, 'Volume Claims:\n');
  for (const pvc of templates) {
    const meta = (pvc.metadata ?? {}) as { name?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
    const className = str(field(pvc, 'spec', 'storageClassName')) || (meta.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '');
    w.write(1, `Name:\t${meta.name ?? ''}\n`);
    w.write(1, `StorageClass:\t${className}\n`);
    labelsMultiline(w, 'Labels', meta.labels, '  ');
    labelsMultiline(w, 'Annotations', meta.annotations, '  ');
    const storage = field(pvc, 'spec', 'resources', 'requests', 'storage');
    w.write(1, `Capacity:\t${storage === undefined ? '<default>' : quantityText(storage)}\n`);
    w.write(1, `Access Modes:\t[${arr<string>(field(pvc, 'spec', 'accessModes')).join(' ')}]\n`);
  }
}

export function describeStatefulSet(w: DescribeWriter, sts: KubeObject, pods: readonly KubeObject[]): void {
  const spec = (sts.spec ?? {}) as Obj;
  w.write(0, `Name:\t${sts.metadata.name}\n`);
  w.write(0, `Namespace:\t${sts.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${selectorString(spec.selector as LabelSelector | undefined) ?? ''}\n`);
  labelsMultiline(w, 'Labels', sts.metadata.labels);
  annotationsMultiline(w, 'Annotations', sts.metadata.annotations);
  w.write(0, `Replicas:\t${num(spec.replicas)} desired | ${num(field(sts, 'status', 'replicas'))} total\n`);
  w.write(0, `Update Strategy:\t${str(field(spec, 'updateStrategy', 'type'))}\n`);
  const ru = field<Obj>(spec, 'updateStrategy', 'rollingUpdate');
  if (ru && ru.partition !== undefined && ru.partition !== null) {
    w.write(1, `Partition:\t${num(ru.partition)}\n`);
    if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) w.write(1, `MaxUnavailable:\t${String(ru.maxUnavailable)}\n`);
  }
  const c = podCounts(pods, sts.metadata.uid);
  w.write(0, `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`);
  describePodTemplate(w, spec.template);
  describeClaimTemplates(w, arr(spec.volumeClaimTemplates));
}
