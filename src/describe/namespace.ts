// kubectl describe namespace: status, conditions, resource quotas and limit ranges.
import type { KubeObject } from '../kube/types.js';
import { arr, field, rfc1123z, str } from './format.js';
import { quantityText } from '../resources/quantity.js';
import { annotationsMultiline, labelsMultiline, sortedKeys, type DescribeWriter } from './writer.js';

type Obj = Record<string, unknown>;

const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

function quotas(w: DescribeWriter, list: readonly KubeObject[]): void {
  if (list.length === 0) {
    w.write(0, 'No resource quota.\n');
    return;
  }
  w.write(0, 'Resource Quotas\n');
  for (const q of [...list].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
    w.write(1, `Name:\t${q.metadata.name}\n`);
    const scopes = arr<string>(field(q, 'spec', 'scopes')).sort();
    if (scopes.length > 0) {
      w.write(1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const scope of scopes) {
        const help = SCOPE_HELP[scope];
        if (help) w.write(1, `* ${help}\n`);
      }
    }
    w.line(1, 'Resource', 'Used', 'Hard');
    w.line(1, '--------', '---', '---');
    const hard = (field(q, 'status', 'hard') ?? {}) as Obj;
    const used = (field(q, 'status', 'used') ?? {}) as Obj;
    for (const r of sortedKeys(hard)) w.line(1, r, used[r] === undefined ? '0' : quantityText(used[r]), quantityText(hard[r]));
  }
}

function limitRanges(w: DescribeWriter, list: readonly KubeObject[]): void {
  if (list.length === 0) {
    w.write(0, 'No LimitRange resource.\n');
    return;
  }
  w.write(0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of list) {
    for (const item of arr(field(lr, 'spec', 'limits'))) {
      const maps = ['min', 'max', 'defaultRequest', 'default', 'maxLimitRequestRatio'].map((k) => (item[k] ?? {}) as Obj);
      const names = new Set<string>();
      for (const m of maps) for (const k of Object.keys(m)) names.add(k);
      for (const name of [...names].sort()) {
        const cells = maps.map((m) => (m[name] === undefined ? '-' : quantityText(m[name])));
        w.write(0, ` ${str(item.type)}\t${name}\t${cells.join('\t')}\n`);
      }
    }
  }
}

export function describeNamespace(w: DescribeWriter, ns: KubeObject, quotaList: readonly KubeObject[] | undefined, limitList: readonly KubeObject[] | undefined): void {
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  labelsMultiline(w, 'Labels', ns.metadata.labels);
  annotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${str(field(ns, 'status', 'phase'))}\n`);
  const conditions = arr(field(ns, 'status', 'conditions'));
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.line(1, 'Type', 'Status', 'LastTransitionTime', 'Reason', 'Message');
    w.line(1, '----', '------', '------------------', '------', '-------');
    for (const c of conditions) w.line(1, str(c.type), str(c.status), rfc1123z(c.lastTransitionTime), str(c.reason), str(c.message));
  }
  if (quotaList) {
    w.write(0, '\n');
    quotas(w, quotaList);
  }
  if (limitList) {
    w.write(0, '\n');
    limitRanges(w, limitList);
  }
}
