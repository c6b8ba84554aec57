import { describe, expect, it } from 'vitest';
import { historyLines, planUndo, revisionsOf } from '../../../src/actions/rollout.js';
import { scripted } from '../fakes/fake-kube.js';
import { revisionSet, target } from './targets.js';

const deployment = target('deployments', 'web', 'default', {
  metadata: { name: 'web', uid: 'web-uid', annotations: { 'deployment.kubernetes.io/revision': '3', 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
  spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
});
const sets = [
  revisionSet('web-aaaaa', 1, 'nginx:1.19.1'),
  revisionSet('web-ccccc', 3, 'nginx:1.27'),
  revisionSet('web-bbbbb', 2, 'nginx:1.25', { annotations: { 'kubernetes.io/change-cause': 'kubectl set image deployment/web nginx=nginx:1.25', 'deployment.kubernetes.io/desired-replicas': '2' } }),
  revisionSet('other-ddddd', 9, 'x', { owner: 'other-uid' }),
];

describe('rollout history', () => {
  it('lists the revisions of the ReplicaSets the Deployment controls, as kubectl rollout history does', () => {
    const revisions = revisionsOf(deployment.object, sets);
    expect(revisions.map((r) => r.revision)).toEqual([1, 2, 3]);
    expect(historyLines(revisions)).toEqual(['REVISION  CHANGE-CAUSE', '1         <none>', '2         kubectl set image deployment/web nginx=nginx:1.25', '3         <none>']);
  });
});

describe('rollout undo', () => {
  const revisions = revisionsOf(deployment.object, sets);

  it('puts the revision\'s template back without its pod-template-hash, with its annotations', async () => {
    const result = planUndo(deployment, revisions, 2);
    if (!result.ok) throw new Error(result.error);
    expect(result.plan.kubectl).toEqual(['kubectl rollout undo deployment/web --to-revision=2 -n default']);
    expect(result.plan.confirm).toBe(true);
    const client = scripted();
    expect(await result.plan.run(client)).toEqual({ ok: true, message: 'deployment.apps/web rolled back' });
    expect(client.requests[0]).toEqual({
      method: 'PATCH',
      path: '/apis/apps/v1/namespaces/default/deployments/web',
      contentType: 'application/json-patch+json',
      body: [
        { op: 'replace', path: '/spec/template', value: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
        {
          op: 'replace',
          path: '/metadata/annotations',
          value: {
            'deployment.kubernetes.io/revision': '3',
            'kubectl.kubernetes.io/last-applied-configuration': '{}',
            'kubernetes.io/change-cause': 'kubectl set image deployment/web nginx=nginx:1.25',
          },
        },
      ],
    });
  });

  it('goes back one revision by default, and says what kubectl says otherwise', () => {
    const previous = planUndo(deployment, revisions, 0);
    expect(previous.ok && previous.plan.kubectl).toEqual(['kubectl rollout undo deployment/web --to-revision=2 -n default']);
    expect(planUndo(deployment, revisions, 7)).toEqual({ ok: false, error: 'unable to find specified revision 7 in history' });
    expect(planUndo(deployment, revisions, 3)).toEqual({ ok: false, error: 'deployment.apps/web skipped rollback (current template already matches revision 3)' });
    const paused = target('deployments', 'web', 'default', { spec: { paused: true } });
    expect(planUndo(paused, revisions, 1)).toEqual({
      ok: false,
      error: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    });
  });
});
