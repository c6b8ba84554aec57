import { describe, expect, it } from 'vitest';
import { cordonAction, uncordonAction } from '../../../src/actions/cordon.js';
import { planRestart, RESTARTED_AT } from '../../../src/actions/restart.js';
import { planSetImage, templateContainers } from '../../../src/actions/set-image.js';
import { scripted } from '../fakes/fake-kube.js';
import { node, target } from './targets.js';

describe('cordon and uncordon', () => {
  it('plan kubectl cordon, patch spec.unschedulable, and say what kubectl says', async () => {
    const result = cordonAction.plan([node('k8snode01'), node('k8snode02')]);
    if (!result.ok) throw new Error(result.error);
    expect(result.plan.kubectl).toEqual(['kubectl cordon k8snode01 k8snode02']);
    expect(result.plan.confirm).toBe(true);
    const client = scripted();
    expect(await result.plan.run(client)).toEqual({ ok: true, message: 'node/k8snode01 cordoned, node/k8snode02 cordoned' });
    expect(client.requests[0]).toEqual({ method: 'PATCH', path: '/api/v1/nodes/k8snode01?fieldValidation=Strict', body: { spec: { unschedulable: true } }, contentType: 'application/merge-patch+json' });
  });

  it('leave a node as it is when it already is, as kubectl does', async () => {
    const cordoned = target('nodes', 'k8snode02', undefined, { spec: { unschedulable: true } });
    const again = cordonAction.plan([cordoned]);
    const client = scripted();
    expect(again.ok && (await again.plan.run(client))).toEqual({ ok: true, message: 'node/k8snode02 already cordoned' });
    expect(client.requests).toHaveLength(0);
    const un = uncordonAction.plan([cordoned]);
    expect(un.ok && un.plan.kubectl).toEqual(['kubectl uncordon k8snode02']);
    expect(un.ok && (await un.plan.run(client))).toEqual({ ok: true, message: 'node/k8snode02 uncordoned' });
    expect(client.requests[0]?.body).toEqual({ spec: { unschedulable: null } });
  });

  it('apply to nodes only', () => {
    expect(cordonAction.plan([target('pods', 'p', 'default')])).toEqual({ ok: false, error: 'cannot cordon pods; cordon applies to nodes' });
  });
});

const web = target('deployments', 'web', 'default', {
  spec: { template: { spec: { initContainers: [{ name: 'setup', image: 'busybox:1' }], containers: [{ name: 'nginx', image: 'nginx:1.19.1' }, { name: 'sidecar', image: 'envoy:1' }] } } },
});

describe('rollout restart', () => {
  it('plans kubectl rollout restart and patches the restartedAt annotation of the pod template', async () => {
    const result = planRestart([web], () => new Date('2026-12-07T14:05:09.123Z'));
    if (!result.ok) throw new Error(result.error);
    expect(result.plan.kubectl).toEqual(['kubectl rollout restart deployment web -n default']);
    const client = scripted();
    expect(await result.plan.run(client)).toEqual({ ok: true, message: 'deployment.apps/web restarted' });
    expect(client.requests[0]).toEqual({
      method: 'PATCH',
      path: '/apis/apps/v1/namespaces/default/deployments/web?fieldValidation=Strict',
      body: { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: '2026-12-07T14:05:09Z' } } } } },
      contentType: 'application/strategic-merge-patch+json',
    });
  });

  it('refuses a paused Deployment and kinds without a rollout, in one line', () => {
    const paused = target('deployments', 'web', 'default', { spec: { paused: true } });
    expect(planRestart([paused])).toEqual({ ok: false, error: "deployment.apps/web: can't restart paused deployment (run rollout resume first)" });
    expect(planRestart([target('replicasets', 'rs', 'default')])).toEqual({ ok: false, error: 'cannot restart replicasets; restart applies to deployments, daemonsets, statefulsets' });
  });
});

describe('set image', () => {
  it('lists the template\'s containers, init containers first', () => {
    expect(templateContainers(web.object)).toEqual([
      { name: 'setup', image: 'busybox:1', init: true },
      { name: 'nginx', image: 'nginx:1.19.1', init: false },
      { name: 'sidecar', image: 'envoy:1', init: false },
    ]);
  });

  it('plans kubectl set image and patches that one container by name', async () => {
    const result = planSetImage(web, { name: 'nginx', image: 'nginx:1.19.1', init: false }, ' nginx:1.27 ');
    if (!result.ok) throw new Error(result.error);
    expect(result.plan.kubectl).toEqual(['kubectl set image deployment/web nginx=nginx:1.27 -n default']);
    const client = scripted();
    expect(await result.plan.run(client)).toEqual({ ok: true, message: 'deployment.apps/web image updated' });
    expect(client.requests[0]?.body).toEqual({ spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } });
    const init = planSetImage(web, { name: 'setup', image: 'busybox:1', init: true }, 'busybox:2');
    await (init.ok && init.plan.run(client));
    expect(client.requests[1]?.body).toEqual({ spec: { template: { spec: { initContainers: [{ name: 'setup', image: 'busybox:2' }] } } } });
  });

  it.each([
    ['', 'type the new image, e.g. nginx:1.27'],
    ['nginx 1.27', 'invalid image "nginx 1.27": an image reference has no spaces'],
    ['nginx:1.19.1', 'container "nginx" already runs nginx:1.19.1; type another image'],
  ])('refuses %j in one line', (input, error) => {
    expect(planSetImage(web, { name: 'nginx', image: 'nginx:1.19.1', init: false }, input)).toEqual({ ok: false, error });
  });
});
