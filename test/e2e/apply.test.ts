// `:apply -f`, `:create deployment` and `:run` through the real binary on the sandbox: the
// tutorial's nginx Deployment with a nodeSelector lands on the labelled node, a second apply
// says unchanged and sends nothing, Tab completes the path, and bad input is one line with
// nothing sent.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnKt, type KtPty } from '../helpers/pty.js';
import { kubeconfigPath, kubectlPath } from '../helpers/sandbox.js';

const run = promisify(execFile);
const NS = `kt-apply-${Date.now().toString(36)}`;
const NODE = 'k8snode02';
const dir = mkdtempSync(join(tmpdir(), 'kt-apply-e2e-'));

async function kubectl(...args: string[]): Promise<string> {
  const { stdout } = await run(kubectlPath(), ['--kubeconfig', kubeconfigPath, ...args]);
  return stdout;
}

const NGINX = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app: nginx
spec:
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
      nodeSelector:
        disktype: ssd
`;

beforeAll(async () => {
  await kubectl('create', 'namespace', NS);
  await kubectl('label', 'node', NODE, 'disktype=ssd', '--overwrite');
  writeFileSync(join(dir, 'nginx-ssd.yaml'), NGINX);
  writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   bad: indent\n');
  writeFileSync(join(dir, 'unknown.yaml'), 'apiVersion: v1\nkind: Gadget\nmetadata:\n  name: x\n');
});

afterAll(async () => {
  await kubectl('delete', 'namespace', NS, '--wait=false').catch(() => undefined);
  await kubectl('label', 'node', NODE, 'disktype-').catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe(':apply, :create and :run', () => {
  const running: KtPty[] = [];
  afterEach(async () => {
    for (const pty of running.splice(0)) await pty.dispose();
  });

  function kt(): KtPty {
    const t = spawnKt(['--kubeconfig', kubeconfigPath, '-n', NS], { cols: 140, rows: 40 });
    running.push(t);
    return t;
  }

  const command = (t: KtPty, line: string) => t.press(':', ...line, 'Enter');

  it('applies the nginx manifest with a nodeSelector after a dry run; its pods land on the labelled node; again is unchanged', async () => {
    const t = kt();
    await t.waitFor(/Pods\(/, 30_000);
    const path = join(dir, 'nginx-ssd.yaml');
    // Tab completes the path.
    t.press(':', ...`apply -f ${dir}/ngi`, 'Tab');
    await t.waitFor((s) => s.includes(`apply -f ${dir}/nginx-ssd.yaml`), 10_000);
    t.press('Enter');
    let screen = await t.waitFor(/deployment\.apps\/nginx-deployment created \(server dry run\)/, 15_000);
    expect(screen).toContain(' y to apply 1 change(s); any other key cancels');
    expect(await kubectl('get', 'deployments', '-n', NS, '-o', 'name')).toBe('');
    t.press('y');
    await t.waitFor(/deployment\.apps\/nginx-deployment created/, 15_000);
    const nodes = await until(
      () => kubectl('get', 'pods', '-n', NS, '-l', 'app=nginx', '-o', 'jsonpath={.items[*].spec.nodeName}'),
      (out) => out.split(' ').filter(Boolean).length === 2,
      'nginx pods scheduled',
    );
    expect(new Set(nodes.split(' '))).toEqual(new Set([NODE]));
    const version = await kubectl('get', 'deployment', 'nginx-deployment', '-n', NS, '-o', 'jsonpath={.metadata.resourceVersion}');

    command(t, `apply -f ${path}`);
    screen = await t.waitFor(/deployment\.apps\/nginx-deployment unchanged/, 15_000);
    expect(screen).not.toMatch(/^\s*[~+-] /m);
    t.press('y');
    await t.waitFor((s) => /deployment\.apps\/nginx-deployment unchanged/.test(s) && !s.includes('Apply '), 15_000);
    expect(await kubectl('get', 'deployment', 'nginx-deployment', '-n', NS, '-o', 'jsonpath={.metadata.resourceVersion}')).toBe(version);

    // A change shows the field that changes, and anything but y cancels.
    writeFileSync(path, NGINX.replace('replicas: 2', 'replicas: 3'));
    command(t, `apply -f ${path}`);
    await t.waitFor(/deployment\.apps\/nginx-deployment configured \(server dry run\)[\s\S]*~ spec\.replicas: 2 → 3/, 15_000);
    t.press('n');
    await t.waitFor((s) => !s.includes('server dry run'), 10_000);
    expect(await kubectl('get', 'deployment', 'nginx-deployment', '-n', NS, '-o', 'jsonpath={.spec.replicas}')).toBe('2');
  });

  it('creates a deployment and runs a pod, each shown first', async () => {
    const t = kt();
    await t.waitFor(/Pods\(/, 30_000);
    command(t, 'create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1 --replicas=2 --port=8080');
    let screen = await t.waitFor(/Create deployment\.apps\/kubernetes-bootcamp\?/, 15_000);
    expect(screen).toContain('- image: gcr.io/google-samples/kubernetes-bootcamp:v1');
    expect(screen).toContain('kubectl create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1 --replicas=2 --port=8080');
    t.press('y');
    await t.waitFor(/deployment\.apps\/kubernetes-bootcamp created/, 15_000);
    expect(await kubectl('get', 'deployment', 'kubernetes-bootcamp', '-n', NS, '-o', 'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].name}')).toBe('2 kubernetes-bootcamp');

    command(t, 'run web --image=nginx --port=80 --labels=app=web,tier=front');
    screen = await t.waitFor(/Run pod\/web\?/, 15_000);
    t.press('y');
    await t.waitFor(/pod\/web created/, 15_000);
    expect(await kubectl('get', 'pod', 'web', '-n', NS, '-o', 'jsonpath={.metadata.labels.tier}')).toBe('front');
  });

  it('refuses bad input in one line and sends nothing', async () => {
    const t = kt();
    await t.waitFor(/Pods\(/, 30_000);
    const cases: [string, RegExp][] = [
      ['apply -f /nonexistent/kt.yaml', /error: the path "\/nonexistent\/kt\.yaml" does not exist/],
      [`apply -f ${dir}/broken.yaml`, /error: error parsing .*broken\.yaml: line \d+, column \d+: Nested mappings/],
      [`apply -f ${dir}/unknown.yaml`, /no matches for kind "Gadget" in version "v1"/],
      ['create deployment x --image=nginx --frobnicate=1', /error: unknown flag: --frobnicate/],
      ['create secret x', /unknown kind "secret" for :create/],
      ['run lonely', /error: required flag\(s\) "image" not set/],
      ['run p1 --image=nginx -n kt-no-such-namespace', /namespaces "kt-no-such-namespace" not found/],
    ];
    for (const [line, error] of cases) {
      command(t, line);
      await t.waitFor(error, 15_000);
    }
    expect(await kubectl('get', 'pods,deployments', '-n', NS, '-o', 'name')).not.toMatch(/p1|\/x$/m);
  });
});
