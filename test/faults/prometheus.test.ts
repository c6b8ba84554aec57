// Prometheus stopped and started again (sandbox/prometheus.sh), while kt reads it through the API
// server's service proxy: the metrics line says there are none and why, the header stays `live`
// (the API server is fine), and the metrics come back by themselves.
import { afterAll, describe, expect, it } from 'vitest';
import { recordHeader } from '../helpers/faults.js';
import { spawnKt, type KtPty } from '../helpers/pty.js';
import { prometheusCtl as prometheus } from '../helpers/sandbox-control.js';
import { kubeconfigPath } from '../helpers/sandbox.js';

let t: KtPty | undefined;
let stopped = false;
afterAll(async () => {
  await t?.dispose();
  if (stopped) await prometheus('start');
});

const METRICS_OK = /metrics: monitoring\/prometheus-k8s:web \(API proxy\)(?! …)/;
const METRICS_NONE = /metrics: none \(\S.*\)/;

describe('Prometheus stopped and started again', () => {
  it('the metrics line says so, the header stays live, and metrics come back by themselves', async () => {
    t = spawnKt(['--kubeconfig', kubeconfigPath, '-A'], { cols: 200, rows: 60 });
    await t.waitFor(METRICS_OK, 60_000);
    const record = recordHeader(t);
    await prometheus('stop');
    stopped = true;
    // Loose: the next refresh (every 15 s) finds it gone.
    await t.waitFor(METRICS_NONE, 45_000);
    await prometheus('start');
    stopped = false;
    // Loose: failed refreshes back off to 30 s.
    await t.waitFor(METRICS_OK, 90_000);
    record.stop();
    expect(record.seen.filter((s) => s !== 'live')).toEqual([]);
  }, 240_000);
});
