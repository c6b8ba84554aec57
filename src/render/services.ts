// Services, as `kubectl get services -o wide`.
import { age } from './age.js';
import { NONE } from './cells.js';
import { AGE_COLUMN, NAME_COLUMN, PRIORITY } from './columns.js';
import { makeRow, startCells, unlessDeleting } from './row.js';
import { formatLabels } from './selector.js';
import type { KubeObject } from '../kube/types.js';
import type { Renderer } from './types.js';

interface ServicePort {
  port?: number;
  nodePort?: number;
  protocol?: string;
}

interface ServiceShape {
  spec?: {
    type?: string;
    clusterIP?: string;
    clusterIPs?: string[];
    externalIPs?: string[];
    externalName?: string;
    ports?: ServicePort[];
    selector?: Record<string, string>;
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

/** Without -o wide kubectl cuts the load-balancer list to this many characters. */
const LB_WIDTH = 16;

/** "80/TCP,443:30443/TCP"; "<none>" without ports. */
export function portsCell(ports: readonly ServicePort[] | undefined): string {
  if (!ports || ports.length === 0) return NONE;
  let out = '';
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i] as ServicePort;
    const proto = p.protocol ?? 'TCP';
    const port = p.port ?? 0;
    out += (i === 0 ? '' : ',') + (p.nodePort && p.nodePort > 0 ? `${port}:${p.nodePort}/${proto}` : `${port}/${proto}`);
  }
  return out;
}

function loadBalancerIPs(svc: ServiceShape, wide: boolean): string {
  const seen: string[] = [];
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    const v = ing.ip || ing.hostname;
    if (v && !seen.includes(v)) seen.push(v);
  }
  const r = seen.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(',');
  return !wide && r.length > LB_WIDTH ? `${r.slice(0, LB_WIDTH - 3)}...` : r;
}

/** EXTERNAL-IP: externalIPs, the load balancer's ingress ("<pending>" until it has one), or the externalName. */
export function externalIPCell(svc: ServiceShape, wide: boolean): string {
  const spec = svc.spec ?? {};
  const external = spec.externalIPs ?? [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : NONE;
    case 'LoadBalancer': {
      const lb = loadBalancerIPs(svc, wide);
      if (external.length > 0) return lb ? `${lb},${external.join(',')}` : external.join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

export const services: Renderer = {
  columns: [
    NAME_COLUMN,
    { name: 'TYPE', priority: PRIORITY.high },
    { name: 'CLUSTER-IP', priority: PRIORITY.medium },
    { name: 'EXTERNAL-IP', priority: PRIORITY.low + 5 },
    { name: 'PORT(S)', priority: PRIORITY.status },
    AGE_COLUMN,
    { name: 'SELECTOR', wide: true, priority: PRIORITY.wide },
  ],
  render(obj: KubeObject, ctx) {
    const svc = obj as unknown as ServiceShape;
    const spec = svc.spec;
    const type = spec?.type ?? 'ClusterIP';
    const external = externalIPCell(svc, ctx.wide !== false);
    const cells = startCells(obj, ctx);
    cells.push(
      obj.metadata.name,
      type,
      spec?.clusterIPs?.[0] || spec?.clusterIP || NONE,
      external,
      portsCell(spec?.ports),
      age(obj.metadata.creationTimestamp, ctx.now),
      formatLabels(spec?.selector),
    );
    const health = external === '<pending>' ? 'warn' : 'ok';
    return makeRow(obj, cells, unlessDeleting(obj, health), type);
  },
};
