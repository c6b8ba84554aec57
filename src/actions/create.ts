// `:create deployment NAME --image=IMAGE [--replicas=N] [--port=P] [-n NS]` and
// `:run NAME --image=IMAGE [--port=P] [--labels=k=v,…] [-n NS]`, parsed with kubectl's syntax
// (`--flag=value` or `--flag value`), built as kubectl builds them, checked by a server-side dry
// run (a missing namespace is refused there) and shown as YAML before `y` creates them.
import type { KubeClient } from '../kube/client.js';
import type { KubeObject } from '../kube/types.js';
import { toKubectlYaml } from '../yaml/kubectl-yaml.js';
import { FIELD_MANAGER } from './apply.js';
import { errorLine } from './outcome.js';
import type { PreviewPlan } from './preview.js';
import { parseFlags } from './flags.js';
import { parseIntIn } from './validation.js';

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** kubectl names a container after its image: "registry/app/nginx:1.19" → "nginx". */
export function containerName(image: string): string {
  const base = image.split('@')[0]?.split('/').pop()?.split(':')[0] ?? image;
  return base.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

function ports(port: string | undefined): { ok: true; value?: { containerPort: number }[] } | { ok: false; error: string } {
  if (port === undefined) return { ok: true };
  const n = parseIntIn(port, 1, 65535);
  return n === undefined ? { ok: false, error: `error: invalid port "${port}": a number from 1 to 65535` } : { ok: true, value: [{ containerPort: n }] };
}

function labelsOf(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const [k, v, ...rest] = pair.split('=');
    if (!k || v === undefined || rest.length) return undefined;
    out[k] = v;
  }
  return out;
}

type Built = { ok: true; object: KubeObject; ref: string; path: string; kubectl: string } | { ok: false; error: string };

interface Common {
  name: string;
  image: string;
  namespace: string;
  flags: Record<string, string>;
  ports?: { containerPort: number }[];
}

/** What both commands share: one NAME, --image, --port and -n, checked as kubectl checks them. */
function common(args: readonly string[], known: readonly string[], usage: string, namespace: string): { ok: true; value: Common } | { ok: false; error: string } {
  const parsed = parseFlags(args, ['image', 'port', 'namespace', ...known]);
  if (!parsed.ok) return parsed;
  const [name, ...extra] = parsed.positional;
  if (!name || extra.length) return { ok: false, error: `error: exactly one NAME is required: ${usage}` };
  if (!NAME.test(name)) return { ok: false, error: `error: invalid name "${name}": lowercase letters, digits, '-' and '.'` };
  const { image, port } = parsed.flags;
  if (!image) return { ok: false, error: 'error: required flag(s) "image" not set' };
  const p = ports(port);
  if (!p.ok) return p;
  return { ok: true, value: { name, image, namespace: parsed.flags.namespace ?? namespace, flags: parsed.flags, ...(p.value ? { ports: p.value } : {}) } };
}

/** kubectl's own echo of the flags given. */
function flagLine(c: Common, extra: readonly string[]): string {
  return [`--image=${c.image}`, ...extra, ...(c.flags.port ? [`--port=${c.flags.port}`] : []), `-n ${c.namespace}`].join(' ');
}

function buildDeployment(args: readonly string[], namespace: string): Built {
  const parsed = common(args, ['replicas'], ':create deployment NAME --image=IMAGE', namespace);
  if (!parsed.ok) return parsed;
  const c = parsed.value;
  const replicas = c.flags.replicas ?? '1';
  const count = parseIntIn(replicas, 0, 2147483647);
  if (count === undefined) return { ok: false, error: `error: invalid replicas "${replicas}": a whole number of 0 or more` };
  const labels = { app: c.name };
  const container = { image: c.image, name: containerName(c.image), ...(c.ports ? { ports: c.ports } : {}), resources: {} };
  const object = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { labels, name: c.name, namespace: c.namespace },
    spec: { replicas: count, selector: { matchLabels: labels }, strategy: {}, template: { metadata: { labels }, spec: { containers: [container] } } },
    status: {},
  } as KubeObject;
  const kubectl = `kubectl create deployment ${c.name} ${flagLine(c, c.flags.replicas ? [`--replicas=${count}`] : [])}`;
  return { ok: true, object, ref: `deployment.apps/${c.name}`, path: `/apis/apps/v1/namespaces/${encodeURIComponent(c.namespace)}/deployments`, kubectl };
}

function buildPod(args: readonly string[], namespace: string): Built {
  const parsed = common(args, ['labels'], ':run NAME --image=IMAGE', namespace);
  if (!parsed.ok) return parsed;
  const c = parsed.value;
  const labels = c.flags.labels === undefined ? { run: c.name } : labelsOf(c.flags.labels);
  if (!labels) return { ok: false, error: `error: invalid --labels "${c.flags.labels}": key=value pairs joined by commas` };
  const container = { image: c.image, name: c.name, ...(c.ports ? { ports: c.ports } : {}), resources: {} };
  const object = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { labels, name: c.name, namespace: c.namespace },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: 'Always' },
    status: {},
  } as KubeObject;
  const kubectl = `kubectl run ${c.name} ${flagLine(c, c.flags.labels ? [`--labels=${c.flags.labels}`] : [])}`;
  return { ok: true, object, ref: `pod/${c.name}`, path: `/api/v1/namespaces/${encodeURIComponent(c.namespace)}/pods`, kubectl };
}

/** `create` (args after the verb: "deployment NAME …") or `run` ("NAME …"). */
export async function planCreate(client: KubeClient, verb: 'create' | 'run', args: readonly string[], namespace: string | undefined): Promise<PreviewPlan> {
  let built: Built;
  if (verb === 'run') built = buildPod(args, namespace ?? 'default');
  else if (args[0] === 'deployment' || args[0] === 'deploy') built = buildDeployment(args.slice(1), namespace ?? 'default');
  else return { ok: false, error: `error: unknown kind "${args[0] ?? ''}" for :create: kt creates a deployment (:create deployment NAME --image=IMAGE)` };
  if (!built.ok) return built;
  const { object, ref, path, kubectl } = built;
  const query = `?fieldManager=${FIELD_MANAGER}&fieldValidation=Strict`;
  try {
    await client.request('POST', `${path}${query}&dryRun=All`, object);
  } catch (err) {
    return { ok: false, error: errorLine(err) };
  }
  return {
    ok: true,
    title: `${verb === 'run' ? 'Run' : 'Create'} ${ref}`,
    preview: toKubectlYaml(object).trimEnd().split('\n'),
    question: `create ${ref}`,
    plan: {
      action: 'create',
      targets: [],
      kubectl: [kubectl],
      confirm: true,
      run: async (c) => {
        try {
          await c.request('POST', `${path}${query}`, object);
          return { ok: true, message: `${ref} created` };
        } catch (err) {
          return { ok: false, message: errorLine(err) };
        }
      },
    },
  };
}
