// What a port-forward reaches, worked out from the row it was opened on (pure): the ports to
// offer (a pod's or a pod template's declared container ports, a Service's ports), the pods that
// can serve it (the pod itself, or the pods the Service or Deployment selects: its drill-down),
// which of them takes the next connection (the one in use while it stays ready, else a ready one),
// and the port on that pod (a Service's targetPort, by number or by the container port's name).
import type { KindSpec } from '../kinds/types.js';
import type { KubeObject } from '../kube/types.js';

interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: string;
}
interface PodSpecLike {
  containers?: { name: string; ports?: ContainerPort[] }[];
}
interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
}

/** A port the form offers: the number as kubectl's REMOTE_PORT, and how it reads. */
export interface PortChoice {
  port: number;
  label: string;
  /** A Service's targetPort (a number, or a container port's name). */
  targetPort?: number | string;
}

export interface ForwardTarget {
  /** kubectl's TYPE ("pod", "service", "deployment") and the object. */
  type: string;
  namespace: string;
  name: string;
  /** One pod by name, or the pods a selector matches. */
  pod?: string;
  labelSelector?: string;
  ports: readonly PortChoice[];
}

function containerPorts(spec: PodSpecLike | undefined): PortChoice[] {
  const out: PortChoice[] = [];
  for (const c of spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if ((p.protocol ?? 'TCP') !== 'TCP' || out.some((o) => o.port === p.containerPort)) continue;
      out.push({ port: p.containerPort, label: `${p.containerPort}${p.name ? ` (${p.name}, ${c.name})` : ` (${c.name})`}` });
    }
  }
  return out;
}

/** The forward for a row, or why there is none. */
export function forwardTarget(spec: KindSpec, obj: KubeObject): ForwardTarget | string {
  const { name, namespace } = obj.metadata;
  if (!namespace) return `${spec.kind} ${name} has no namespace`;
  if (spec.id === 'pods') return { type: 'pod', namespace, name, pod: name, ports: containerPorts(obj.spec as PodSpecLike) };
  const labelSelector = spec.drill?.(obj)?.labelSelector;
  if (!labelSelector) return `${spec.kind.toLowerCase()}/${name} selects no pods, so there is nothing to forward to`;
  const type = spec.kind.toLowerCase();
  if (spec.id === 'services') {
    const ports = ((obj.spec as { ports?: ServicePort[] } | undefined)?.ports ?? []).filter((p) => (p.protocol ?? 'TCP') === 'TCP');
    const choices = ports.map((p) => ({ port: p.port, targetPort: p.targetPort ?? p.port, label: `${p.port}${p.name ? ` (${p.name})` : ''} → ${p.targetPort ?? p.port}` }));
    return { type, namespace, name, labelSelector, ports: choices };
  }
  const template = (obj.spec as { template?: { spec?: PodSpecLike } } | undefined)?.template?.spec;
  return { type, namespace, name, labelSelector, ports: containerPorts(template) };
}

interface PodStatusLike {
  phase?: string;
  conditions?: { type: string; status: string }[];
}

/** Running, Ready and not being deleted: a pod a new connection may go to. */
export function isReady(pod: KubeObject): boolean {
  if (pod.metadata.deletionTimestamp) return false;
  const status = pod.status as PodStatusLike | undefined;
  return status?.phase === 'Running' && Boolean(status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
}

/** The pod for the next connection: `current` while it is ready, else the oldest ready pod. */
export function pickPod(pods: readonly KubeObject[], current: string | undefined): KubeObject | undefined {
  const ready = pods.filter(isReady);
  const kept = current ? ready.find((p) => p.metadata.name === current) : undefined;
  if (kept) return kept;
  const age = (p: KubeObject) => p.metadata.creationTimestamp ?? '';
  return [...ready].sort((a, b) => age(a).localeCompare(age(b)) || a.metadata.name.localeCompare(b.metadata.name))[0];
}

/** The pod's port for the chosen one: a Service's targetPort by number or container port name. */
export function podPort(choice: PortChoice, pod: KubeObject): number | string {
  const target = choice.targetPort;
  if (target === undefined || typeof target === 'number') return target ?? choice.port;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of (pod.spec as PodSpecLike | undefined)?.containers ?? []) {
    const found = c.ports?.find((p) => p.name === target);
    if (found) return found.containerPort;
  }
  return `pod ${pod.metadata.name} has no container port named "${target}"`;
}
