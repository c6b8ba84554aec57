// npm run bench -- --faults [--runs 5]: recovery times on the sandbox. kt runs through the fault
// proxy (test/helpers/tcp-proxy.ts); for each fault, the time from the fault cleared to kt's screen
// equal to kubectl's pod names under a `live` header. Medians over --runs runs; the sandbox must be up.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnKt } from '../test/helpers/pty.js';
import { kubeconfigPath } from '../test/helpers/sandbox.js';
import { headerState, kubectlNames, paneNames } from '../test/helpers/screen.js';
import { kubeconfigThrough, TcpProxy } from '../test/helpers/tcp-proxy.js';
import { formatMs, median } from './stats.js';

interface Fault {
  name: string;
  /** Applies the fault; returns the function that clears it. */
  apply(proxy: TcpProxy): Promise<() => Promise<void>>;
}

const FAULTS: Fault[] = [
  { name: 'connection cut for 3 s (refused)', apply: async (p) => (await p.stop(), await wait(3_000), () => p.start().then(() => undefined)) },
  { name: 'server frozen for 10 s', apply: async (p) => (p.freeze(), await wait(10_000), () => Promise.resolve(p.thaw())) },
];

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function converged(screen: () => string, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    const want = await kubectlNames('pods');
    const s = screen();
    if (headerState(s) === 'live' && paneNames(s, /Pods\(all\)/).join() === want.join()) return true;
    await wait(50);
  }
  return false;
}

export async function runFaults(runs: number): Promise<string> {
  const apiPort = Number(/server: https:\/\/127\.0\.0\.1:(\d+)/.exec(readFileSync(kubeconfigPath, 'utf8'))?.[1]);
  const tmp = mkdtempSync(join(tmpdir(), 'kt-bench-faults-'));
  const rows: string[] = ['| fault | median | min | max | runs |', '|---|---:|---:|---:|---:|'];
  try {
    for (const fault of FAULTS) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const proxy = new TcpProxy({ host: '127.0.0.1', port: apiPort });
        const port = await proxy.start();
        const kt = spawnKt(['--kubeconfig', kubeconfigThrough(port, join(tmp, 'kubeconfig')), '-A', '--request-timeout', '10s'], { cols: 200, rows: 60 });
        try {
          if (!(await converged(kt.screen, Date.now() + 30_000))) throw new Error('kt never showed the pods');
          const clear = await fault.apply(proxy);
          await clear();
          const cleared = Date.now();
          if (await converged(kt.screen, cleared + 120_000)) times.push(Date.now() - cleared);
        } finally {
          await kt.dispose();
          await proxy.stop();
        }
      }
      const fmt = (v: number) => (times.length ? formatMs(v) : 'n/a');
      rows.push(`| ${fault.name} | ${fmt(median(times))} | ${fmt(Math.min(...times))} | ${fmt(Math.max(...times))} | ${times.length}/${runs} |`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return ['## Recovery after faults (fault cleared → kt equal to kubectl, header `live`)', '', ...rows].join('\n');
}
