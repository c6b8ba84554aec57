// Network receive and transmit through kt's keys on the sandbox: the `m` charts of a pod and of a
// node, from cAdvisor's counters (kwok serves them, sandbox/kwok-metrics.yaml) through Prometheus.
import { describe, expect, it } from 'vitest';
import { promQuery } from '../helpers/sandbox.js';
import { talkerSession } from '../helpers/talker-session.js';

const { namespace: NS, kt } = talkerSession('kt-network');

/** "12KiB/s" -> bytes per second. */
function bytesPerSecond(text: string): number {
  const m = /^([\d.]+)(B|KiB|MiB|GiB)\/s$/.exec(text);
  if (!m) return Number.NaN;
  return Number(m[1]) * 1024 ** ['B', 'KiB', 'MiB', 'GiB'].indexOf(m[2] ?? 'B');
}

/** The `now` figure of one direction on the network chart's summary ("NET  RX now 12KiB/s  max …   TX now …"). */
const nowOf = (screen: string, direction: 'RX' | 'TX') => new RegExp(`${direction} now (\\S+)`).exec(screen)?.[1] ?? '';

describe('network in the m charts on the sandbox', () => {
  it("charts a pod's receive and transmit rates, as Prometheus has them", async () => {
    const t = kt(['-n', NS]);
    await t.waitFor((s) => / talker /.test(s), 30_000);
    t.press('/', ...'talker', 'Enter');
    await t.waitFor(/Pods\(.*\)\[1\/1\] <\/talker>/, 10_000);
    t.press('m');
    const screen = await t.waitFor(
      // Each chart fills in as Prometheus has two samples of its counter; the CPU and network
      // counters come from different scrapes, so either may be first.
      (s) =>
        s.includes(`Metrics: pod ${NS}/talker [15m]`) && /CPU {2}now \d+m/.test(s) && bytesPerSecond(nowOf(s, 'RX')) > 0 && bytesPerSecond(nowOf(s, 'TX')) > 0,
      90_000,
    );
    expect(screen).toMatch(/^● live /);
    expect(screen).toMatch(/[\d.]+(B|KiB|MiB)\/s ┼/);
    const [rx] = await promQuery(`sum(rate(container_network_receive_bytes_total{namespace="${NS}",pod="talker"}[2m]))`);
    expect(Number(rx?.value[1])).toBeGreaterThan(0);
  });

  it("charts a node's receive and transmit rates (its pods', with the kubelet's series)", async () => {
    const t = kt(['-A']);
    await t.waitFor('k8snode01', 30_000);
    t.press(':', ...'nodes', 'Enter');
    await t.waitFor(/Nodes\[\d+\]/, 10_000);
    t.press('/', ...'k8snode01', 'Enter');
    await t.waitFor(/Nodes\[1\/\d+\] <\/k8snode01>/, 10_000);
    t.press('m');
    const screen = await t.waitFor(
      (s) => s.includes('Metrics: node k8snode01 [15m]') && bytesPerSecond(nowOf(s, 'RX')) > 0 && bytesPerSecond(nowOf(s, 'TX')) > 0,
      90_000,
    );
    expect(screen).toMatch(/MEM {2}now \d+Mi/);
  });
});
