// The single binary (npm run package) against `node bin/kt.js` as npm's bin link runs it (Node 24):
// `kt --version`, and the first full frame (-A) at N pods (sandbox:scale), each in wall and
// CPU time (user + system of the process). Runs alternate between the two, so the machine's load
// falls on both alike.
//   npm run bench -- --binary [--pods 1000,10000] [--runs 7] [--kt-before /other/bin/kt.js]   (0: as it is)
// --kt-before adds another build (e.g. the last Node 20 one through a wrapper) to the same runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ktBin, repoRoot } from '../test/helpers/pty.js';
import { kubeconfigPath } from '../test/helpers/sandbox.js';
import { cpuSeconds, memory } from './live/proc.js';
import { PtyApp } from './live/pty-driver.js';
import { countObjects, scaleSandbox } from './sandbox.js';
import { Section } from './table.js';

const binary = join(repoRoot, 'dist', 'sea', 'amd64', 'kt');

interface Kt {
  name: string;
  file: string;
}

function kts(before: string | undefined): Kt[] {
  const list = [
    { name: 'binary', file: binary },
    { name: 'node bin/kt.js', file: ktBin },
  ];
  return before ? [...list, { name: 'kt before', file: before }] : list;
}

/** Wall, user and system ms of one run, from bash's `time` (getrusage of the child, in µs). */
function timed(file: string, args: string[]): { wall: number; cpu: number } {
  const script = 'TIMEFORMAT="%3R %3U %3S"; time "$@" >/dev/null';
  const run = spawnSync('bash', ['-c', script, 'bash', file, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (run.status !== 0) throw new Error(`${file} ${args.join(' ')} failed: ${run.stderr}`);
  const [wall, user, sys] = run.stderr.trim().split('\n').pop()!.split(' ').map((s) => Number(s) * 1000);
  return { wall: wall!, cpu: user! + sys! };
}

const sorted = (values: number[]) => ({ ms: [...values].sort((a, b) => a - b) });

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

interface Frame {
  wall: number;
  cpu: number;
  rss: number;
}

/** One launch to the full first frame: ms since spawn, CPU ms by then, and RSS (MB) at that moment. */
async function firstFrame(file: string, ready: (app: PtyApp) => boolean): Promise<Frame> {
  const app = new PtyApp({ file, args: ['--kubeconfig', kubeconfigPath, '-A'], env: { FORCE_COLOR: undefined, NO_COLOR: undefined }, cwd: repoRoot });
  try {
    const at = await app.when(ready, 120_000, 'the full first frame');
    return { wall: at - app.startedAt, cpu: cpuSeconds(app.pid) * 1000, rss: memory(app.pid).rssMb };
  } finally {
    await app.stop();
  }
}

export async function binarySection(options: { pods: number[]; runs: number; before?: string }): Promise<Section> {
  const KTS = kts(options.before);
  const sizes = options.pods.map((p) => (p === 0 ? 'the sandbox as it is' : `${p.toLocaleString('en-US')} pods`)).join(' and ');
  const section = new Section(`Single binary vs node bin/kt.js (Node ${process.versions.node})${options.before ? ' vs kt before' : ''}: --version, and first full frame at ${sizes}, 200x50`);
  if (!existsSync(binary)) execFileSync(process.execPath, ['scripts/package.mjs', 'amd64'], { cwd: repoRoot, stdio: ['ignore', 2, 'ignore'] });
  section.info('binary', execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim());
  if (options.before) section.info('kt before', `${options.before}: ${execFileSync(options.before, ['--version'], { encoding: 'utf8' }).trim()}`);

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
  for (const pods of options.pods) await sizeRows(section, KTS, pods, options.runs);
  return section;
}

/** The first full frame of every build at one size, launches alternating between the builds. */
async function sizeRows(section: Section, KTS: Kt[], pods: number, runs: number): Promise<void> {
  // 0: the sandbox as it is (grown beforehand with sandbox:scale), and left so.
  if (pods > 0) scaleSandbox(Math.max(1, Math.ceil(pods / 100)), pods);
  try {
    const count = countObjects(['pods', '-A']);
    const ready = fullFrame(countObjects(['nodes']), countObjects(['pods', '-A', '--field-selector', 'spec.nodeName=scale-node-0001']));
    const frames = new Map<string, Frame[]>(KTS.map((k) => [k.name, []]));
    for (let run = -1; run < runs; run++) {
      // Each run starts with the next build: the one launched right after another's 10k watch ended
      // meets an API server still busy with it, and that should not always be the same build.
      const order = KTS.map((_, i) => KTS[(i + run + 1) % KTS.length]!);
      for (const kt of order) {
        const t = await firstFrame(kt.file, ready);
        if (run >= 0) frames.get(kt.name)!.push(t);
      }
    }
    const wall = new Map<string, number>();
    const cpu = new Map<string, number>();
    for (const kt of KTS) {
      const f = frames.get(kt.name)!;
      const at = `${count.toLocaleString('en-US')} pods`;
      wall.set(kt.name, section.add(`${kt.name}: first full frame at ${at}, wall`, sorted(f.map((x) => x.wall)), `${count} pods listed by kubectl`));
      cpu.set(kt.name, section.add(`${kt.name}: CPU until that frame`, sorted(f.map((x) => x.cpu)), 'user + system, clock ticks (10 ms)'));
      const rss = f.map((x) => x.rss).sort((a, b) => a - b);
      section.info(`${kt.name}: RSS at that frame`, `${rss.map((x) => x.toFixed(0)).join(' ')} MB`);
    }
    const ratio = (name: string, of: Map<string, number>, a: string, b: string) => {
      if (of.has(a) && of.has(b)) section.ratio(`${count.toLocaleString('en-US')} pods: ${name}, ${a} / ${b}`, of.get(a)! / of.get(b)!);
    };
    ratio('first-frame wall', wall, 'binary', 'node bin/kt.js');
    ratio('first-frame CPU', cpu, 'binary', 'node bin/kt.js');
    ratio('first-frame wall', wall, 'binary', 'kt before');
    ratio('first-frame wall', wall, 'node bin/kt.js', 'kt before');
  } finally {
    if (pods > 0) scaleSandbox(0, 0);
  }
}
