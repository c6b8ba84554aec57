// npm run bench -- --faults [--runs 3] [--only cut,restart,...]: recovery times on the sandbox. kt
// runs through the fault proxy (test/helpers/tcp-proxy.ts); for each fault (those of test/faults/),
// the time from the fault cleared (the server back and answering, the credentials or binding
// restored, Prometheus ready) to kt's screen equal to kubectl's pods under a `live` header (for
// Prometheus: the metrics line naming it again). During most faults a pod is created and the
// previous one deleted, so kt has something to catch up with. Medians over --runs runs; the sandbox
// must be up. The load average is printed with the table: the machine may be shared.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPod, kubectlAsync, oneContextKubeconfig, showsPods } from '../test/helpers/faults.js';
import { spawnKt, type KtPty } from '../test/helpers/pty.js';
import { RevocableToken } from '../test/helpers/revocable-token.js';
import { apiServerReady, compactEtcd, prometheusCtl as prometheus, stopComponent } from '../test/helpers/sandbox-control.js';
import { apiServerPort, eventually } from '../test/helpers/sandbox.js';
import { headerState, kubectlNames, pane } from '../test/helpers/screen.js';
import { kubeconfigThrough, TcpProxy } from '../test/helpers/tcp-proxy.js';
import { formatMs, median } from './stats.js';

interface Ctx {
  proxy: TcpProxy;
  kt: KtPty;
  sa: RevocableToken;
  /** A pod created and the previous one deleted: a change kt must catch up with. */
  churn(): Promise<void>;
}

interface Fault {
  id: string;
  name: string;
  /** kt signs in as the revocable ServiceAccount (else as the sandbox kubeconfig's admin). */
  revocable?: boolean;
  /** Makes the fault; resolves with the function that clears it (resolving once it is cleared). */
  apply(ctx: Ctx): Promise<() => Promise<void>>;
  /** Recovered; default: kubectl's pods under `live`. */
  recovered?: (screen: string) => Promise<boolean>;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const METRICS_OK = /metrics: monitoring\/prometheus-k8s:web \(API proxy\)(?! …)/;

const FAULTS: Fault[] = [
  {
    id: 'cut',
    name: 'connection cut for 3 s (refused)',
    apply: async ({ proxy, churn }) => (await proxy.stop(), await churn(), await wait(3_000), async () => void (await proxy.start())),
  },
  { id: 'freeze', name: 'server frozen for 10 s', apply: async ({ proxy, churn }) => (proxy.freeze(), await churn(), await wait(10_000), async () => proxy.thaw()) },
  { id: 'reset', name: 'every connection reset (RST)', apply: async ({ proxy, churn }) => (await churn(), proxy.reset(), async () => undefined) },
  {
    id: 'latency',
    name: '2 s latency for 10 s',
    apply: async ({ proxy, churn }) => (proxy.delay(2_000), await churn(), await wait(10_000), async () => proxy.delay(0)),
  },
  {
    id: 'link',
    name: '64 kbit/s link for 10 s',
    apply: async ({ proxy, churn }) => (proxy.limit(8_000), await churn(), await wait(10_000), async () => proxy.limit(undefined)),
  },
  {
    id: 'restart',
    name: 'API server restarted (from /readyz ok)',
    apply: async ({ kt }) => {
      const start = await stopComponent('kube-apiserver');
      await eventually(async () => headerState(kt.screen()) !== 'live', 30_000, 'kt to leave live');
      return async () => (await start(), await apiServerReady());
    },
  },
  {
    id: 'compaction',
    name: 'etcd compacted while kt is cut off (410 Gone)',
    apply: async ({ proxy, churn }) => {
      await proxy.stop();
      await churn();
      const start = await stopComponent('kube-apiserver');
      await compactEtcd();
      await start();
      await apiServerReady();
      return async () => void (await proxy.start());
    },
  },
  {
    id: 'token',
    name: 'token revoked, then restored',
    revocable: true,
    apply: async ({ proxy, kt, sa }) => {
      await sa.revoke();
      proxy.reset();
      await eventually(async () => headerState(kt.screen()).startsWith('unauthorized'), 30_000, 'kt to say unauthorized');
      return () => sa.restore();
    },
  },
  {
    id: 'rbac',
    name: 'RBAC removed, then restored',
    revocable: true,
    apply: async ({ proxy, kt, sa }) => {
      await sa.unbind();
      proxy.reset();
      await eventually(async () => pane(kt.screen(), /Pods\(all\)/).includes('forbidden: cannot list pods'), 30_000, 'kt to say forbidden');
      return () => sa.bind();
    },
  },
  {
    id: 'prometheus',
    name: 'Prometheus stopped, then started (from ready; metrics line)',
    apply: async ({ kt }) => {
      await eventually(async () => METRICS_OK.test(kt.screen()), 60_000, 'kt to show metrics');
      await prometheus('stop');
      await eventually(async () => /metrics: none \(/.test(kt.screen()), 60_000, 'kt to say there are no metrics');
      return () => prometheus('start');
    },
    recovered: async (screen) => METRICS_OK.test(screen),
  },
];

async function converged(kt: KtPty, fault: Fault, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    if (fault.recovered ? await fault.recovered(kt.screen()) : showsPods(kt.screen(), await kubectlNames('pods'))) return true;
    await wait(50);
  }
  return false;
}

export async function runFaults(runs: number, only?: ReadonlySet<string>): Promise<string> {
  const tmp = mkdtempSync(join(tmpdir(), 'kt-bench-faults-'));
  const sa = new RevocableToken(tmp, 'kt-bench-revocable');
  const load = [loadavg()[0] ?? 0];
  const rows: string[] = ['| fault | median | min | max | runs |', '|---|---:|---:|---:|---:|'];
  let churned = 0;
  const churn = async () => {
    await createPod(`kt-bench-fault-${++churned}`);
    if (churned > 1) await kubectlAsync(['delete', 'pod', '-n', 'default', `kt-bench-fault-${churned - 1}`, '--wait=false']);
  };
  try {
    await sa.create();
    for (const fault of FAULTS.filter((f) => !only || only.has(f.id))) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const proxy = new TcpProxy({ host: '127.0.0.1', port: apiServerPort() });
        const port = await proxy.start();
        const kubeconfig = fault.revocable
          ? oneContextKubeconfig(join(tmp, 'kubeconfig'), port, { token: sa.token })
          : kubeconfigThrough(port, join(tmp, 'kubeconfig'));
        const kt = spawnKt(['--kubeconfig', kubeconfig, '-A', '--request-timeout', '10s'], { cols: 200, rows: 60 });
        try {
          if (!(await converged(kt, { ...fault, recovered: undefined }, Date.now() + 60_000))) throw new Error('kt never showed the pods');
          const clear = await fault.apply({ proxy, kt, sa, churn });
          await clear();
          const cleared = Date.now();
          if (await converged(kt, fault, cleared + 120_000)) times.push(Date.now() - cleared);
          load.push(loadavg()[0] ?? 0);
        } finally {
          await kt.dispose();
          await proxy.stop();
        }
      }
      const fmt = (v: number) => (times.length ? formatMs(v) : 'n/a');
      rows.push(`| ${fault.name} | ${fmt(median(times))} | ${fmt(Math.min(...times))} | ${fmt(Math.max(...times))} | ${times.length}/${runs} |`);
    }
  } finally {
    await kubectlAsync(['delete', 'pod', '-n', 'default', '--ignore-not-found', '--wait=false', `kt-bench-fault-${churned}`]).catch(() => undefined);
    await sa.delete();
    rmSync(tmp, { recursive: true, force: true });
  }
  const loads = `load average (1 min) ${Math.min(...load).toFixed(1)}-${Math.max(...load).toFixed(1)} during the runs`;
  return ['## Recovery after faults (fault cleared → kt equal to kubectl, header `live`)', '', loads, '', ...rows].join('\n');
}
