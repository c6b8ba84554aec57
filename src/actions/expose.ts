// Expose: `kubectl expose TYPE NAME --port=… --type=… --name=…`, creating a Service that selects
// the workload's pods. exposeDefaults() derives the form the way kubectl derives its flags.
import { KubeApiError } from '../kube/api-errors.js';
import type { KubeObject } from '../kube/types.js';
import { appliesTo, notApplicable, refuse, type FormCommand } from './command.js';
import { kubectlType, namespaceOf, strict } from './kinds.js';
import { nsFlag } from './kubectl-line.js';
import { errorLine } from './outcome.js';
import type { ActionTarget, ExposeForm, PlanResult } from './types.js';
import { dns1035Label, ianaSvcName, parseIntIn } from './validation.js';

export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'] as const;
export const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

interface PortShape {
  containerPort?: number;
  port?: number;
  protocol?: string;
}
interface ContainerShape {
  ports?: PortShape[];
}
interface Spec {
  selector?: Record<string, string> | { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
  template?: { metadata?: { labels?: Record<string, string> }; spec?: { containers?: ContainerShape[] } };
  containers?: ContainerShape[];
  ports?: PortShape[];
}

/** Requirements as Go's %+v prints them, as in kubectl's message: [{Key:app Operator:In Values:[a b]}]. */
function goExpressions(exprs: unknown[]): string {
  const one = (e: unknown) => {
    const r = e as { key?: string; operator?: string; values?: string[] };
    return `{Key:${r.key ?? ''} Operator:${r.operator ?? ''} Values:[${(r.values ?? []).join(' ')}]}`;
  };
  return `[${exprs.map(one).join(' ')}]`;
}

/** The Service selector kubectl would derive, or why it cannot. */
export function exposeSelector(target: ActionTarget): { labels: Record<string, string> } | { error: string } {
  const obj = target.object;
  const spec = (obj.spec ?? {}) as Spec;
  let labels: Record<string, string> | undefined;
  switch (target.kind) {
    case 'pods':
      labels = obj.metadata.labels;
      if (!labels || Object.keys(labels).length === 0) return { error: 'the pod has no labels and cannot be exposed' };
      return { labels };
    case 'services':
      if (!spec.selector) return { error: 'the service has no pod selector set' };
      return { labels: spec.selector as Record<string, string> };
    case 'replicationcontrollers':
      labels = (spec.selector as Record<string, string> | undefined) ?? spec.template?.metadata?.labels;
      break;
    default: {
      const sel = spec.selector as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined;
      if (sel?.matchExpressions && sel.matchExpressions.length > 0) {
        return { error: `couldn't convert expressions - "${goExpressions(sel.matchExpressions)}" to map-based selector format` };
      }
      labels = sel ? sel.matchLabels : spec.template?.metadata?.labels;
    }
  }
  if (!labels || Object.keys(labels).length === 0) {
    return { error: `the ${kubectlType(target.kind)} has no labels or selectors and cannot be exposed` };
  }
  return { labels };
}

/** The first port kubectl would copy: a container's, or the service's own. */
function firstPort(obj: KubeObject, kind: string): PortShape | undefined {
  const spec = (obj.spec ?? {}) as Spec;
  if (kind === 'services') return spec.ports?.[0];
  const containers = kind === 'pods' ? spec.containers : spec.template?.spec?.containers;
  for (const c of containers ?? []) {
    const p = c.ports?.find((x) => x.containerPort !== undefined);
    if (p) return { port: p.containerPort, protocol: p.protocol };
  }
  return undefined;
}

export function exposeDefaults(target: ActionTarget): ExposeForm | { error: string } {
  if (!appliesTo(exposeAction, target.kind)) return { error: notApplicable(exposeAction, target.kind) };
  const selector = exposeSelector(target);
  if ('error' in selector) return selector;
  const p = firstPort(target.object, target.kind);
  const port = p?.port !== undefined ? String(p.port) : '';
  return { port, targetPort: port, protocol: p?.protocol ?? 'TCP', type: 'ClusterIP', nodePort: '', name: target.name.slice(0, 63) };
}

function oneOf<T extends string>(text: string, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a.toLowerCase() === text.trim().toLowerCase());
}

export function planExpose(target: ActionTarget, form: ExposeForm): PlanResult {
  const fail = (error: string): PlanResult => ({ ok: false, error });
  if (!appliesTo(exposeAction, target.kind)) return fail(notApplicable(exposeAction, target.kind));
  const selector = exposeSelector(target);
  if ('error' in selector) return fail(selector.error);

  const name = form.name.trim();
  const badName = dns1035Label(name);
  if (badName) return fail(`invalid service name "${name}": ${badName}`);
  const port = parseIntIn(form.port.trim(), 1, 65535);
  if (port === undefined) return fail(`invalid port "${form.port.trim()}": type a port number from 1 to 65535`);
  const tpText = form.targetPort.trim();
  let targetPort: number | string = port;
  if (tpText !== '') {
    if (/^\d+$/.test(tpText)) {
      const n = parseIntIn(tpText, 1, 65535);
      if (n === undefined) return fail(`invalid target port "${tpText}": type a port number from 1 to 65535 or a container port name`);
      targetPort = n;
    } else {
      const bad = ianaSvcName(tpText);
      if (bad) return fail(`invalid target port "${tpText}": a port name ${bad}`);
      targetPort = tpText;
    }
  }
  const protocol = oneOf(form.protocol, PROTOCOLS);
  if (!protocol) return fail(`invalid protocol "${form.protocol.trim()}": use ${PROTOCOLS.join(', ')}`);
  const type = oneOf(form.type, SERVICE_TYPES);
  if (!type) return fail(`invalid type "${form.type.trim()}": use ${SERVICE_TYPES.join(', ')}`);
  const npText = form.nodePort.trim();
  let nodePort: number | undefined;
  if (npText !== '') {
    if (type === 'ClusterIP') return fail('a node port needs type NodePort or LoadBalancer; clear the node port or change the type');
    nodePort = parseIntIn(npText, NODE_PORT_MIN, NODE_PORT_MAX);
    if (nodePort === undefined) {
      return fail(`invalid node port "${npText}": type a number from ${NODE_PORT_MIN} to ${NODE_PORT_MAX}, or leave it empty to let the server pick`);
    }
  }

  const namespace = namespaceOf(target) ?? 'default';
  const labels = target.object.metadata.labels;
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, ...(labels && Object.keys(labels).length > 0 ? { labels } : {}) },
    spec: {
      selector: selector.labels,
      type,
      ports: [{ port, targetPort, protocol, ...(nodePort !== undefined ? { nodePort } : {}) }],
    },
  };

  const flags = [`--port=${port}`];
  if (String(targetPort) !== String(port)) flags.push(`--target-port=${targetPort}`);
  if (protocol !== 'TCP') flags.push(`--protocol=${protocol}`);
  if (type !== 'ClusterIP') flags.push(`--type=${type}`);
  if (name !== target.name) flags.push(`--name=${name}`);
  // kubectl expose has no --node-port; its --overrides replaces the whole ports list, so all of it.
  if (nodePort !== undefined) flags.push(`--overrides='${JSON.stringify({ spec: { ports: service.spec.ports } })}'`);
  const line = `kubectl expose ${kubectlType(target.kind)} ${target.name} ${flags.join(' ')}${nsFlag(namespace)}`;
  const collection = `/api/v1/namespaces/${encodeURIComponent(namespace)}/services`;

  return {
    ok: true,
    plan: {
      action: 'expose',
      targets: [target],
      kubectl: [line],
      confirm: false,
      async run(client) {
        try {
          await client.request('GET', `${collection}/${encodeURIComponent(name)}`);
          return { ok: false, message: `service "${name}" already exists in namespace ${namespace}; pick another name` };
        } catch (err) {
          if (!(err instanceof KubeApiError && err.statusCode === 404)) return { ok: false, message: errorLine(err) };
        }
        try {
          await client.request('POST', strict(collection), service);
          return { ok: true, message: `service/${name} exposed` };
        } catch (err) {
          return { ok: false, message: errorLine(err) };
        }
      },
    },
  };
}

export const exposeAction: FormCommand<'expose'> = {
  id: 'expose',
  title: 'Expose',
  keys: ['x'],
  description: 'Expose as a Service (deploy, rs, rc, pod, svc)',
  hint: 'expose',
  appliesTo: (k) => Boolean(k.offers?.includes('expose')),
  mutating: true,
  // It creates a Service: the check is on services, not on the exposed kind.
  access: { verb: 'create', resource: 'services' },
  needs: 'client',
  opens: 'form',
  open(targets, { pane }) {
    const first = targets[0];
    const form = first ? exposeDefaults(first) : { error: 'nothing selected to expose' };
    if ('error' in form) return refuse(form.error);
    return { type: 'expose', action: 'expose', pane, targets, form, field: 0 };
  },
  plan(dialog) {
    const first = dialog.targets[0];
    if (dialog.type !== 'expose' || !first) return { ok: false, error: 'nothing selected to expose' };
    return planExpose(first, dialog.form);
  },
};
