// Nodes, as `kubectl get nodes -o wide`, plus kt's TAINTS and PODS columns.
import { age } from './age.js';
import { NONE, textCell } from './cells.js';
import { AGE_COLUMN, NAME_COLUMN, PRIORITY } from './columns.js';
import { makeRow, startCells, unlessDeleting } from './row.js';
import type { KubeObject } from '../kube/types.js';
import type { Health, Renderer } from './types.js';

interface NodeShape {
  metadata: { labels?: Record<string, string> };
  spec?: { unschedulable?: boolean; taints?: unknown[] };
  status?: {
    conditions?: { type: string; status: string }[];
    addresses?: { type: string; address: string }[];
    nodeInfo?: {
      kubeletVersion?: string;
      osImage?: string;
      kernelVersion?: string;
      containerRuntimeVersion?: string;
      architecture?: string;
    };
  };
}

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

/** ROLES: from node-role.kubernetes.io/<role> keys and the kubernetes.io/role value, sorted, unique. */
export function nodeRoles(labels: Record<string, string> | undefined): string {
  let roles: string[] | undefined;
  for (const k in labels) {
    let role = '';
    if (k.startsWith(ROLE_PREFIX)) role = k.slice(ROLE_PREFIX.length);
    else if (k === ROLE_LABEL) role = labels[k] ?? '';
    if (!role) continue;
    if (!roles) roles = [role];
    else if (!roles.includes(role)) roles.push(role);
  }
  if (!roles) return NONE;
  if (roles.length === 1) return roles[0] as string;
  return roles.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(',');
}

/** STATUS: Ready / NotReady (any Ready status but True) / Unknown (no Ready condition), then ",SchedulingDisabled". */
export function nodeStatus(node: NodeShape): string {
  let status = 'Unknown';
  for (const c of node.status?.conditions ?? []) {
    if (c.type === 'Ready') status = c.status === 'True' ? 'Ready' : 'NotReady';
  }
  return node.spec?.unschedulable ? `${status},SchedulingDisabled` : status;
}

function address(node: NodeShape, type: string): string {
  for (const a of node.status?.addresses ?? []) if (a.type === type) return a.address;
  return NONE;
}

function nodeHealth(status: string): Health {
  if (status === 'Ready') return 'ok';
  if (status === 'Ready,SchedulingDisabled') return 'warn';
  return 'error';
}

export const nodes: Renderer = {
  clusterScoped: true,
  columns: [
    NAME_COLUMN,
    { name: 'STATUS', priority: PRIORITY.status },
    { name: 'ROLES', priority: PRIORITY.medium },
    AGE_COLUMN,
    { name: 'VERSION', priority: PRIORITY.low + 5 },
    { name: 'INTERNAL-IP', wide: true, priority: PRIORITY.wide },
    { name: 'EXTERNAL-IP', wide: true, priority: PRIORITY.wideLow },
    { name: 'OS-IMAGE', wide: true, priority: PRIORITY.wideLow },
    { name: 'KERNEL-VERSION', wide: true, priority: PRIORITY.wideLow },
    { name: 'CONTAINER-RUNTIME', wide: true, priority: PRIORITY.wideLow },
    { name: 'TAINTS', ktOnly: true, align: 'right', priority: PRIORITY.low },
    { name: 'PODS', ktOnly: true, align: 'right', priority: PRIORITY.high },
  ],
  /** PODS is "?" while ctx.podCountByNode is undefined (pods not known yet), else the count or "0". */
  render(obj: KubeObject, ctx) {
    const node = obj as unknown as NodeShape;
    const info = node.status?.nodeInfo;
    const status = nodeStatus(node);
    const counts = ctx.podCountByNode;
    const cells = startCells(obj, ctx, true);
    cells.push(
      obj.metadata.name,
      status,
      nodeRoles(node.metadata.labels),
      age(obj.metadata.creationTimestamp, ctx.now),
      info?.kubeletVersion ?? '',
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      textCell(info?.osImage) || '<unknown>',
      kernelCell(info),
      textCell(info?.containerRuntimeVersion) || '<unknown>',
      String(node.spec?.taints?.length ?? 0),
      counts ? String(counts.get(obj.metadata.name) ?? 0) : '?',
    );
    return makeRow(obj, cells, unlessDeleting(obj, nodeHealth(status)), status);
  },
};

/** kubectl appends the architecture to the kernel version: "6.1.0 (amd64)". */
function kernelCell(info: { kernelVersion?: string; architecture?: string } | undefined): string {
  const kernel = textCell(info?.kernelVersion) || '<unknown>';
  return info?.architecture ? `${kernel} (${textCell(info.architecture)})` : kernel;
}
