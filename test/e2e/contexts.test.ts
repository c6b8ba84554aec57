// `:ctx` over the sandbox's contexts: the admin's, the token one and the limited one (its forbidden
// kinds say so, the rest work), plus one whose cluster cannot be reached (the header says why and kt
// stays usable). Switching remembers each context's namespace and never writes the kubeconfig.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnKt, type KtPty } from '../helpers/pty.js';
import { kubectl } from '../helpers/pod-fixtures.js';
import { kubeconfigPath } from '../helpers/sandbox.js';

const tmp = mkdtempSync(join(tmpdir(), 'kt-ctx-e2e-'));
const config = join(tmp, 'kubeconfig');
copyFileSync(kubeconfigPath, config);
kubectl(['--kubeconfig', config, 'config', 'set-cluster', 'kt-nowhere', '--server=https://127.0.0.1:1', '--insecure-skip-tls-verify=true']);
kubectl(['--kubeconfig', config, 'config', 'set-context', 'kt-unreachable', '--cluster=kt-nowhere', '--user=kt-admin']);
const before = readFileSync(config, 'utf8');

const running: KtPty[] = [];
afterAll(async () => {
  for (const t of running) await t.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

const afterEsc = () => new Promise((r) => setTimeout(r, 150));
const header = (s: string) => s.split('\n')[0] ?? '';

function command(t: KtPty, text: string): void {
  t.press(':');
  t.press(...text.split(''));
  t.press('Enter');
}

describe(':ctx', () => {
  it('lists the contexts as kubectl config get-contexts and switches among them, the limited one included', async () => {
    const t = spawnKt(['--kubeconfig', config, '--context', 'kt-sandbox'], { cols: 160, rows: 40 });
    running.push(t);
    await t.waitFor(/nginx-deployment-/, 20_000);
    command(t, 'ns kube-system');
    await t.waitFor(/Namespace:kube-system/);

    command(t, 'ctx');
    const list = await t.waitFor(/Contexts\[4\]/);
    expect(list).toMatch(/CURRENT +NAME +CLUSTER +AUTHINFO +NAMESPACE/);
    expect(list).toMatch(/\* +kt-sandbox +kt-sandbox +kt-admin/);
    expect(list).toMatch(/ kt-sandbox-limited +kt-sandbox +kt-limited/);
    // The rows in the kubeconfig's order (kubectl config set-context rewrote it): move to the limited one.
    const names = [...list.matchAll(/^║ [ >]?(?:\*)? +(kt-[a-z-]+) /gm)].map((m) => m[1]);
    expect(names).toHaveLength(4);
    const at = names.indexOf('kt-sandbox-limited');
    for (let i = 0; i < at; i++) t.press('Down');
    t.press('Enter');
    const limited = await t.waitFor((s) => /Context:kt-sandbox-limited/.test(header(s)) && /forbidden: cannot list pods/.test(s) && /k8snode02/.test(s), 15_000);
    expect(header(limited)).toMatch(/User:kt-limited/);
    // Its own namespace, not the one chosen in kt-sandbox.
    expect(limited).toMatch(/Namespace:default/);
    command(t, 'deploy');
    await t.waitFor(/Deployments\(default\)\[1\][\s\S]*nginx-deployment/, 15_000);

    command(t, 'ctx kt-sandbox-token');
    await t.waitFor((s) => /Context:kt-sandbox-token/.test(header(s)) && /User:kt-admin-token/.test(header(s)) && /nginx-deployment/.test(s), 15_000);

    command(t, 'ctx kt-unreachable');
    const down = await t.waitFor((s) => /Context:kt-unreachable/.test(header(s)) && /reconnecting.*: .*(ECONNREFUSED|refused)/i.test(header(s)), 20_000);
    expect(header(down).split('\n')).toHaveLength(1);
    command(t, 'ctx nosuch');
    await t.waitFor(`no context "nosuch" in the kubeconfig (contexts: ${names.join(', ')})`);
    await afterEsc();

    // Still usable: back to the admin context, in the namespace it had.
    command(t, 'ctx kt-sandbox');
    await t.waitFor((s) => /Context:kt-sandbox /.test(header(s)) && /live/.test(header(s)) && /Namespace:kube-system/.test(s) && /kube-proxy-/.test(s), 20_000);
    expect(readFileSync(config, 'utf8')).toBe(before);
  }, 120_000);
});
