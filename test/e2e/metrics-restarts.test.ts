// RESTARTS/1H through kt's keys on the sandbox: a pod's container restarts over the last hour, from
// kube-state-metrics's counter (sandbox/kube-state-metrics.mjs serves it from the pods' statuses)
// through Prometheus, as a column of the pods pane.
import { describe, expect, it } from 'vitest';
import { restartContainer } from '../../sandbox/log-driver.js';
import { eventually, promQuery, stateDir } from '../helpers/sandbox.js';
import { talkerSession } from '../helpers/talker-session.js';

const { client, namespace: NS, kt } = talkerSession('kt-restarts');
const POD = { namespace: NS, name: 'talker' };

/** The text under a right-aligned column of the pods pane, in the row of pod `name`. */
function cellUnder(screen: string, column: string, name: string): string | undefined {
  const lines = screen.split('\n');
  const row = lines.find((l) => l.includes(` ${name} `));
  const header = lines.find((l) => l.includes(` ${column}`));
  if (!row || !header) return undefined;
  const end = header.indexOf(column) + column.length;
  return row.slice(end - column.length - 2, end).trim();
}

describe('restarts over the last hour on the sandbox', () => {
  it("shows the pod's restarts of the last hour from kube-state-metrics, 0 before and 2 after two containers restart", async () => {
    // increase() over a counter seen for a while before it moves reads the restarts, not an extrapolation of them.
    const selector = `namespace="${NS}",pod="talker"`;
    await eventually(
      async () => Number((await promQuery(`count_over_time(kube_pod_container_status_restarts_total{${selector},container="app"}[1h])`))[0]?.value[1]) >= 6,
      90_000,
      'six scrapes of the talker pod restart counter',
    );
    const t = kt(['-n', NS]);
    let screen = await t.waitFor((s) => cellUnder(s, 'RESTARTS/1H', 'talker') === '0', 60_000);
    expect(cellUnder(screen, 'RESTARTS', 'talker')).toBe('0');

    await restartContainer(client, stateDir, POD, 'app');
    await restartContainer(client, stateDir, POD, 'sidecar');
    screen = await t.waitFor((s) => cellUnder(s, 'RESTARTS/1H', 'talker') === '2', 60_000);
    // Prometheus says the same, summed over the pod's containers.
    const [answer] = await promQuery(`sum(increase(kube_pod_container_status_restarts_total{${selector}}[1h]))`);
    expect(Math.round(Number(answer?.value[1]))).toBe(2);
    expect(screen).toMatch(/talker\s+2\/2\s+Running\s+2 \(\d+s ago\)/);
  });
});
