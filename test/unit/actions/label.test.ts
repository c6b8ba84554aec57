import { describe, expect, it } from 'vitest';
import { planLabel } from '../../../src/actions/label.js';
import { KubeApiError } from '../../../src/kube/api-errors.js';
import { scripted } from '../fakes/fake-kube.js';
import { node, target } from './targets.js';

const n2 = node('k8snode02', { 'kubernetes.io/os': 'linux', disktype: 'hdd', tier: 'a' });

function plan(targets: Parameters<typeof planLabel>[0], input: string) {
  const result = planLabel(targets, input);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

describe('planLabel', () => {
  it('merge-patches only the labels named', async () => {
    const p = plan([node('k8snode02')], 'disktype=ssd');
    expect(p.kubectl).toEqual(['kubectl label node k8snode02 disktype=ssd']);
    expect(p.confirm).toBe(false);
    const client = scripted();
    expect(await p.run(client)).toEqual({ ok: true, message: 'node/k8snode02 labeled' });
    expect(client.requests).toEqual([
      {
        method: 'PATCH',
        path: '/api/v1/nodes/k8snode02?fieldValidation=Strict',
        body: { metadata: { labels: { disktype: 'ssd' } } },
        contentType: 'application/merge-patch+json',
      },
    ]);
  });

  it('removes with null, sets several, and says modified when both happen', async () => {
    const p = plan([n2], 'a=1 example.com/b= tier-');
    expect(p.kubectl).toEqual(['kubectl label node k8snode02 a=1 example.com/b= tier-']);
    const client = scripted();
    expect((await p.run(client)).message).toBe('node/k8snode02 modified');
    expect(client.requests[0]?.body).toEqual({ metadata: { labels: { a: '1', 'example.com/b': '', tier: null } } });
  });

  it('says unlabeled for a removal, and not labeled when nothing changes', async () => {
    expect((await plan([n2], 'tier-').run(scripted())).message).toBe('node/k8snode02 unlabeled');
    expect((await plan([n2], 'tier=a').run(scripted())).message).toBe('node/k8snode02 not labeled');
  });

  it('refuses to overwrite a different value without --overwrite, like kubectl', () => {
    expect(planLabel([n2], 'disktype=ssd')).toEqual({
      ok: false,
      error: "'disktype' already has a value (hdd) on node/k8snode02, and --overwrite is false; add --overwrite to replace it",
    });
  });

  it('overwrites with --overwrite, which the kubectl line keeps', async () => {
    const p = plan([n2], '--overwrite disktype=ssd');
    expect(p.kubectl).toEqual(['kubectl label node k8snode02 disktype=ssd --overwrite']);
    const client = scripted();
    expect((await p.run(client)).message).toBe('node/k8snode02 labeled');
    expect(client.requests[0]?.body).toEqual({ metadata: { labels: { disktype: 'ssd' } } });
  });

  it('groups pods by namespace into kubectl lines and patches each', async () => {
    const pods = [target('pods', 'a', 'default'), target('pods', 'b', 'default'), target('pods', 'c', 'web')];
    const p = plan(pods, 'team=x');
    expect(p.kubectl).toEqual(['kubectl label pod a b team=x -n default', 'kubectl label pod c team=x -n web']);
    const client = scripted();
    expect(await p.run(client)).toEqual({ ok: true, message: 'pod/a labeled, pod/b labeled, pod/c labeled' });
    expect(client.requests.map((c) => c.path)).toEqual([
      '/api/v1/namespaces/default/pods/a?fieldValidation=Strict',
      '/api/v1/namespaces/default/pods/b?fieldValidation=Strict',
      '/api/v1/namespaces/web/pods/c?fieldValidation=Strict',
    ]);
  });

  it('names every target that failed, with the server message in one line', async () => {
    const pods = [target('pods', 'a', 'default'), target('pods', 'b', 'default'), target('pods', 'c', 'default')];
    const client = scripted((call) => {
      if (call.path.includes('/pods/b')) throw new KubeApiError('pods "b" not found', { statusCode: 404, reason: 'NotFound' });
      return {};
    });
    expect(await plan(pods, 'team=x').run(client)).toEqual({
      ok: false,
      message: 'failed on 1 of 3 (the other 2 labeled): pod/b: Error from server (NotFound): pods "b" not found',
    });
    expect(client.requests).toHaveLength(3);
  });

  it('summarises many successes', async () => {
    const pods = ['a', 'b', 'c', 'd'].map((n) => target('pods', n, 'default'));
    expect((await plan(pods, 'team=x').run(scripted())).message).toBe('4 pods labeled');
  });

  it.each([
    ['', 'at least one label update is required; type key=value to set, key- to remove'],
    ['disktype', 'unknown label spec: disktype; type key=value to set, key- to remove'],
    ['a=b=c', 'invalid label spec: a=b=c; type key=value to set, key- to remove'],
    ['-bad=1', 'invalid label key "-bad": name part must consist of'],
    ['ok=-bad', 'invalid label value "-bad" for "ok": must consist of'],
    [`k=${'v'.repeat(64)}`, 'must be no more than 63 characters'],
    ['Bad.Prefix/k=1', 'invalid label key "Bad.Prefix/k": prefix part must consist of lower case'],
    ['a=1 a=2', 'label "a" is given twice; give each key once'],
    ['a=1 a-', 'can not both modify and remove label "a" in the same command'],
    ['--force a=1', 'unknown flag: --force; only --overwrite is accepted'],
    ['--overwrite', 'at least one label update is required'],
    ['-', 'unknown label spec: -'],
  ])('refuses %j without a request', (input, error) => {
    const result = planLabel([node('n')], input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(error);
      expect(result.error).not.toContain('\n');
    }
  });

  it('refuses an empty selection', () => {
    expect(planLabel([], 'a=1')).toEqual({ ok: false, error: 'nothing selected to label' });
  });
});
