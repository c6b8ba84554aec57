import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planApplyCommand } from '../../../src/actions/apply.js';
import { containerName, planCreate } from '../../../src/actions/create.js';
import { fieldChanges } from '../../../src/actions/field-diff.js';
import { parseFlags } from '../../../src/actions/flags.js';
import { loadManifests } from '../../../src/actions/manifest.js';
import { parseCommand } from '../../../src/app/commands.js';
import { findKind } from '../../../src/kinds/registry.js';
import { completePath } from '../../../src/yaml/complete-path.js';
import { notFound, scripted, type Call } from '../fakes/fake-kube.js';

const dir = mkdtempSync(join(tmpdir(), 'kt-apply-unit-'));
const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n';
writeFileSync(join(dir, 'web.yaml'), DEPLOY);
mkdirSync(join(dir, 'many'));
writeFileSync(join(dir, 'many', 'b.yaml'), `${DEPLOY}---\n# only a comment\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: web\n`);
writeFileSync(join(dir, 'many', 'a.json'), '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}');
writeFileSync(join(dir, 'many', 'notes.txt'), 'not a manifest');

const DISCOVERY: Record<string, unknown> = {
  '/apis/apps/v1': { resources: [{ name: 'deployments', kind: 'Deployment', namespaced: true }, { name: 'deployments/scale', kind: 'Scale', namespaced: true }] },
};

describe(':apply -f', () => {
  it('reads a file, or a directory of .yaml/.yml/.json files in name order, every document, Lists opened up', async () => {
    const one = await loadManifests(join(dir, 'web.yaml'));
    expect(one.ok && one.objects.map((o) => o.object.kind)).toEqual(['Deployment']);
    const many = await loadManifests(join(dir, 'many'));
    expect(many.ok && many.objects.map((o) => `${o.object.kind}/${o.object.metadata.name}`)).toEqual(['ConfigMap/c', 'Deployment/web', 'Service/web']);
    expect(await loadManifests(join(dir, 'nope.yaml'))).toEqual({ ok: false, error: `error: the path "${join(dir, 'nope.yaml')}" does not exist` });
  });

  it('dry-runs server-side apply as kt, then says created; run() applies for real', async () => {
    const client = scripted((c: Call) => {
      if (c.method === 'GET' && DISCOVERY[c.path]) return DISCOVERY[c.path];
      if (c.method === 'GET') throw notFound('deployments.apps "web"');
      return {};
    });
    const result = await planApplyCommand(client, ['-f', join(dir, 'web.yaml')], 'prod');
    if (!result.ok) throw new Error(result.error);
    expect(result.preview).toEqual(['deployment.apps/web created (server dry run)']);
    expect(result.plan.kubectl).toEqual([`kubectl apply --server-side --field-manager=kt -f ${join(dir, 'web.yaml')} -n prod`]);
    const patch = client.requests.find((c) => c.method === 'PATCH');
    expect(patch).toMatchObject({
      path: '/apis/apps/v1/namespaces/prod/deployments/web?fieldManager=kt&fieldValidation=Strict&dryRun=All',
      contentType: 'application/apply-patch+yaml',
      body: { metadata: { name: 'web', namespace: 'prod' } },
    });
    client.requests.length = 0;
    expect(await result.plan.run(client)).toEqual({ ok: true, message: 'deployment.apps/web created' });
    expect(client.requests.filter((c) => c.method === 'PATCH').map((c) => c.path)).toEqual(['/apis/apps/v1/namespaces/prod/deployments/web?fieldManager=kt&fieldValidation=Strict']);
  });

  it('says unchanged when the dry run changes nothing but managedFields, and sends nothing for it', async () => {
    const live = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', resourceVersion: '5', managedFields: [{ manager: 'kubectl' }] }, spec: { replicas: 2 } };
    const client = scripted((c: Call) => {
      if (c.method === 'GET') return DISCOVERY[c.path] ?? live;
      return { ...live, metadata: { ...live.metadata, managedFields: [{ manager: 'kt' }] } };
    });
    const result = await planApplyCommand(client, ['--filename', join(dir, 'web.yaml')], undefined);
    if (!result.ok) throw new Error(result.error);
    expect(result.preview).toEqual(['deployment.apps/web unchanged']);
    client.requests.length = 0;
    expect(await result.plan.run(client)).toEqual({ ok: true, message: 'deployment.apps/web unchanged' });
    expect(client.requests).toEqual([]);
  });

  it('refuses an unknown kind, a missing -f and a stray argument in one line', async () => {
    const client = scripted((c: Call) => DISCOVERY[c.path] ?? { resources: [] });
    expect(await planApplyCommand(client, ['-f', join(dir, 'many')], undefined)).toMatchObject({ ok: false, error: expect.stringMatching(/^error: no matches for kind "ConfigMap" in version "v1"/) as unknown });
    expect(await planApplyCommand(client, [], undefined)).toEqual({ ok: false, error: 'error: must specify -f PATH (a file or a directory): :apply -f PATH' });
    expect(await planApplyCommand(client, ['-f', 'x', 'y'], undefined)).toMatchObject({ ok: false, error: expect.stringMatching(/unexpected argument "y"/) as unknown });
  });
});

describe(':create and :run', () => {
  it('builds the deployment kubectl create builds, dry-runs it, and POSTs it on run()', async () => {
    const client = scripted(() => ({}));
    const result = await planCreate(client, 'create', ['deployment', 'web', '--image=reg.io/team/nginx:1.19', '--replicas', '3', '--port=80', '-n', 'shop'], 'default');
    if (!result.ok) throw new Error(result.error);
    expect(result.plan.kubectl).toEqual(['kubectl create deployment web --image=reg.io/team/nginx:1.19 --replicas=3 --port=80 -n shop']);
    expect(result.preview).toContain('      - image: reg.io/team/nginx:1.19');
    expect(client.requests).toEqual([expect.objectContaining({ method: 'POST', path: '/apis/apps/v1/namespaces/shop/deployments?fieldManager=kt&fieldValidation=Strict&dryRun=All' })]);
    expect(await result.plan.run(client)).toEqual({ ok: true, message: 'deployment.apps/web created' });
  });

  it('runs a pod labelled run=NAME unless --labels says otherwise', async () => {
    const client = scripted(() => ({}));
    const result = await planCreate(client, 'run', ['p', '--image=nginx', '--labels=app=p,tier=web'], undefined);
    if (!result.ok) throw new Error(result.error);
    expect(client.requests[0]?.body).toMatchObject({ kind: 'Pod', metadata: { name: 'p', namespace: 'default', labels: { app: 'p', tier: 'web' } } });
    const plain = await planCreate(client, 'run', ['q', '--image=nginx'], 'ns1');
    expect(plain.ok && plain.preview).toContain('    run: q');
  });

  it('refuses bad input with kubectl words and sends nothing', async () => {
    const client = scripted(() => ({}));
    expect(await planCreate(client, 'create', ['deployment', 'x', '--image=a', '--bogus=1'], undefined)).toEqual({ ok: false, error: 'error: unknown flag: --bogus' });
    expect(await planCreate(client, 'run', ['x'], undefined)).toEqual({ ok: false, error: 'error: required flag(s) "image" not set' });
    expect(await planCreate(client, 'create', ['deployment', 'x', '--image=a', '--port=99999'], undefined)).toMatchObject({ ok: false });
    expect(client.requests).toEqual([]);
  });

  it('names the container after the image, flags kubectl-style', () => {
    expect(containerName('gcr.io/google-samples/kubernetes-bootcamp:v1')).toBe('kubernetes-bootcamp');
    expect(containerName('nginx@sha256:abc')).toBe('nginx');
    expect(parseFlags(['a', '--image', 'x', '-n=ns'], ['image', 'namespace'])).toEqual({ ok: true, positional: ['a'], flags: { image: 'x', namespace: 'ns' } });
  });
});

describe('the : line', () => {
  it('hands apply, create and run to their planners', () => {
    expect(parseCommand('apply -f ./m.yaml', findKind)).toEqual({ type: 'mutate', verb: 'apply', args: ['-f', './m.yaml'] });
    expect(parseCommand('run web --image=nginx --port=80', findKind)).toEqual({ type: 'mutate', verb: 'run', args: ['web', '--image=nginx', '--port=80'] });
  });

  it('completes the path after apply -f', () => {
    const list = () => ['nginx.yaml', 'nginx-ssd.yaml', 'other.yaml', 'sub'];
    expect(completePath('apply -f /m/ngin', list, () => false)).toBe('x');
    expect(completePath('apply -f /m/o', list, () => false)).toBe('ther.yaml');
    expect(completePath('apply -f /m/s', list, () => true)).toBe('ub/');
    expect(completePath('pods /m/o', list, () => false)).toBe('');
  });

  it('lists the fields a change touches', () => {
    expect(fieldChanges({ spec: { replicas: 2, a: 1 }, status: { x: 1 } }, { spec: { replicas: 3, b: 'x' }, status: { x: 2 } })).toEqual(['~ spec.replicas: 2 → 3', '+ spec.b: "x"', '- spec.a: 1']);
  });
});
