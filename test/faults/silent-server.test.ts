// A server that accepts connections but never answers (frozen behind a proxy): kt says
// `no answer from <server> for Ns` within the request timeout, never `live`, and recovers once
// the server answers again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { spawnKt, type KtPty } from '../helpers/pty.js';
import { apiServerPort, eventually } from '../helpers/sandbox.js';
import { headerState, kubectlNames, paneNames } from '../helpers/screen.js';
import { kubeconfigThrough, TcpProxy } from '../helpers/tcp-proxy.js';

const PODS = /Pods\(all\)/;
const tmp = mkdtempSync(join(tmpdir(), 'kt-silent-'));
const apiPort = apiServerPort();
let t: KtPty | undefined;
const proxy = new TcpProxy({ host: '127.0.0.1', port: apiPort });
afterEach(async () => {
  await t?.dispose();
  await proxy.stop();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a silent server', () => {
  it('is named with how long it has not answered, then kt is live again once it answers', async () => {
    const port = await proxy.start();
    t = spawnKt(['--kubeconfig', kubeconfigThrough(port, join(tmp, 'kubeconfig')), '-A', '--request-timeout', '10s'], { cols: 200, rows: 60 });
    const before = await kubectlNames('pods');
    await t.waitFor((s) => headerState(s) === 'live' && paneNames(s, PODS).join() === before.join(), 30_000);
    proxy.freeze();
    // The liveness probe goes unanswered: within the request timeout and a probe period (loose).
    const silent = await t.waitFor((s) => /^no answer from 127\.0\.0\.1:\d+ for \d+s/.test(headerState(s)), 30_000);
    expect(headerState(silent)).toContain(`127.0.0.1:${port}`);
    proxy.thaw();
    await eventually(
      async () => {
        const now = await kubectlNames('pods');
        const screen = t!.screen();
        return headerState(screen) === 'live' && paneNames(screen, PODS).join() === now.join();
      },
      60_000,
      'live again with kubectl’s pods',
    );
  }, 180_000);
});
