// Faults on the way between kt and the API server, made by the fault proxy: the server going away
// and coming back ten times in a row (as a restarting API server is, to kt), a 2 s latency on every
// answer, a 64 kbit/s link. kt stays alive, its header says what is happening and never `live`
// while the server is away, keys typed meanwhile all arrive, and it shows what kubectl shows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { convergesToKubectl, createPod as createBarePod, kubectlAsync, PODS_PANE, recordHeader } from '../helpers/faults.js';
import { spawnKt, type KtPty } from '../helpers/pty.js';
import { apiServerPort } from '../helpers/sandbox.js';
import { headerState, paneNames } from '../helpers/screen.js';
import { kubeconfigThrough, TcpProxy } from '../helpers/tcp-proxy.js';

const tmp = mkdtempSync(join(tmpdir(), 'kt-link-faults-'));
const proxy = new TcpProxy({ host: '127.0.0.1', port: apiServerPort() });
const created = new Set<string>();
let t: KtPty | undefined;

afterEach(async () => {
  await t?.dispose();
  t = undefined;
  await proxy.stop();
  proxy.delay(0);
  proxy.limit(undefined);
});
afterAll(async () => {
  if (created.size > 0) await kubectlAsync(['delete', 'pod', '-n', 'default', '--wait=false', '--ignore-not-found', ...created]);
  rmSync(tmp, { recursive: true, force: true });
});

async function ktThroughProxy(): Promise<KtPty> {
  const port = await proxy.start();
  return spawnKt(['--kubeconfig', kubeconfigThrough(port, join(tmp, 'kubeconfig')), '-A'], { cols: 200, rows: 60 });
}

async function createPod(name: string): Promise<void> {
  await createBarePod(name);
  created.add(name);
}

/** Types a filter for `name` into the focused (Pods) pane and waits for it to show that pod alone. */
async function filterTo(pty: KtPty, name: string, timeoutMs: number): Promise<void> {
  pty.press('/', ...name, 'Enter');
  await pty.waitFor((s) => paneNames(s, PODS_PANE).join() === `default/${name}`, timeoutMs);
  pty.press('Esc');
  await pty.waitFor((s) => paneNames(s, PODS_PANE).length > 1, timeoutMs);
}

/** Header states that mean a failure: none was made while these are asserted absent. */
const FAILED = /^(reconnecting|unauthorized|forbidden|stale)/;

describe('faults on the link to the API server', () => {
  it('the server gone and back ten times in a row: never `live` while it is gone, kubectl’s pods after each return', async () => {
    t = await ktThroughProxy();
    await convergesToKubectl(t, 30_000);
    for (let i = 1; i <= 10; i++) {
      await proxy.stop();
      const down = await t.waitFor((s) => headerState(s) !== 'live', 15_000);
      expect(headerState(down)).toMatch(/^(reconnecting|no answer from)/);
      const record = recordHeader(t);
      // Changed while kt cannot see: a pod created, then deleted the time after.
      if (i % 2 === 1) await createPod(`kt-gone-back-${i}`);
      else await kubectlAsync(['delete', 'pod', '-n', 'default', `kt-gone-back-${i - 1}`, '--wait=false']);
      record.stop();
      expect(record.seen.filter((s) => s === 'live')).toEqual([]);
      await proxy.start();
      await convergesToKubectl(t, 30_000, `kt to show kubectl’s pods after return ${i}`);
    }
  }, 400_000);

  it('a 2 s latency on every answer: kt starts, never says the server failed, shows a new pod and takes every key', async () => {
    proxy.delay(2_000);
    t = await ktThroughProxy();
    const record = recordHeader(t);
    await convergesToKubectl(t, 90_000);
    await createPod('kt-latency');
    await convergesToKubectl(t, 30_000);
    await filterTo(t, 'kt-latency', 10_000);
    record.stop();
    expect(record.seen.filter((s) => FAILED.test(s))).toEqual([]);
  }, 180_000);

  it('a 64 kbit/s link: kt stays live, shows a new pod and takes every key', async () => {
    t = await ktThroughProxy();
    await convergesToKubectl(t, 30_000);
    proxy.limit(8_000);
    const record = recordHeader(t);
    await createPod('kt-slow-link');
    await convergesToKubectl(t, 60_000);
    await filterTo(t, 'kt-slow-link', 10_000);
    record.stop();
    expect(record.seen.filter((s) => FAILED.test(s))).toEqual([]);
  }, 180_000);
});
