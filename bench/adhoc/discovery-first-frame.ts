// Discovery off the first frame's path: time to the first full frame (three panes past "loading…",
// the Pods title counting every pod) of this build and of another (--before /path/to/bin/kt.js),
// launched alternately against the live sandbox, with the discovery cache cold (removed before each
// launch) and warm. Usage: node --import tsx bench/adhoc/discovery-first-frame.ts [--before BIN] [--runs 5]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { spawnKt, ktBin } from '../../test/helpers/pty.js';
import { kubeconfigPath, kubectlPath } from '../../test/helpers/sandbox.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback);
const before = opt('--before', '');
const runs = Number(opt('--runs', '5'));
const pods = execFileSync(kubectlPath(), ['--kubeconfig', kubeconfigPath, 'get', 'pods', '-A', '-o', 'name'], { encoding: 'utf8', maxBuffer: 256 << 20 }).split('\n').filter(Boolean).length;

async function firstFull(bin: string, configDir: string): Promise<number> {
  const t0 = performance.now();
  const kt = spawnKt(['--kubeconfig', kubeconfigPath, '-A'], { cols: 200, rows: 50, bin, env: { KT_CONFIG_DIR: configDir } });
  try {
    await kt.waitFor((s) => !s.includes('loading…') && Number(/Pods\(all\)\[(\d+)\]/.exec(s)?.[1] ?? 0) >= pods - 5 && /Nodes\[\d+\]/.test(s) && /DaemonSets\(all\)\[\d+\]/.test(s), 120_000);
    return performance.now() - t0;
  } finally {
    await kt.dispose();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const builds = [{ tag: 'this build', bin: ktBin }, ...(before ? [{ tag: 'before', bin: before }] : [])];
const results = new Map<string, number[]>();
for (let i = 0; i < runs + 1; i++) {
  for (const b of builds) {
    for (const cache of ['cold', 'warm'] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'kt-bench-disc-'));
      if (cache === 'warm') await firstFull(b.bin, dir); // fills the cache
      const ms = await firstFull(b.bin, dir);
      rmSync(dir, { recursive: true, force: true });
      if (i === 0) continue; // warm-up round
      const key = `${b.tag}, discovery cache ${cache}`;
      results.set(key, [...(results.get(key) ?? []), ms]);
    }
  }
}
process.stdout.write(`first full frame at ${pods} pods, 200x50, -A; ${runs} runs each, alternating; load ${execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ')}\n`);
for (const [key, ms] of results) process.stdout.write(`${key.padEnd(40)} median ${Math.round(median(ms))} ms  (min ${Math.round(Math.min(...ms))}, max ${Math.round(Math.max(...ms))})\n`);
