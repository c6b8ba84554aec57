import { describe, expect, it } from 'vitest';
import { accessAttributes, createAccessChecker } from '../../../src/actions/access.js';
import { KubeApiError } from '../../../src/kube/api-errors.js';
import { scripted } from '../fakes/fake-kube.js';

const SSAR = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';

function allowing(allowed: (attrs: Record<string, string>) => boolean, reason = '') {
  return scripted((call) => {
    const attrs = (call.body as { spec: { resourceAttributes: Record<string, string> } }).spec.resourceAttributes;
    return { status: { allowed: allowed(attrs), ...(reason ? { reason } : {}) } };
  });
}

describe('accessAttributes', () => {
  it('maps each action to the verb, resource and subresource its request needs', () => {
    expect(accessAttributes('scale', 'deployments', 'default')).toEqual({ verb: 'update', group: 'apps', resource: 'deployments', subresource: 'scale', namespace: 'default' });
    expect(accessAttributes('expose', 'deployments', 'default')).toEqual({ verb: 'create', group: '', resource: 'services', namespace: 'default' });
    expect(accessAttributes('taint', 'nodes', 'default')).toEqual({ verb: 'patch', group: '', resource: 'nodes' });
    expect(accessAttributes('delete', 'pods')).toEqual({ verb: 'delete', group: '', resource: 'pods' });
    expect(accessAttributes('describe', 'nope')).toBeUndefined();
  });
});

describe('createAccessChecker', () => {
  it('posts a SelfSubjectAccessReview and caches the answer per attributes', async () => {
    let t = 1000;
    const client = allowing((a) => a.resource !== 'pods');
    const checker = createAccessChecker(client, { now: () => t, ttlMs: 60_000 });
    expect(checker.peek('delete', 'pods', 'default')).toBeUndefined();
    expect(await checker.check('delete', 'pods', 'default')).toEqual({
      allowed: false,
      reason: 'cannot delete resource "pods" in API group "" in the namespace "default"',
    });
    expect(client.requests).toEqual([
      {
        method: 'POST',
        path: SSAR,
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: { verb: 'delete', group: '', resource: 'pods', namespace: 'default' } },
        },
      },
    ]);
    expect(await checker.check('delete', 'pods', 'default')).toMatchObject({ allowed: false });
    expect(checker.peek('delete', 'pods', 'default')).toMatchObject({ allowed: false });
    expect(client.requests).toHaveLength(1);
    // Label and taint on nodes both need patch on nodes: one review.
    expect(await checker.check('label', 'nodes')).toEqual({ allowed: true });
    expect(await checker.check('taint', 'nodes')).toEqual({ allowed: true });
    expect(client.requests).toHaveLength(2);
    // Another namespace is another question; the answer expires after the TTL.
    await checker.check('delete', 'pods', 'web');
    expect(client.requests).toHaveLength(3);
    t += 60_000;
    expect(checker.peek('delete', 'pods', 'default')).toBeUndefined();
    await checker.check('delete', 'pods', 'default');
    expect(client.requests).toHaveLength(4);
  });

  it("shares one request between concurrent checks and keeps the authorizer's reason", async () => {
    const client = allowing(() => false, 'no RBAC policy matched');
    const checker = createAccessChecker(client);
    const answers = await Promise.all([checker.check('scale', 'deployments', 'x'), checker.check('scale', 'deployments', 'x')]);
    expect(client.requests).toHaveLength(1);
    expect(answers[0]).toEqual({
      allowed: false,
      reason: 'cannot update resource "deployments/scale" in API group "apps" in the namespace "x": no RBAC policy matched',
    });
  });

  it('answers not allowed, with the error, when the review fails, and asks again next time', async () => {
    let fail = true;
    const client = scripted(() => {
      if (fail) throw new KubeApiError('connect ECONNREFUSED 127.0.0.1:6443', { code: 'ECONNREFUSED' });
      return { status: { allowed: true } };
    });
    const checker = createAccessChecker(client);
    expect(await checker.check('delete', 'nodes')).toEqual({ allowed: false, reason: 'cannot check access: connect ECONNREFUSED 127.0.0.1:6443' });
    expect(checker.peek('delete', 'nodes')).toBeUndefined();
    fail = false;
    expect(await checker.check('delete', 'nodes')).toEqual({ allowed: true });
    expect(client.requests).toHaveLength(2);
  });

  it('answers not allowed for a kind kt does not know, without a request', async () => {
    const client = allowing(() => true);
    expect(await createAccessChecker(client).check('delete', 'widgets')).toEqual({ allowed: false, reason: 'kt does not know the kind "widgets"' });
    expect(client.requests).toHaveLength(0);
  });
});
