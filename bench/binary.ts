// The single binary (npm run package) against `node bin/kt.js` as npm's bin link runs it (Node 24):
// `kt --version`, and the first full frame (-A) at N pods (sandbox:scale), each in wall and
// CPU time (user + system of the process). Runs alternate between the two, so the machine's load
// falls on both alike.
//   npm run bench -- --binary [--pods 1000] [--runs 7]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ktBin, repoRoot } from '../test/helpers/pty.js';
import { kubeconfigPath, kubectlPath } from '../test/helpers/sandbox.js';
import { cpuSeconds } from './live/proc.js';
import { PtyApp } from './live/pty-driver.js';
import { Section } from './table.js';

const binary = join(repoRoot, 'dist', 'sea', 'amd64', 'kt');
const KTS = [
  { name: 'binary', file: binary },
  { name: 'node bin/kt.js', file: ktBin },
] as const;

/** Wall, user and system ms of one run, from bash's `time` (getrusage of the child, in µs). */
function timed(file: string, args: string[]): { wall: number; cpu: number } {
  const script = 'TIMEFORMAT="%3R %3U %3S"; time "$@" >/dev/null';
  const run = spawnSync('bash', ['-c', script, 'bash', file, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (run.status !== 0) throw new Error(`${file} ${args.join(' ')} failed: ${run.stderr}`);
  const [wall, user, sys] = run.stderr.trim().split('\n').pop()!.split(' ').map((s) => Number(s) * 1000);
  return { wall: wall!, cpu: user! + sys! };
}

const sorted = (values: number[]) => ({ ms: [...values].sort((a, b) => a - b) });

function kubectl(args: string[]): string {
  return execFileSync(kubectlPath(), ['--kubeconfig', kubeconfigPath, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
}

function scale(nodes: number, pods: number): void {
  execFileSync('npm', ['run', '--silent', 'sandbox:scale', '--', '--nodes', String(nodes), '--pods', String(pods)], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
}

/**
 * kt's first screen (Nodes, Deployments, DaemonSets) is complete at N pods when the nodes pane
 * counts every node and scale-node-0001's PODS column (fed by the pods list) counts its pods.
 */
function fullFrame(nodes: number, podsOnFirst: number): (app: PtyApp) => boolean {
  return (app) => {
    const screen = app.screen();
    const row = /scale-node-0001 .*?(\d+)\s*│/.exec(screen);
    return screen.includes(`Nodes[${nodes}]`) && !screen.includes('loading…') && Number(row?.[1] ?? -1) >= podsOnFirst;
  };
}

/** One launch to the full first frame: ms since spawn, and CPU ms by then. */
async function firstFrame(file: string, ready: (app: PtyApp) => boolean): Promise<{ wall: number; cpu: number }> {
  const app = new PtyApp({ file, args: ['--kubeconfig', kubeconfigPath, '-A'], env: { FORCE_COLOR: undefined, NO_COLOR: undefined }, cwd: repoRoot });
  try {
    const at = await app.when(ready, 60_000, 'the full first frame');
    return { wall: at - app.startedAt, cpu: cpuSeconds(app.pid) * 1000 };
  } finally {
    await app.stop();
  }
}

export async function binarySection(options: { pods: number; runs: number }): Promise<Section> {
  const section = new Section(`Single binary vs node bin/kt.js (Node ${process.versions.node}): --version, and first full frame at ${options.pods.toLocaleString('en-US')} pods, 200x50`);
  if (!existsSync(binary)) execFileSync(process.execPath, ['scripts/package.mjs', 'amd64'], { cwd: repoRoot, stdio: ['ignore', 2, 'ignore'] });
  section.info('binary', execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim());

  const version = new Map<string, { wall: number[]; cpu: number[] }>(KTS.map((k) => [k.name, { wall: [], cpu: [] }]));
  for (let run = -1; run < options.runs * 2; run++) {
    for (const kt of KTS) {
      const t = timed(kt.file, ['--version']);
      if (run < 0) continue; // warm-up: page cache, Node's compile cache
      version.get(kt.name)!.wall.push(t.wall);
      version.get(kt.name)!.cpu.push(t.cpu);
    }
  }
  for (const kt of KTS) {
    const v = version.get(kt.name)!;
    section.add(`${kt.name}: --version, wall`, sorted(v.wall));
    section.add(`${kt.name}: --version, CPU`, sorted(v.cpu), 'user + system');
  }

  scale(Math.max(1, Math.ceil(options.pods / 100)), options.pods);
  try {
    const names = (args: string[]) => kubectl(['get', ...args, '-o', 'name']).split('\n').filter(Boolean).length;
    const count = names(['pods', '-A']);
    const ready = fullFrame(names(['nodes']), names(['pods', '-A', '--field-selector', 'spec.nodeName=scale-node-0001']));
    const frames = new Map<string, { wall: number[]; cpu: number[] }>(KTS.map((k) => [k.name, { wall: [], cpu: [] }]));
    for (let run = -1; run < options.runs; run++) {
      for (const kt of KTS) {
        const t = await firstFrame(kt.file, ready);
        if (run < 0) continue;
        frames.get(kt.name)!.wall.push(t.wall);
        frames.get(kt.name)!.cpu.push(t.cpu);
      }
    }
    const cpu: number[] = [];
    for (const kt of KTS) {
      const f = frames.get(kt.name)!;
      section.add(`${kt.name}: first full frame, wall`, sorted(f.wall), `${count} pods listed by kubectl`);
      cpu.push(section.add(`${kt.name}: CPU until that frame`, sorted(f.cpu), 'user + system, clock ticks (10 ms)'));
    }
    section.ratio('first-frame CPU, binary / node bin/kt.js', (cpu[0] ?? NaN) / (cpu[1] ?? NaN));
  } finally {
    scale(0, 0);
  }
  return section;
}
