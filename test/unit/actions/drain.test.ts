import { describe, expect, it } from 'vitest';
import { DRAIN_DEFAULTS, planDrain, previewDrain, type Clock, type DrainOptions } from '../../../src/actions/drain.js';
import { judgePod, type DrainFlags } from '../../../src/actions/drain-filters.js';
import { formatGoDuration, parseGoDuration } from '../../../src/actions/go-duration.js';
import { KubeApiError } from '../../../src/kube/api-errors.js';
import type { KubeObject } from '../../../src/kube/types.js';
import { FakeKube, notFound, type Call } from '../fakes/fake-kube.js';
import { node } from './targets.js';

const N2 = node('k8snode02');
const owner = (kind: string, name: string) => ({ ownerReferences: [{ apiVersion: 'apps/v1', kind, name, uid: `${name}-uid`, controller: true }] });

function pod(name: string, ns: string, extra: { owner?: [string, string]; emptyDir?: boolean; phase?: string; mirror?: boolean } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: ns,
      uid: `${name}-uid`,
      ...(extra.owner ? owner(...extra.owner) : {}),
      ...(extra.mirror ? { annotations: { 'kubernetes.io/config.mirror': 'x' } } : {}),
    },
    spec: { nodeName: 'k8snode02', containers: [{ name: 'c', image: 'i' }], ...(extra.emptyDir ? { volumes: [{ name: 'tmp', emptyDir: {} }] } : {}) },
    status: { phase: extra.phase ?? 'Running' },
  };
}

const web = pod('web-1', 'default', { owner: ['ReplicaSet', 'web-7d'] });
const proxy = pod('kube-proxy-x', 'kube-system', { owner: ['DaemonSet', 'kube-proxy'] });
const bare = pod('bare', 'default');
const cache = pod('cache-0', 'default', { owner: ['StatefulSet', 'cache'], emptyDir: true });
const flags = (over: Partial<DrainFlags> = {}): DrainFlags => ({ ignoreDaemonSets: true, deleteEmptyDirData: false, force: false, ...over });

describe("kubectl drain's filters", () => {
  it('evicts controller-managed pods, leaves DaemonSet pods with a warning, refuses the rest with the flag to use', () => {
    expect(judgePod(web, flags())).toEqual({ pod: web, evict: true });
    expect(judgePod(proxy, flags())).toEqual({ pod: proxy, evict: false, warning: 'ignoring DaemonSet-managed Pods' });
    expect(judgePod(proxy, flags({ ignoreDaemonSets: false }))).toMatchObject({ evict: false, error: 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)' });
    expect(judgePod(bare, flags())).toMatchObject({ evict: false, error: 'cannot delete Pods that declare no controller (use --force to override)' });
    expect(judgePod(bare, flags({ force: true }))).toMatchObject({ evict: true, warning: 'deleting Pods that declare no controller' });
    expect(judgePod(cache, flags())).toMatchObject({ evict: false, error: 'Pods with local storage (use --delete-emptydir-data to override)' });
    // As in kubectl, the last filter's status stands: the local-storage warning is dropped for a managed pod.
    expect(judgePod(cache, flags({ deleteEmptyDirData: true }))).toEqual({ pod: cache, evict: true });
    expect(judgePod(pod('static', 'kube-system', { mirror: true }), flags())).toMatchObject({ evict: false });
    expect(judgePod(pod('done', 'default', { phase: 'Succeeded' }), flags())).toMatchObject({ evict: true });
    // A pod whose DaemonSet is gone goes only with --force (its warning, as in kubectl, is dropped by the later filters).
    expect(judgePod(proxy, flags(), 'daemonsets.apps "kube-proxy" not found')).toMatchObject({ evict: false, error: 'daemonsets.apps "kube-proxy" not found' });
    expect(judgePod(proxy, flags({ force: true }), 'daemonsets.apps "kube-proxy" not found')).toEqual({ pod: proxy, evict: true });
  });

  it('previews what a drain would evict, with kubectl\'s grouped warnings and errors', () => {
    expect(previewDrain([web, proxy, bare], flags())).toEqual({
      evict: [web],
      warnings: 'ignoring DaemonSet-managed Pods: kube-system/kube-proxy-x',
      errors: ['cannot delete Pods that declare no controller (use --force to override): default/bare'],
    });
    expect(previewDrain([proxy, cache], flags({ ignoreDaemonSets: false })).errors).toEqual([
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-x',
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache-0',
    ]);
  });
});

describe('Go durations', () => {
  it('parses what --timeout takes and prints as Go does', () => {
    expect(parseGoDuration('90s')).toBe(90_000);
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('5')).toBeUndefined();
    expect(parseGoDuration('5 m')).toBeUndefined();
    expect(formatGoDuration(300_000)).toBe('5m0s');
    expect(formatGoDuration(30_000)).toBe('30s');
    expect(formatGoDuration(3_600_000)).toBe('1h0m0s');
  });
});

/** A clock that moves only when slept on. */
function fakeClock(): Clock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return { slept, now: () => t, sleep: async (ms) => { slept.push(ms); t += ms; } };
}

const options = (over: Partial<DrainOptions> = {}): DrainOptions => ({ ...DRAIN_DEFAULTS, ...over });

/** The cluster as the drain sees it: the node's pods, evictions that a PDB refuses `refusals` times, pods gone after eviction. */
function cluster(pods: KubeObject[], refusals = 0) {
  const evicted = new Set<string>();
  let refused = 0;
  return new FakeKube({
    respond(call: Call) {
      if (call.method === 'PATCH') return {};
      if (call.path.startsWith('/api/v1/pods?')) return { items: pods };
      if (call.path.includes('/daemonsets/')) return {};
      const eviction = /\/pods\/([^/]+)\/eviction$/.exec(call.path);
      if (eviction) {
        if (refused < refusals) {
          refused++;
          return new KubeApiError("Cannot evict pod as it would violate the pod's disruption budget.", { statusCode: 429, reason: 'TooManyRequests' });
        }
        evicted.add(eviction[1] as string);
        return {};
      }
      const name = /\/pods\/([^/]+)$/.exec(call.path)?.[1];
      if (name && evicted.has(name)) return notFound(`pods "${name}" not found`);
      return pods.find((p) => p.metadata.name === name) ?? notFound();
    },
  });
}

describe('planDrain', () => {
  it('shows kubectl drain first, cordons, evicts through pods/eviction, and reports in kubectl\'s words', async () => {
    const result = planDrain(N2, options({ gracePeriod: '10' }), [web, proxy], fakeClock());
    if (!result.ok) throw new Error(result.error);
    expect(result.plan.kubectl).toEqual(['kubectl drain k8snode02 --ignore-daemonsets --grace-period=10 --timeout=5m']);
    expect(result.plan.confirm).toBe(true);
    const client = cluster([web, proxy]);
    const lines: string[] = [];
    expect(await result.plan.run(client, (l) => lines.push(l))).toEqual({ ok: true, message: 'node/k8snode02 drained' });
    expect(lines).toEqual(['node/k8snode02 cordoned', 'Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-x', 'evicting pod default/web-1', 'pod/web-1 evicted']);
    expect(client.mutations.map((c) => [c.method, c.path])).toEqual([
      ['PATCH', '/api/v1/nodes/k8snode02?fieldValidation=Strict'],
      ['POST', '/api/v1/namespaces/default/pods/web-1/eviction'],
    ]);
    expect(client.mutations[0]?.body).toEqual({ spec: { unschedulable: true } });
    expect(client.mutations[1]?.body).toEqual({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'web-1', namespace: 'default' }, deleteOptions: { gracePeriodSeconds: 10 } });
  });

  it('retries a pod its PodDisruptionBudget protects every 5 s, as kubectl does', async () => {
    const clock = fakeClock();
    const result = planDrain(N2, options(), [web], clock);
    if (!result.ok) throw new Error(result.error);
    const lines: string[] = [];
    expect((await result.plan.run(cluster([web], 2), (l) => lines.push(l))).ok).toBe(true);
    const retry = 'error when evicting pods/"web-1" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod\'s disruption budget.';
    expect(lines.slice(1)).toEqual(['evicting pod default/web-1', retry, 'evicting pod default/web-1', retry, 'evicting pod default/web-1', 'pod/web-1 evicted']);
    expect(clock.slept).toEqual([5000, 5000]);
  });

  it('waits for a pod of a namespace being deleted, as kubectl does: the eviction is refused until the pod is marked deleted', async () => {
    const clock = fakeClock();
    const result = planDrain(N2, options(), [web], clock);
    if (!result.ok) throw new Error(result.error);
    let gets = 0;
    const terminating = new KubeApiError('pods "web-1" is forbidden: unable to create new content in namespace default because it is being terminated', {
      statusCode: 403,
      reason: 'Forbidden',
      causes: ['NamespaceTerminating'],
    });
    const client = new FakeKube({
      respond(call: Call) {
        if (call.path.startsWith('/api/v1/pods?')) return { items: [web] };
        if (call.path.endsWith('/eviction')) return terminating;
        if (call.method === 'GET' && call.path.endsWith('/pods/web-1')) {
          gets++;
          if (gets === 1) return { ...web, metadata: { ...web.metadata, deletionTimestamp: '2026-12-07T14:00:00Z' } };
          return gets < 3 ? web : notFound();
        }
        return {};
      },
    });
    const lines: string[] = [];
    expect(await result.plan.run(client, (l) => lines.push(l))).toEqual({ ok: true, message: 'node/k8snode02 drained' });
    expect(lines).toContain('error when evicting pod "web-1" from terminating namespace "default" (will retry after 5s): pods "web-1" is forbidden: unable to create new content in namespace default because it is being terminated');
    expect(lines.at(-1)).toBe('pod/web-1 evicted');
    expect(client.mutations.filter((c) => c.path.endsWith('/eviction'))).toHaveLength(2);
  });

  it('gives up at --timeout with kubectl\'s error, and the node stays cordoned', async () => {
    const result = planDrain(N2, options({ timeout: '12s' }), [web], fakeClock());
    if (!result.ok) throw new Error(result.error);
    const outcome = await result.plan.run(cluster([web], 100), () => {});
    expect(outcome).toEqual({ ok: false, message: 'error: unable to drain node "k8snode02" due to error: error when evicting pods/"web-1" -n "default": global timeout reached: 12s' });
  });

  it('refuses before anything is sent when kubectl would: the flag to use is named', () => {
    expect(planDrain(N2, options(), [web, bare])).toEqual({ ok: false, error: 'cannot delete Pods that declare no controller (use --force to override): default/bare' });
    const forced = planDrain(N2, options({ force: true, deleteEmptyDirData: true, ignoreDaemonSets: false, timeout: '' }), [web, bare]);
    expect(forced.ok && forced.plan.kubectl).toEqual(['kubectl drain k8snode02 --delete-emptydir-data --force']);
    expect(planDrain(N2, options({ gracePeriod: 'ten' }), [])).toMatchObject({ ok: false, error: expect.stringContaining('invalid grace period "ten"') });
    expect(planDrain(N2, options({ timeout: '5' }), [])).toMatchObject({ ok: false, error: expect.stringContaining('invalid timeout "5"') });
  });

  it('refuses when the server lists a pod the flags do not allow, after cordoning as kubectl does', async () => {
    const result = planDrain(N2, options(), [web], fakeClock());
    if (!result.ok) throw new Error(result.error);
    const client = cluster([web, bare]);
    expect(await result.plan.run(client, () => {})).toEqual({
      ok: false,
      message: 'error: unable to drain node "k8snode02" due to error: cannot delete Pods that declare no controller (use --force to override): default/bare',
    });
    expect(client.mutations.map((c) => c.method)).toEqual(['PATCH']);
  });
});
