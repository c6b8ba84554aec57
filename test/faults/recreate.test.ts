// The cluster recreated under the same kubeconfig while kt runs (an etcd restore, `kind delete` +
// `kind create`): resourceVersions go back to small numbers. kt must relist, drop the old cluster's
// pods and show what kubectl shows, never the old rows under `live`.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnKt, type KtPty } from '../helpers/pty.js';
import { eventually, kubeconfigPath } from '../helpers/sandbox.js';
import { recreateSandbox } from '../helpers/sandbox-control.js';
import { headerState, kubectlNames, paneNames } from '../helpers/screen.js';

const PODS = /Pods\(all\)/;
let t: KtPty | undefined;
afterEach(async () => {
  await t?.dispose();
});

describe('the cluster recreated under kt', () => {
  it('converges to the new cluster’s pods as kubectl lists them', async () => {
    t = spawnKt(['--kubeconfig', kubeconfigPath, '-A'], { cols: 200, rows: 60 });
    const before = await kubectlNames('pods');
    await t.waitFor((s) => headerState(s) === 'live' && paneNames(s, PODS).join() === before.join(), 30_000);
    await recreateSandbox();
    let after: string[] = [];
    await eventually(
      async () => {
        after = await kubectlNames('pods');
        const screen = t!.screen();
        return headerState(screen) === 'live' && paneNames(screen, PODS).join() === after.join();
      },
      120_000,
      `kt's Pods pane to show kubectl's pods under "live"`,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\nkubectl: ${after.join(' ')}\nscreen:\n${t!.screen()}`);
    });
    // The new cluster's Deployment pods have new names: the old ones must be gone from the screen.
    const gone = before.filter((name) => !after.includes(name));
    expect(gone.length).toBeGreaterThan(0);
    for (const name of gone) expect(t.screen()).not.toContain(name.split('/')[1]);
  }, 300_000);
});
