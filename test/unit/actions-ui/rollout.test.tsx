// `:rollout history NAME` in the whole App: the Deployment's revisions from its ReplicaSets, and
// Enter on one rolls back to it after its confirmation (kubectl rollout undo --to-revision).
import { describe, expect, it } from 'vitest';
import { FakeKube, type Call } from '../fakes/fake-kube.js';
import { revisionSet } from '../actions/targets.js';
import { KEYS } from '../views/harness.js';
import { command, deployment, mountWithClient, seeded } from './objects.js';

describe(':rollout history', () => {
  it('lists REVISION and CHANGE-CAUSE from the ReplicaSets; Enter rolls back to the one chosen after y', async () => {
    const web = deployment('web');
    web.metadata.annotations = { 'deployment.kubernetes.io/revision': '2' };
    const sets = [
      revisionSet('web-aaaaa', 1, 'nginx:1.19', { owner: 'default-web', container: 'web' }),
      revisionSet('web-bbbbb', 2, 'nginx', { owner: 'default-web', container: 'web', annotations: { 'kubernetes.io/change-cause': 'kubectl set image deployment/web web=nginx' } }),
    ];
    const source = seeded();
    source.set({ kind: 'deployments', namespace: 'default' }, [web]);
    source.set({ kind: 'replicasets', namespace: 'default' }, sets);
    const client = new FakeKube({
      policy: () => true,
      respond: (call: Call) => (call.method === 'GET' && call.path.endsWith('/deployments/web') ? web : {}),
      routes: { '/apis/apps/v1/namespaces/default/replicasets?labelSelector=app%3Dweb': { items: sets } },
    });
    const app = mountWithClient({ source }, client);
    await app.waitFor((f) => f.includes('web-1'));
    await command(app, 'rollout history deployment/web');
    let frame = await app.waitFor((f) => f.includes('Rollout history of deployment.apps/web -n default (current: 2)'), 'the history');
    expect(frame).toMatch(/REVISION\s+CHANGE-CAUSE/);
    expect(frame).toMatch(/2\s+kubectl set image deployment\/web web=nginx/);
    expect(frame).toMatch(/1\s+<none>/);
    await app.press(KEYS.down, KEYS.enter); // revision 1
    frame = await app.waitFor((f) => f.includes('Roll back replicaset/web-aaaaa?'), 'the confirmation');
    expect(frame).toContain('$ kubectl rollout undo deployment/web --to-revision=1 -n default');
    expect(client.mutations).toHaveLength(0);
    await app.press('y');
    await app.waitFor((f) => f.includes('deployment.apps/web rolled back'), 'the outcome');
    expect(client.mutations).toHaveLength(1);
    expect(client.mutations[0]).toMatchObject({ method: 'PATCH', path: '/apis/apps/v1/namespaces/default/deployments/web', contentType: 'application/json-patch+json' });
    const [template] = client.mutations[0]?.body as { value: { spec: { containers: { image: string }[] } } }[];
    expect(template?.value.spec.containers[0]?.image).toBe('nginx:1.19');
    app.unmount();
  }, 15_000);

  it('says how to use it, in one line', async () => {
    const app = mountWithClient();
    await app.waitFor((f) => f.includes('web-1'));
    await command(app, 'rollout web');
    await app.waitFor((f) => f.includes('usage: :rollout history NAME'), 'the usage line');
    app.unmount();
  });
});
