import { describe, expect, it } from 'vitest';
import { planTaint } from '../../../src/actions/taint.js';
import { KubeApiError } from '../../../src/kube/api-errors.js';
import { scripted } from '../fakes/fake-kube.js';
import { node, target } from './targets.js';

const seed = { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' };
const master = node('k8smaster01', {}, [seed]);
const evicting = { key: 'gone', value: 'yes', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:00Z' };

function plan(targets: Parameters<typeof planTaint>[0], input: string) {
  const result = planTaint(targets, input);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

describe('planTaint', () => {
  it('adds a taint in front of the existing ones, testing the taints it read first', async () => {
    const p = plan([master], 'kt-test=1:PreferNoSchedule');
    expect(p.kubectl).toEqual(['kubectl taint node k8smaster01 kt-test=1:PreferNoSchedule']);
    expect(p.confirm).toBe(false);
    const client = scripted();
    expect(await p.run(client)).toEqual({ ok: true, message: 'node/k8smaster01 tainted' });
    expect(client.requests).toEqual([
      {
        method: 'PATCH',
        path: '/api/v1/nodes/k8smaster01?fieldValidation=Strict',
        body: [
          { op: 'test', path: '/spec/taints', value: [seed] },
          { op: 'add', path: '/spec/taints', value: [{ key: 'kt-test', value: '1', effect: 'PreferNoSchedule' }, seed] },
        ],
        contentType: 'application/json-patch+json',
      },
    ]);
  });

  it('tests for no taints at all on an untainted node', async () => {
    const client = scripted();
    await plan([node('k8snode01')], 'k:NoSchedule').run(client);
    expect(client.requests[0]?.body).toEqual([
      { op: 'test', path: '/spec/taints', value: null },
      { op: 'add', path: '/spec/taints', value: [{ key: 'k', effect: 'NoSchedule' }] },
    ]);
  });

  it('removes by key and effect, keeping the others as they were (timeAdded included)', async () => {
    const n = node('n', {}, [seed, { key: 'kt-test', value: '1', effect: 'PreferNoSchedule' }, evicting]);
    const p = plan([n], 'kt-test:PreferNoSchedule-');
    expect(p.kubectl).toEqual(['kubectl taint node n kt-test:PreferNoSchedule-']);
    const client = scripted();
    expect((await p.run(client)).message).toBe('node/n untainted');
    expect((client.requests[0]?.body as { value: unknown }[])[1]?.value).toEqual([seed, evicting]);
  });

  it('removes every effect of a key with key-', async () => {
    const n = node('n', {}, [seed, { key: 'k', effect: 'NoSchedule' }, { key: 'k', effect: 'NoExecute' }]);
    const client = scripted();
    await plan([n], 'k-').run(client);
    expect((client.requests[0]?.body as { value: unknown }[])[1]?.value).toEqual([seed]);
  });

  it('asks for confirmation when a NoExecute taint is added', () => {
    expect(plan([master], 'evict=now:NoExecute').confirm).toBe(true);
    expect(plan([node('n', {}, [evicting])], 'gone:NoExecute-').confirm).toBe(false);
  });

  it('overwrites a taint with the same key and effect only with --overwrite, and says modified', async () => {
    expect(planTaint([master], 'node-role.kubernetes.io/master=x:NoSchedule')).toEqual({
      ok: false,
      error: 'node k8smaster01 already has node-role.kubernetes.io/master taint(s) with same effect(s) and --overwrite is false; add --overwrite to replace',
    });
    const p = plan([master], 'node-role.kubernetes.io/master=x:NoSchedule --overwrite');
    const client = scripted();
    expect((await p.run(client)).message).toBe('node/k8smaster01 modified');
    expect((client.requests[0]?.body as { value: unknown }[])[1]?.value).toEqual([{ key: 'node-role.kubernetes.io/master', value: 'x', effect: 'NoSchedule' }]);
  });

  it("refuses to remove a taint that isn't there, like kubectl", () => {
    expect(planTaint([master], 'x:NoSchedule-')).toEqual({ ok: false, error: 'taint "x:NoSchedule" not found' });
    expect(planTaint([master], 'x-')).toEqual({ ok: false, error: 'taint "x" not found' });
    expect(planTaint([master, node('k8snode01')], 'node-role.kubernetes.io/master-')).toEqual({
      ok: false,
      error: 'node/k8snode01: taint "node-role.kubernetes.io/master" not found',
    });
  });

  it('explains a concurrent change (the failed test op) in one line', async () => {
    const client = scripted(() => {
      throw new KubeApiError('the server rejected our request due to an error in our request', { statusCode: 422, reason: 'Invalid' });
    });
    expect(await plan([master], 'a:NoSchedule').run(client)).toEqual({
      ok: false,
      message: 'the taints of node/k8smaster01 changed since kt read them; nothing was changed, look again and retry',
    });
  });

  it.each([
    ['', 'at least one taint update is required'],
    ['k=v', 'invalid taint spec: k=v; an effect is required to add a taint (NoSchedule, PreferNoSchedule, NoExecute)'],
    ['k:noschedule', 'invalid taint effect: noschedule, unsupported taint effect; use NoSchedule, PreferNoSchedule, NoExecute'],
    ['k:NoSchedule:x', 'invalid taint spec: k:NoSchedule:x'],
    ['k=a=b:NoSchedule', 'invalid taint spec: k=a=b:NoSchedule'],
    ['-k:NoSchedule', 'invalid taint spec: -k:NoSchedule, key name part must consist of'],
    ['k=-v:NoSchedule', 'invalid taint spec: k=-v:NoSchedule, value must consist of'],
    ['a:NoSchedule a=2:NoSchedule', 'duplicated taints with the same key and effect: a=2:NoSchedule'],
    ['a:NoSchedule a-', 'can not both modify and remove the following taint(s) in the same command: a='],
    ['--all a:NoSchedule', 'unknown flag: --all; only --overwrite is accepted'],
  ])('refuses %j', (input, error) => {
    const result = planTaint([master], input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(error);
  });

  it('is for nodes only', () => {
    expect(planTaint([target('pods', 'p', 'default')], 'a:NoSchedule')).toEqual({ ok: false, error: 'cannot taint pods; taint applies to nodes' });
  });
});
