// Credentials and RBAC that change under a running kt: a ServiceAccount token revoked and restored,
// its RBAC binding removed and restored, and an exec plugin whose cached token the server stops
// accepting. Open watches outlive such changes, so the fault proxy resets kt's connections after
// each: kt's header and panes then say `unauthorized` or `forbidden`, and once fixed kt comes back
// by itself within seconds, without a restart.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { convergesToKubectl, oneContextKubeconfig, recordHeader, type FaultUser } from '../helpers/faults.js';
import { repoRoot, spawnKt, type KtPty } from '../helpers/pty.js';
import { RevocableToken } from '../helpers/revocable-token.js';
import { apiServerPort, eventually, stateDir } from '../helpers/sandbox.js';
import { headerState, pane } from '../helpers/screen.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

const tmp = mkdtempSync(join(tmpdir(), 'kt-credentials-'));
const proxy = new TcpProxy({ host: '127.0.0.1', port: apiServerPort() });
const sa = new RevocableToken(tmp);
let port = 0;
let t: KtPty | undefined;

beforeAll(async () => {
  await sa.create();
  port = await proxy.start();
}, 60_000);
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});
afterAll(async () => {
  await proxy.stop();
  await sa.delete();
  rmSync(tmp, { recursive: true, force: true });
});

function ktAs(user: FaultUser): KtPty {
  return spawnKt(['--kubeconfig', oneContextKubeconfig(join(tmp, 'kubeconfig'), port, user), '-A'], { cols: 200, rows: 60 });
}

describe('credentials and RBAC that change under kt', () => {
  it('a token revoked: `unauthorized` in the header and the panes; restored: live again within seconds', async () => {
    t = ktAs({ token: sa.token });
    await convergesToKubectl(t, 30_000);
    await sa.revoke();
    proxy.reset(); // open watches outlive a revoked token
    const record = recordHeader(t);
    await t.waitFor((s) => headerState(s).startsWith('unauthorized') && /Pods\(all\)\[\d+\] \[unauthorized/.test(s), 30_000);
    await sa.restore();
    // Loose, but under the 30 s the panes used to wait before asking again.
    await convergesToKubectl(t, 20_000, 'kt live again by itself once the token is restored');
    record.stop();
    expect(record.seen.some((s) => s.startsWith('unauthorized'))).toBe(true);
  }, 120_000);

  it('RBAC removed: the panes say forbidden; restored: they come back by themselves within seconds', async () => {
    t = ktAs({ token: sa.token });
    await convergesToKubectl(t, 30_000);
    await sa.unbind();
    proxy.reset(); // open watches outlive a removed binding
    const said = 'forbidden: cannot list pods at the cluster scope';
    await t.waitFor((s) => /^forbidden: cannot list \S+/.test(headerState(s)) && pane(s, /Pods\(all\)/).includes(said), 30_000);
    await sa.bind();
    await convergesToKubectl(t, 20_000, 'kt live again by itself once the binding is back');
  }, 120_000);

  it('an exec plugin’s cached token rejected: kt runs the plugin again on the 401 and goes on with its new token', async () => {
    const tokenFile = join(tmp, 'exec-token');
    const runs = join(tmp, 'exec-runs');
    writeFileSync(tokenFile, sa.token);
    writeFileSync(runs, '');
    t = ktAs({ exec: { command: process.execPath, args: [join(repoRoot, 'test', 'fixtures', 'exec', 'credential.mjs'), tokenFile, runs] } });
    await convergesToKubectl(t, 30_000);
    // The plugin's next token is the sandbox admin's; the one kt holds (valid for an hour) is revoked.
    const next = readFileSync(join(stateDir, 'pki', 'admin.token'), 'utf8').trim();
    writeFileSync(tokenFile, next);
    await sa.revoke();
    proxy.reset();
    const handedOut = () => readFileSync(runs, 'utf8').split('\n').includes(next.slice(0, 8));
    await eventually(async () => handedOut(), 20_000, 'kt to run the plugin again on the 401');
    await convergesToKubectl(t, 20_000, 'kt live again with the plugin’s new token');
    await sa.restore();
  }, 120_000);
});
