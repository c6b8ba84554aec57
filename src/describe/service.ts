// kubectl describe service, with its endpoints read from the Service's EndpointSlices.
import type { KubeObject } from '../kube/types.js';
import { formatLabels } from '../render/selector.js';
import { arr, field, num, str } from './format.js';
import { annotationsMultiline, labelsMultiline, type DescribeWriter } from './writer.js';

type Obj = Record<string, unknown>;

function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** kubectl's formatEndpointSlices: ready addresses (host:port) for the named port, at most 3 shown. */
export function formatEndpoints(slices: readonly KubeObject[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  const ready = (e: Obj) => field(e, 'conditions', 'ready') !== false;
  for (const slice of slices) {
    const ports = arr(slice.ports);
    const endpoints = arr(slice.endpoints);
    if (ports.length === 0) {
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(str(arr<string>(e.addresses)[0]));
        count++;
      }
      continue;
    }
    for (const port of ports) {
      if (portName !== undefined && str(port.name) !== portName) continue;
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(joinHostPort(str(arr<string>(e.addresses)[0]), num(port.port)));
        count++;
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

function ingressText(ingress: Obj[]): string {
  return ingress
    .map((i) => (i.ip ? `${str(i.ip)}${i.ipMode ? ` (${str(i.ipMode)})` : ''}` : str(i.hostname)))
    .join(', ');
}

export function describeService(w: DescribeWriter, svc: KubeObject, slices: readonly KubeObject[]): void {
  const spec = (svc.spec ?? {}) as Obj;
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', svc.metadata.labels);
  annotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector as Record<string, string> | undefined)}\n`);
  w.write(0, `Type:\t${str(spec.type)}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${str(spec.ipFamilyPolicy)}\n`);
  const families = arr<string>(spec.ipFamilies);
  w.write(0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${str(spec.clusterIP)}\n`);
  const ips = arr<string>(spec.clusterIPs);
  w.write(0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`);
  const externalIPs = arr<string>(spec.externalIPs);
  if (externalIPs.length > 0) w.write(0, `External IPs:\t${externalIPs.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${str(spec.loadBalancerIP)}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${str(spec.externalName)}\n`);
  const ingress = arr(field(svc, 'status', 'loadBalancer', 'ingress'));
  if (ingress.length > 0) w.write(0, `LoadBalancer Ingress:\t${ingressText(ingress)}\n`);
  for (const p of arr(spec.ports)) {
    const name = str(p.name) || '<unset>';
    const protocol = str(p.protocol);
    w.write(0, `Port:\t${name}\t${num(p.port)}/${protocol}\n`);
    w.write(0, `TargetPort:\t${str(p.targetPort)}/${protocol}\n`);
    if (p.appProtocol) w.write(0, `AppProtocol:\t${str(p.appProtocol)}\n`);
    if (num(p.nodePort) !== 0) w.write(0, `NodePort:\t${name}\t${num(p.nodePort)}/${protocol}\n`);
    w.write(0, `Endpoints:\t${formatEndpoints(slices, str(p.name))}\n`);
  }
  w.write(0, `Session Affinity:\t${str(spec.sessionAffinity)}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${str(spec.externalTrafficPolicy)}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${str(spec.internalTrafficPolicy)}\n`);
  if (num(spec.healthCheckNodePort) !== 0) w.write(0, `HealthCheck NodePort:\t${num(spec.healthCheckNodePort)}\n`);
  const ranges = arr<string>(spec.loadBalancerSourceRanges);
  if (ranges.length > 0) w.write(0, `LoadBalancer Source Ranges:\t${ranges.join(',')}\n`);
  if (spec.trafficDistribution) w.write(0, `Traffic Distribution:\t${str(spec.trafficDistribution)}\n`);
}
