import { describe, expect, it } from 'vitest';
import { planScale } from '../../../src/actions/scale.js';
import { KubeApiError } from '../../../src/kube/api-errors.js';
import { scripted } from '../fakes/fake-kube.js';
import { target } from './targets.js';

const deploy = target('deployments', 'nginx-deployment', 'default');

describe('planScale', () => {
  it('plans kubectl scale and PUTs the Scale subresource with strict field validation', async () => {
    const result = planScale(deploy, ' 5 ');
    if (!result.ok) throw new Error(result.error);
    expect(result.plan.kubectl).toEqual(['kubectl scale deployment/nginx-deployment --replicas=5 -n default']);
    expect(result.plan.confirm).toBe(false);
    expect(result.plan.targets).toEqual([deploy]);
    const client = scripted();
    expect(await result.plan.run(client)).toEqual({ ok: true, message: 'deployment.apps/nginx-deployment scaled' });
    expect(client.requests).toEqual([
      {
        method: 'PUT',
        path: '/apis/apps/v1/namespaces/default/deployments/nginx-deployment/scale?fieldValidation=Strict',
        body: { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'nginx-deployment', namespace: 'default' }, spec: { replicas: 5 } },
      },
    ]);
  });

  it('scales to zero, and reaches replication controllers in the core group', async () => {
    const rc = target('replicationcontrollers', 'old', 'legacy');
    const result = planScale(rc, '0');
    if (!result.ok) throw new Error(result.error);
    expect(result.plan.kubectl).toEqual(['kubectl scale replicationcontroller/old --replicas=0 -n legacy']);
    const client = scripted();
    expect((await result.plan.run(client)).message).toBe('replicationcontroller/old scaled');
    expect(client.requests[0]?.path).toBe('/api/v1/namespaces/legacy/replicationcontrollers/old/scale?fieldValidation=Strict');
  });

  it.each(['', '-1', '2.5', 'five', '1e2', '3 4', '2147483648'])('refuses %j in one line without a request', (input) => {
    const result = planScale(deploy, input);
    expect(result).toEqual({ ok: false, error: `invalid replicas "${input.trim()}": type a whole number of 0 or more, e.g. 3` });
  });

  it('refuses kinds without a scale subresource', () => {
    const result = planScale(target('daemonsets', 'ds', 'kube-system'), '2');
    expect(result).toEqual({ ok: false, error: 'cannot scale daemonsets; scale applies to deployments, statefulsets, replicasets, replicationcontrollers' });
  });

  it("reports the server's refusal as kubectl does", async () => {
    const result = planScale(deploy, '3');
    if (!result.ok) throw new Error(result.error);
    const client = scripted(() => {
      throw new KubeApiError('deployments.apps "nginx-deployment" not found', { statusCode: 404, reason: 'NotFound' });
    });
    expect(await result.plan.run(client)).toEqual({
      ok: false,
      message: 'Error from server (NotFound): deployments.apps "nginx-deployment" not found',
    });
  });
});
