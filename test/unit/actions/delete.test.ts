import { describe, expect, it } from 'vitest';
import { planDelete } from '../../../src/actions/delete.js';
import { KubeApiError } from '../../../src/kube/api-errors.js';
import { scripted } from '../fakes/fake-kube.js';
import { node, target } from './targets.js';

const a = target('pods', 'a', 'default');
const b = target('pods', 'b', 'default');

function plan(targets: Parameters<typeof planDelete>[0], gracePeriod = '', force = false) {
  const result = planDelete(targets, { gracePeriod, force });
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

describe('planDelete', () => {
  it('always asks for confirmation and deletes each object in the background', async () => {
    const p = plan([a, b]);
    expect(p.confirm).toBe(true);
    expect(p.kubectl).toEqual(['kubectl delete pod a b -n default']);
    const client = scripted();
    expect(await p.run(client)).toEqual({ ok: true, message: 'pod "a" deleted from default namespace, pod "b" deleted from default namespace' });
    const body = { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: 'Background' };
    expect(client.requests).toEqual([
      { method: 'DELETE', path: '/api/v1/namespaces/default/pods/a', body },
      { method: 'DELETE', path: '/api/v1/namespaces/default/pods/b', body },
    ]);
  });

  it('passes a grace period', async () => {
    const p = plan([target('deployments', 'web', 'prod')], ' 30 ');
    expect(p.kubectl).toEqual(['kubectl delete deployment web --grace-period=30 -n prod']);
    const client = scripted();
    expect((await p.run(client)).message).toBe('deployment.apps "web" deleted from prod namespace');
    expect(client.requests[0]).toMatchObject({ path: '/apis/apps/v1/namespaces/prod/deployments/web', body: { gracePeriodSeconds: 30 } });
  });

  it('force means grace period 0, as kubectl --force --grace-period=0', async () => {
    const p = plan([a], '', true);
    expect(p.kubectl).toEqual(['kubectl delete pod a --force --grace-period=0 -n default']);
    const client = scripted();
    expect((await p.run(client)).message).toBe('pod "a" force deleted from default namespace');
    expect(client.requests[0]?.body).toEqual({ apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: 'Background', gracePeriodSeconds: 0 });
    expect(plan([a], '0', true).kubectl).toEqual(['kubectl delete pod a --force --grace-period=0 -n default']);
  });

  it('turns a grace period of 0 without force into 1, as kubectl does', async () => {
    const client = scripted();
    await plan([a], '0').run(client);
    expect(client.requests[0]?.body).toMatchObject({ gracePeriodSeconds: 1 });
  });

  it('groups by namespace, and cluster-scoped objects have no namespace in the line or message', async () => {
    expect(plan([a, target('pods', 'c', 'web'), b]).kubectl).toEqual(['kubectl delete pod a b -n default', 'kubectl delete pod c -n web']);
    const p = plan([node('n1')]);
    expect(p.kubectl).toEqual(['kubectl delete node n1']);
    const client = scripted();
    expect((await p.run(client)).message).toBe('node "n1" deleted');
    expect(client.requests[0]?.path).toBe('/api/v1/nodes/n1');
  });

  it('reports each failure and keeps going', async () => {
    const client = scripted((call) => {
      if (call.path.endsWith('/a')) throw new KubeApiError('pods "a" is forbidden: no', { statusCode: 403, reason: 'Forbidden' });
      return {};
    });
    expect(await plan([a, b]).run(client)).toEqual({
      ok: false,
      message: 'failed on 1 of 2 (the other 1 deleted): pod/a: Error from server (Forbidden): pods "a" is forbidden: no',
    });
    expect(client.requests).toHaveLength(2);
  });

  it.each([
    ['-1', false, 'invalid grace period "-1": type whole seconds (0 or more), or leave it empty for the default'],
    ['soon', false, 'invalid grace period "soon"'],
    ['5', true, '--force and --grace-period greater than 0 cannot be specified together'],
  ])('refuses grace period %j (force %s)', (gracePeriod, force, error) => {
    const result = planDelete([a], { gracePeriod, force });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(error);
  });

  it('refuses an empty selection', () => {
    expect(planDelete([], { gracePeriod: '', force: false })).toEqual({ ok: false, error: 'nothing selected to delete' });
  });
});
