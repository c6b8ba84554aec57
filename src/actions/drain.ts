// Drain: `kubectl drain NODE`, as kubectl does it. Cordon the node, list its pods, refuse with
// kubectl's errors (DaemonSet-managed, local storage, no controller) unless the flags allow, then
// evict each pod through the eviction API (policy/v1 Eviction on pods/eviction), so that
// PodDisruptionBudgets hold: a 429 is retried every 5 s until --timeout, as kubectl does. Each
// step is reported in kubectl's words ("evicting pod ns/name", "pod/name evicted"); the outcome
// is kubectl's last line ("node/X drained"). k9s's `r` on a node.
import { KubeApiError } from '../kube/api-errors.js';
import type { KubeClient } from '../kube/client.js';
import type { KubeObject } from '../kube/types.js';
import { refuse, refuseOthers, type FormCommand } from './command.js';
import { setUnschedulable } from './cordon.js';
import { aggregate, daemonSetOf, drainErrors, drainWarnings, judgePod, type DrainFlags, type PodVerdict } from './drain-filters.js';
import { formatGoDuration, parseGoDuration } from './go-duration.js';
import { errorLine } from './outcome.js';
import type { ActionOutcome, ActionTarget, PlanResult } from './types.js';
import { parseIntIn } from './validation.js';

/** The dialog's options, as typed; the flags are kubectl drain's. */
export interface DrainOptions extends DrainFlags {
  /** Seconds; "" = each pod's own (kubectl's -1). */
  gracePeriod: string;
  /** A Go duration ("5m"); "" or "0" = no limit (kubectl's 0s). */
  timeout: string;
}

export const DRAIN_DEFAULTS: DrainOptions = { ignoreDaemonSets: true, deleteEmptyDirData: false, force: false, gracePeriod: '', timeout: '5m' };

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const REAL_CLOCK: Clock = { now: Date.now, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
const RETRY_MS = 5000;
const POLL_MS = 1000;

/** What the drain would do with the pods kt knows on the node (before anything is sent). */
export interface DrainPreview {
  evict: readonly KubeObject[];
  warnings?: string;
  errors: readonly string[];
}

export function previewDrain(pods: readonly KubeObject[], flags: DrainFlags): DrainPreview {
  const verdicts = pods.map((p) => judgePod(p, flags));
  return { evict: verdicts.filter((v) => v.evict).map((v) => v.pod), warnings: drainWarnings(verdicts), errors: drainErrors(verdicts) };
}

/** The pods a node runs, from the store (the Nodes pane watches every pod). */
export function podsOnNode(pods: readonly KubeObject[], node: string): KubeObject[] {
  return pods.filter((p) => (p.spec as { nodeName?: string } | undefined)?.nodeName === node);
}

const podPath = (pod: KubeObject) => `/api/v1/namespaces/${encodeURIComponent(pod.metadata.namespace ?? '')}/pods/${encodeURIComponent(pod.metadata.name)}`;
const status = (err: unknown) => (err instanceof KubeApiError ? err.statusCode : undefined);
/** The API server refuses an eviction (a create) in a namespace being deleted. */
const terminatingNamespace = (err: unknown) => err instanceof KubeApiError && err.statusCode === 403 && Boolean(err.causes?.includes('NamespaceTerminating'));
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

interface Run {
  client: KubeClient;
  say(line: string): void;
  clock: Clock;
  deadline: number;
  timeoutText: string;
  grace: number | undefined;
}

/**
 * kubectl's per-pod loop: evict, retrying a 429 (a PodDisruptionBudget) and a pod of a namespace
 * being deleted until it is marked deleted; then wait until the pod is gone. An error line, or undefined.
 */
async function evictPod(run: Run, pod: KubeObject): Promise<string | undefined> {
  const { name } = pod.metadata;
  const ns = pod.metadata.namespace ?? '';
  const body = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: ns }, deleteOptions: run.grace === undefined ? {} : { gracePeriodSeconds: run.grace } };
  const retry = () => run.clock.sleep(Math.max(0, Math.min(RETRY_MS, run.deadline - run.clock.now())));
  let active = pod;
  for (;;) {
    run.say(`evicting pod ${ns}/${name}`);
    if (run.clock.now() >= run.deadline) return `error when evicting pods/"${name}" -n "${ns}": global timeout reached: ${run.timeoutText}`;
    try {
      await run.client.request('POST', `${podPath(pod)}/eviction`, body);
      break;
    } catch (err) {
      if (status(err) === 404) return undefined;
      if (terminatingNamespace(err) && active.metadata.deletionTimestamp) break; // no eviction will succeed: wait for the deletion
      if (terminatingNamespace(err)) {
        run.say(`error when evicting pod "${name}" from terminating namespace "${ns}" (will retry after 5s): ${message(err)}`);
        await retry();
        active = await run.client.request<KubeObject>('GET', podPath(pod)).catch(() => active);
        continue;
      }
      if (status(err) !== 429) return `error when evicting pods/"${name}" -n "${ns}": ${message(err)}`;
      run.say(`error when evicting pods/"${name}" -n "${ns}" (will retry after 5s): ${message(err)}`);
      await retry();
    }
  }
  for (;;) {
    try {
      const now = await run.client.request<KubeObject>('GET', podPath(pod));
      if (now.metadata.uid !== pod.metadata.uid) break;
    } catch (err) {
      if (status(err) !== 404) return `error when waiting for pod "${name}" in namespace "${ns}" to terminate: ${message(err)}`;
      break;
    }
    if (run.clock.now() >= run.deadline) return `error when waiting for pod "${name}" in namespace "${ns}" to terminate: global timeout reached: ${run.timeoutText}`;
    await run.clock.sleep(POLL_MS);
  }
  run.say(`pod/${name} evicted`);
  return undefined;
}

/** kubectl looks up each DaemonSet its pods name; a missing one is an error that --force overrides. */
async function judgeListed(client: KubeClient, pods: readonly KubeObject[], flags: DrainFlags): Promise<PodVerdict[]> {
  return Promise.all(
    pods.map(async (pod) => {
      const ds = daemonSetOf(pod);
      if (!ds) return judgePod(pod, flags);
      try {
        await client.request('GET', `/apis/apps/v1/namespaces/${encodeURIComponent(pod.metadata.namespace ?? '')}/daemonsets/${encodeURIComponent(ds)}`);
        return judgePod(pod, flags);
      } catch (err) {
        if (status(err) !== 404) throw err;
        return judgePod(pod, flags, message(err));
      }
    }),
  );
}

async function drain(client: KubeClient, node: ActionTarget, options: DrainOptions, timeoutMs: number, grace: number | undefined, say: (line: string) => void, clock: Clock): Promise<ActionOutcome> {
  const unable = (why: string): ActionOutcome => ({ ok: false, message: `error: unable to drain node "${node.name}" due to error: ${why}` });
  say(await setUnschedulable(client, node, true));
  const list = await client.request<{ items?: KubeObject[] }>('GET', `/api/v1/pods?fieldSelector=${encodeURIComponent(`spec.nodeName=${node.name}`)}`);
  const verdicts = await judgeListed(client, list.items ?? [], options);
  const errors = drainErrors(verdicts);
  if (errors.length) return unable(aggregate(errors));
  const warnings = drainWarnings(verdicts);
  if (warnings) say(`Warning: ${warnings}`);
  const run: Run = { client, say, clock, grace, deadline: timeoutMs > 0 ? clock.now() + timeoutMs : Infinity, timeoutText: formatGoDuration(timeoutMs) };
  const failed = (await Promise.all(verdicts.filter((v) => v.evict).map((v) => evictPod(run, v.pod)))).filter((e): e is string => e !== undefined);
  if (failed.length) return unable(aggregate(failed));
  return { ok: true, message: `node/${node.name} drained` };
}

export function planDrain(node: ActionTarget, options: DrainOptions, pods: readonly KubeObject[], clock: Clock = REAL_CLOCK): PlanResult {
  const refused = refuseOthers(drainAction, [node]);
  if (refused) return refused;
  const graceText = options.gracePeriod.trim();
  const grace = graceText === '' ? undefined : parseIntIn(graceText, 0, Number.MAX_SAFE_INTEGER);
  if (graceText !== '' && grace === undefined) return { ok: false, error: `invalid grace period "${graceText}": type whole seconds (0 or more), or leave it empty for each pod's own` };
  const timeoutMs = options.timeout.trim() === '' ? 0 : parseGoDuration(options.timeout);
  if (timeoutMs === undefined) return { ok: false, error: `invalid timeout "${options.timeout.trim()}": type a duration such as 90s, 5m or 1h (0 waits for ever)` };
  const preview = previewDrain(pods, options);
  if (preview.errors.length) return { ok: false, error: aggregate(preview.errors) };
  const flags = [
    options.ignoreDaemonSets ? '--ignore-daemonsets' : '',
    options.deleteEmptyDirData ? '--delete-emptydir-data' : '',
    options.force ? '--force' : '',
    grace !== undefined ? `--grace-period=${grace}` : '',
    timeoutMs > 0 ? `--timeout=${options.timeout.trim()}` : '',
  ].filter(Boolean);
  return {
    ok: true,
    plan: {
      action: 'drain',
      targets: [node],
      kubectl: [`kubectl drain ${node.name}${flags.length ? ` ${flags.join(' ')}` : ''}`],
      confirm: true,
      reports: true,
      run: (client, report) => drain(client, node, options, timeoutMs, grace, report ?? (() => {}), clock).catch((err: unknown) => ({ ok: false, message: errorLine(err) })),
    },
  };
}

export const drainAction: FormCommand<'drain'> = {
  id: 'drain',
  title: 'Drain',
  keys: ['r'],
  description: 'Drain a node (kubectl drain): cordon, evict its pods; PDBs hold',
  hint: 'drain',
  appliesTo: (k) => Boolean(k.offers?.includes('drain')),
  mutating: true,
  // What a drain needs besides patching the node: evicting pods, in every namespace.
  access: { verb: 'create', resource: 'pods', subresource: 'eviction' },
  needs: 'client',
  opens: 'form',
  open(targets, ctx) {
    const node = targets[0];
    if (!node) return refuse('nothing selected to drain');
    const pods = podsOnNode(ctx.source?.snapshot({ kind: 'pods' }).items ?? [], node.name);
    return { type: 'drain', action: 'drain', pane: ctx.pane, targets: [node], options: { ...DRAIN_DEFAULTS }, field: 0, pods };
  },
  plan(dialog) {
    const node = dialog.targets[0];
    if (dialog.type !== 'drain' || !node) return { ok: false, error: 'nothing selected to drain' };
    return planDrain(node, dialog.options, dialog.pods);
  },
};
