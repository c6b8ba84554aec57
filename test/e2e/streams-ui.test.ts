// Shell, RBAC and port-forward driven through kt's keys in a pty against the sandbox, whose kwok
// runs exec'd commands in a scratch directory and forwards every pod port to a small HTTP server
// (sandbox/streams.sh), all through the API server as on a real cluster.
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getOnce as get } from '../helpers/http-get.js';
import { criLine } from '../../sandbox/log-driver.js';
import { createKubeClient } from '../../src/kube/client.js';
import type { KubeObject } from '../../src/kube/types.js';
import { spawnKt, type KtPty } from '../helpers/pty.js';
import { apiServerPort, eventually, kubeconfigPath, sandboxKubeConfig, stateDir, viewerKubeConfig } from '../helpers/sandbox.js';
import { kubeconfigThrough, TcpProxy } from '../helpers/tcp-proxy.js';
import { createTalker } from '../helpers/talker-pod.js';
import { createWebDeployment } from '../helpers/web-deployment.js';

const client = createKubeClient(sandboxKubeConfig());
const NS = `kt-streams-ui-${Math.random().toString(36).slice(2, 8)}`;
const scratch = mkdtempSync(join(tmpdir(), 'kt-streams-ui-'));
let kt: KtPty | undefined;

async function readyWebPods(): Promise<string[]> {
  const list = await client.request<{ items: KubeObject[] }>('GET', `/api/v1/namespaces/${NS}/pods?labelSelector=app%3Dweb`);
  const ready = (p: KubeObject) => !p.metadata.deletionTimestamp && (p.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
  return list.items.filter(ready).map((p) => p.metadata.name);
}

beforeAll(async () => {
  await createTalker(client, NS);
  await createWebDeployment(client, NS, 2, { nodeSelector: { type: 'kwok' }, containers: [{ name: 'web', image: 'nginx:1.19.1', ports: [{ name: 'http', containerPort: 80 }] }] });
  await client.request('POST', `/api/v1/namespaces/${NS}/services`, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web' },
    spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  });
  await eventually(async () => (await readyWebPods()).length === 2, 60_000, 'two ready web pods');
});

afterEach(async () => {
  await kt?.dispose();
  kt = undefined;
});

afterAll(async () => {
  await client.request('DELETE', `/api/v1/namespaces/${NS}`).catch(() => undefined);
  client.close();
  rmSync(scratch, { recursive: true, force: true });
});

function open(args: string[] = ['--kubeconfig', kubeconfigPath]): KtPty {
  kt = spawnKt([...args, '-n', NS], { cols: 220, rows: 40 });
  return kt;
}

describe('s: a shell in a pod container', () => {
  it('runs a command in the container and exits back to kt; the journal has kubectl exec, not what was typed', async () => {
    const t = open();
    await t.waitFor('talker', 30_000);
    t.press('/', 'talker', 'Enter');
    await t.waitFor(/Pods\(.*\)\[1/);
    await t.waitFor('<s> shell'); // the footer offers it on pods (scale is for workloads)
    t.press('s');
    // Two containers (the init container is not one to shell into): the form asks, app first.
    await t.waitFor('Shell in pod/talker');
    await t.waitFor(/container: +\[app\] +sidecar/);
    await t.waitFor(`$ kubectl exec -it -n ${NS} talker -c app -- sh -c 'command -v bash >/dev/null && exec bash || exec sh'`);
    t.press('Enter');
    const marker = `marker-${NS}`;
    // kt has left its screen: the shell's prompt is on the terminal's main screen.
    await t.waitFor((s) => !s.includes('Pods('), 20_000);
    t.press(`echo ${marker} > ${NS}.txt; cat ${NS}.txt\r`);
    await t.waitFor(new RegExp(`^${marker}$`, 'm'), 20_000);
    t.press('exit\r');
    await t.waitFor(`shell in ${NS}/talker (app) ended`, 20_000);
    await t.waitFor(/Pods\(.*\)\[1/);
    const written = join(stateDir, 'streams', 'scratch', `${NS}.txt`);
    expect(existsSync(written)).toBe(true);
    expect(readFileSync(written, 'utf8')).toBe(`${marker}\n`);
    // Keys are kt's again: the journal opens, with the kubectl line and nothing typed in the shell.
    t.press(':', 'journal', 'Enter');
    await t.waitFor(`kubectl exec -it -n ${NS} talker -c app -- sh -c`);
    expect(t.screen()).not.toContain(marker);
  });

  it('a shell whose connection drops mid-session comes back to kt with one line saying so', async () => {
    const proxy = new TcpProxy({ host: '127.0.0.1', port: apiServerPort() });
    const port = await proxy.start();
    try {
      const t = open(['--kubeconfig', kubeconfigThrough(port, join(scratch, 'through-proxy.kubeconfig'))]);
      await t.waitFor('talker', 30_000);
      t.press('/', 'talker', 'Enter');
      await t.waitFor(/Pods\(.*\)\[1/);
      t.press('s');
      await t.waitFor(`$ kubectl exec -it -n ${NS} talker -c app`);
      t.press('Enter');
      await t.waitFor((s) => !s.includes('Pods('), 20_000);
      const marker = `alive-${NS}`;
      t.press(`echo ${marker}\r`);
      await t.waitFor(new RegExp(`^${marker}$`, 'm'), 20_000);
      proxy.reset(); // every connection through the proxy, the exec's WebSocket with them, gets a TCP RST
      const back = await t.waitFor(new RegExp(`shell in ${NS}/talker \\(app\\): the connection was cut before the command ended \\(WebSocket 1006\\)`), 20_000);
      expect(back.split('\n').filter((l) => l.includes('the connection was cut')).length).toBe(1);
      // kt has its screen and its keys again, and its watches come back through the proxy.
      await t.waitFor(/Pods\(.*\)\[1/, 10_000);
      await t.waitFor('● live', 20_000);
      t.press(':', 'journal', 'Enter');
      await t.waitFor(`kubectl exec -it -n ${NS} talker -c app`);
    } finally {
      await proxy.stop();
    }
  });

  it('a: attach shows what the container writes from now on; Ctrl-P Ctrl-Q detaches back to kt', async () => {
    const t = open();
    await t.waitFor('talker', 30_000);
    t.press('/', 'talker', 'Enter');
    await t.waitFor(/Pods\(.*\)\[1/);
    t.press('a');
    await t.waitFor('Attach to pod/talker');
    // The containers have no stdin: kubectl attach without -i, output only.
    await t.waitFor(`$ kubectl attach -n ${NS} talker -c app`);
    t.press('Enter');
    await t.waitFor((s) => !s.includes('Pods('), 20_000);
    // kwok attaches to the cluster-wide log (sandbox/kwok-streams.yaml.tmpl): append to it until a line shows.
    const line = `attached-${NS}`;
    await eventually(async () => {
      appendFileSync(join(stateDir, 'streams', 'logs', 'cluster.log'), criLine(line));
      return t.screen().includes(line);
    }, 30_000, 'the attached line');
    t.press('\x10', '\x11');
    await t.waitFor(`detached from ${NS}/talker (app); it keeps running`, 20_000);
    await t.waitFor(/Pods\(.*\)\[1/);
  });

  it('where RBAC does not allow pods/exec, s, a and Shift-F are greyed and say why', async () => {
    const viewer = await viewerKubeConfig(client, NS, 'viewer');
    const file = join(scratch, 'viewer.yaml');
    writeFileSync(file, viewer.exportConfig());
    const t = open(['--kubeconfig', file]);
    await t.waitFor('talker', 30_000);
    t.press('/', 'talker', 'Enter');
    await t.waitFor(/Pods\(.*\)\[1/);
    await t.waitFor('<s> shell');
    t.press('s');
    await t.waitFor(`not allowed: cannot create resource "pods/exec" in API group "" in the namespace "${NS}"`);
    t.press('a');
    await t.waitFor(`not allowed: cannot create resource "pods/attach" in API group "" in the namespace "${NS}"`);
    t.press('F');
    await t.waitFor(`not allowed: cannot create resource "pods/portforward" in API group "" in the namespace "${NS}"`);
  });

  it('the limited context (workloads, no pods) greys Shift-F on a Deployment and says why', async () => {
    const t = open(['--kubeconfig', kubeconfigPath, '--context', 'kt-sandbox-limited']);
    await t.waitFor('Context:kt-sandbox-limited', 30_000);
    await t.waitFor(/Nodes\[\d+\]/, 30_000);
    t.press(':', 'deploy', 'Enter');
    await t.waitFor(/Deployments\(.*\)\[1\]/, 30_000);
    t.press('F');
    await t.waitFor(`not allowed: cannot create resource "pods/portforward" in API group "" in the namespace "${NS}"`);
  });
});

describe('Shift-F: port-forward', () => {
  it('forwards to a ready pod of a Service, read with an HTTP GET; after that pod is deleted the next connection goes to another', async () => {
    const t = open();
    await t.waitFor('talker', 30_000);
    t.press(':', 'svc', 'Enter');
    await t.waitFor(/Services\(/);
    t.press('/', 'web', 'Enter');
    await t.waitFor(/Services\(.*\)\[1/);
    t.press('F');
    await t.waitFor('Port-forward to service/web');
    await t.waitFor(new RegExp(`kubectl port-forward -n ${NS} service/web \\d+:80`));
    t.press('Enter');
    // The port offered, or the next free one if another program took it meanwhile.
    const started = await t.waitFor(/forwarding 127\.0\.0\.1:\d+ → service\/web:80/);
    const local = Number(/forwarding 127\.0\.0\.1:(\d+)/.exec(started)?.[1]);
    expect(await get(local, '/first')).toMatch(/^kt sandbox http: GET \/first \(request \d+\)\n$/);

    t.press(':', 'pf', 'Enter');
    const list = await t.waitFor(new RegExp(`127\\.0\\.0\\.1:${local} +${NS}/service/web +80 +(web-\\S+)`));
    const first = new RegExp(`service/web +80 +(web-\\S+)`).exec(list)?.[1] as string;
    expect(await readyWebPods()).toContain(first);
    await client.request('DELETE', `/api/v1/namespaces/${NS}/pods/${first}`);
    await eventually(async () => !(await readyWebPods()).includes(first), 30_000, `${first} to go`);
    expect(await get(local, '/second')).toMatch(/^kt sandbox http: GET \/second \(request \d+\)\n$/);
    const moved = await t.waitFor((s) => new RegExp(`service/web +80 +web-\\S+ +\\d+ +2 `).test(s) && !s.includes(first), 10_000);
    expect(moved).toMatch(/web-\S+/);

    // Ctrl-D stops it: the port no longer answers.
    t.press('Ctrl-D');
    await t.waitFor('Port-forwards[0]');
    await expect(get(local, '/third')).rejects.toThrow();
  });

  it('forwards to a ready pod of a Deployment, and moves to another when that pod is deleted', async () => {
    await eventually(async () => (await readyWebPods()).length === 2, 60_000, 'two ready web pods again');
    const t = open();
    await t.waitFor('talker', 30_000);
    t.press(':', 'deploy', 'Enter');
    await t.waitFor(/Deployments\(/);
    t.press('/', 'web', 'Enter');
    await t.waitFor(/Deployments\(.*\)\[1/);
    t.press('F');
    await t.waitFor('Port-forward to deployment/web');
    await t.waitFor(new RegExp(`kubectl port-forward -n ${NS} deployment/web \\d+:80`));
    t.press('Enter');
    const started = await t.waitFor(/forwarding 127\.0\.0\.1:\d+ → deployment\/web:80/);
    const local = Number(/forwarding 127\.0\.0\.1:(\d+)/.exec(started)?.[1]);
    expect(await get(local, '/one')).toMatch(/^kt sandbox http: GET \/one \(request \d+\)\n$/);

    t.press(':', 'pf', 'Enter');
    const list = await t.waitFor(new RegExp(`127\\.0\\.0\\.1:${local} +${NS}/deployment/web +80 +(web-\\S+)`));
    const first = /deployment\/web +80 +(web-\S+)/.exec(list)?.[1] as string;
    await client.request('DELETE', `/api/v1/namespaces/${NS}/pods/${first}`);
    await eventually(async () => !(await readyWebPods()).includes(first), 30_000, `${first} to go`);
    expect(await get(local, '/two')).toMatch(/^kt sandbox http: GET \/two \(request \d+\)\n$/);
    await t.waitFor((s) => /deployment\/web +80 +web-\S+ +\d+ +2 /.test(s) && !s.includes(first), 10_000);
  });

  it('a forward ends when kt exits', async () => {
    const t = open();
    await t.waitFor('talker', 30_000);
    t.press('/', 'talker', 'Enter');
    await t.waitFor(/Pods\(.*\)\[1/);
    t.press('F');
    await t.waitFor(new RegExp(`kubectl port-forward -n ${NS} pod/talker \\d+:80`));
    t.press('Enter');
    const started = await t.waitFor(/forwarding 127\.0\.0\.1:\d+ → pod\/talker:80/);
    const local = Number(/forwarding 127\.0\.0\.1:(\d+)/.exec(started)?.[1]);
    expect(await get(local, '/')).toMatch(/^kt sandbox http: GET \/ /);
    t.press('q');
    await t.exit;
    await expect(get(local, '/')).rejects.toThrow();
  });
});
