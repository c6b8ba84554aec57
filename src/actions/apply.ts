// Apply: `kubectl apply --server-side --field-manager=kt -f PATH`. Planning sends a server-side
// dry run of every object and reads the live one, to say per object what would happen
// (created / configured / unchanged) and which fields change; only run() applies, and it sends
// nothing for the unchanged ones. Outcomes in kubectl's words: `deployment.apps/web created`.
import { type KubeClient } from '../kube/client.js';
import { KubeApiError } from '../kube/api-errors.js';
import type { KubeObject } from '../kube/types.js';
import { collectionPath, createResourceResolver, loadManifests, refOf } from './manifest.js';
import { errorLine } from './outcome.js';
import type { ActionOutcome } from './types.js';
import type { PreviewPlan } from './preview.js';
import { fieldChanges } from './field-diff.js';
import { parseFlags } from './flags.js';

export const FIELD_MANAGER = 'kt';
const APPLY_PATCH = 'application/apply-patch+yaml';

export type Verdict = 'created' | 'configured' | 'unchanged';

interface Step {
  ref: string;
  path: string;
  body: KubeObject;
  verdict: Verdict;
  changes: string[];
}

async function getOrUndefined(client: KubeClient, path: string): Promise<KubeObject | undefined> {
  try {
    return await client.request<KubeObject>('GET', path);
  } catch (err) {
    if (err instanceof KubeApiError && err.statusCode === 404) return undefined;
    throw err;
  }
}

const applyPath = (path: string, dryRun: boolean) => `${path}?fieldManager=${FIELD_MANAGER}&fieldValidation=Strict${dryRun ? '&dryRun=All' : ''}`;

/** Reads, resolves and dry-runs the manifests at `path`; a refusal is one line and nothing is applied. */
export async function planApply(client: KubeClient, path: string, namespace: string | undefined): Promise<PreviewPlan> {
  const loaded = await loadManifests(path);
  if (!loaded.ok) return loaded;
  const resolve = createResourceResolver(client);
  const steps: Step[] = [];
  for (const { object, source } of loaded.objects) {
    const info = await resolve(object.apiVersion ?? '', object.kind ?? '');
    const name = object.metadata.name;
    if (!info) {
      return {
        ok: false,
        error: `error: no matches for kind "${object.kind}" in version "${object.apiVersion}" (resource mapping not found for name: "${name}" from "${source}")`,
      };
    }
    const ns = info.namespaced ? (object.metadata.namespace ?? namespace ?? 'default') : undefined;
    const body: KubeObject = ns ? { ...object, metadata: { ...object.metadata, namespace: ns } } : object;
    const objectPath = `${collectionPath(info, ns)}/${encodeURIComponent(name)}`;
    const ref = refOf(object.kind ?? '', info.group, name);
    try {
      const live = await getOrUndefined(client, objectPath);
      const dry = await client.request<KubeObject>('PATCH', applyPath(objectPath, true), body, APPLY_PATCH);
      const changes = live ? fieldChanges(live, dry) : [];
      const verdict: Verdict = !live ? 'created' : changes.length ? 'configured' : 'unchanged';
      steps.push({ ref, path: objectPath, body, verdict, changes });
    } catch (err) {
      return { ok: false, error: `${errorLine(err)} (${ref} from ${source})` };
    }
  }
  const preview = steps.flatMap((s) => [`${s.ref} ${s.verdict}${s.verdict === 'unchanged' ? '' : ' (server dry run)'}`, ...s.changes.map((c) => `    ${c}`)]);
  const pending = steps.filter((s) => s.verdict !== 'unchanged');
  return {
    ok: true,
    preview,
    title: `Apply ${path}`,
    question: pending.length ? `apply ${pending.length} change(s)` : 'nothing to change; y reports it',
    plan: {
      action: 'apply',
      targets: [],
      kubectl: [`kubectl apply --server-side --field-manager=${FIELD_MANAGER} -f ${path}${namespace ? ` -n ${namespace}` : ''}`],
      confirm: true,
      run: (c) => runSteps(c, steps),
    },
  };
}

async function runSteps(client: KubeClient, steps: readonly Step[]): Promise<ActionOutcome> {
  const lines: string[] = [];
  for (const s of steps) {
    if (s.verdict === 'unchanged') {
      lines.push(`${s.ref} unchanged`);
      continue;
    }
    try {
      const before = await getOrUndefined(client, s.path);
      await client.request('PATCH', applyPath(s.path, false), s.body, APPLY_PATCH);
      lines.push(`${s.ref} ${before ? 'configured' : 'created'}`);
    } catch (err) {
      return { ok: false, message: [...lines, `${errorLine(err)} (${s.ref})`].join(', ') };
    }
  }
  return { ok: true, message: lines.join(', ') };
}

/** `:apply -f PATH [-n NS]`. */
export async function planApplyCommand(client: KubeClient, args: readonly string[], namespace: string | undefined): Promise<PreviewPlan> {
  const parsed = parseFlags(args, ['filename', 'namespace']);
  if (!parsed.ok) return parsed;
  if (parsed.positional.length) return { ok: false, error: `error: unexpected argument "${parsed.positional[0]}": :apply -f PATH [-n NAMESPACE]` };
  const path = parsed.flags.filename;
  if (!path) return { ok: false, error: 'error: must specify -f PATH (a file or a directory): :apply -f PATH' };
  return planApply(client, path, parsed.flags.namespace ?? namespace);
}
