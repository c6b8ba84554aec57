// Part 4: time to the first full frame of the real binary against the live sandbox, through the
// pty harness the e2e tests use (node-pty + headless xterm). Optionally (--scale) again with 5,000
// pods on 100 extra kwok nodes, then shrinks the sandbox back.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { spawnKt, repoRoot, type KtPty } from '../test/helpers/pty.js';
import { kubeconfigPath } from '../test/helpers/sandbox.js';
import { median, time, timeAsync, type Sample } from './stats.js';
import { countObjects, sandboxKubectl, scaleSandbox } from './sandbox.js';
import { Section } from './table.js';

const SIZE = { cols: 200, rows: 50 };
const ARGS = ['--kubeconfig', kubeconfigPath, '-A'];
const TIMEOUT_MS = 120_000;
const BASE_ENV = { FORCE_COLOR: undefined, NO_COLOR: undefined };
/** kt as shipped (React's development build, NODE_ENV unset), and with React's production build. */
const BUILDS = [
  { tag: 'dev', env: { ...BASE_ENV, NODE_ENV: undefined } },
  { tag: 'prod', env: { ...BASE_ENV, NODE_ENV: 'production' } },
];

const TITLES = { nodes: /Nodes\[(\d+)\]/, pods: /Pods\(all\)\[(\d+)\]/, daemonsets: /DaemonSets\(all\)\[(\d+)\]/ };
type Counts = Record<keyof typeof TITLES, number>;

const countOf = (kind: string) => countObjects([kind, '-A']);
const counts = (): Counts => ({ nodes: countOf('nodes'), pods: countOf('pods'), daemonsets: countOf('daemonsets') });
const shown = (screen: string): Counts => {
  const at = (re: RegExp) => Number(re.exec(screen)?.[1] ?? -1);
  return { nodes: at(TITLES.nodes), pods: at(TITLES.pods), daemonsets: at(TITLES.daemonsets) };
};

/**
 * Full: every pane is past "loading…" with a non-empty title count, and the named rows are visible.
 * The informer lists in one request, so a pane that left loading holds the whole list; the counts
 * are compared with kubectl's in the report, not here (other tests may be creating pods).
 */
function fullFrame(names: string[]): (screen: string) => boolean {
  return (s) => {
    const c = shown(s);
    return !s.includes('loading…') && c.nodes > 0 && c.pods > 0 && c.daemonsets > 0 && names.every((n) => s.includes(n));
  };
}

/** Polls the screen (each check flushes the xterm parser) about every 5 ms; resolves with ms since t0. */
async function until(kt: KtPty, t0: number, check: (screen: string) => boolean, exited: () => boolean): Promise<number> {
  const deadline = t0 + TIMEOUT_MS;
  for (;;) {
    const screen = await kt.waitFor(() => true, 0);
    if (check(screen)) return performance.now() - t0;
    if (exited()) throw new Error(`kt exited; screen:\n${screen.trim().slice(0, 2000)}`);
    if (performance.now() > deadline) throw new Error(`no full frame within ${TIMEOUT_MS} ms; screen:\n${screen.trim().slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

interface Run {
  first: number;
  header: number;
  full: number;
  counts: Counts;
}

async function launch(check: (screen: string) => boolean, env: Record<string, string | undefined>): Promise<Run> {
  const t0 = performance.now();
  const kt = spawnKt(ARGS, { ...SIZE, env });
  let done = false;
  void kt.exit.then(() => (done = true));
  try {
    const first = await until(kt, t0, (s) => s.trim().length > 0, () => done);
    const header = await until(kt, t0, (s) => s.includes('Context:'), () => done);
    const full = await until(kt, t0, check, () => done);
    return { first, header, full, counts: shown(kt.screen()) };
  } finally {
    await kt.dispose();
  }
}

async function measure(section: Section, label: string, names: string[]): Promise<void> {
  const check = fullFrame(names);
  const want = counts();
  const list = time(() => sandboxKubectl(['get', '--raw', '/api/v1/pods']), { warmup: 1, runs: 5 });
  section.add(`${label}: reference: kubectl get --raw /api/v1/pods`, list, `the API floor: one list of ${want.pods} pods, incl. kubectl start`);
  const full: number[] = [];
  for (const build of BUILDS) {
    const runs: Run[] = [];
    await launch(check, build.env); // warm-up: disk cache, API server caches
    const pick = (key: 'first' | 'header' | 'full'): Sample => ({ ms: runs.map((r) => r[key]).sort((a, b) => a - b) });
    await timeAsync(async () => runs.push(await launch(check, build.env)), { warmup: 0, runs: 5 });
    const name = `${label} [${build.tag}]`;
    section.add(`${name}: first output on screen`, pick('first'));
    section.add(`${name}: header drawn ("Context:")`, pick('header'));
    const seen = runs[runs.length - 1]?.counts;
    const note = `${names.join(', ')} visible; titles ${seen?.nodes}/${seen?.pods}/${seen?.daemonsets} nodes/pods/ds, kubectl ${want.nodes}/${want.pods}/${want.daemonsets}`;
    full.push(section.add(`${name}: full frame, 3 panes filled`, pick('full'), note));
  }
  section.ratio(`${label}: full frame dev / prod`, (full[0] ?? NaN) / (full[1] ?? NaN), 'React development vs production build');
}

/** Wall time of `node -e "await import(spec)"` for the heavy modules kt loads before its first frame. */
function importCosts(section: Section): void {
  const load = (spec?: string) => () =>
    execFileSync(process.execPath, ['--input-type=module', '-e', spec ? `await import(${JSON.stringify(spec)})` : ''], { cwd: repoRoot, env: { ...process.env, NODE_ENV: undefined } });
  const base = section.add('baseline: node -e "" (bare process start)', time(load(), { warmup: 1, runs: 5 }));
  for (const spec of ['ink', '@kubernetes/client-node', './dist/views/App.js']) {
    const sample = time(load(spec), { warmup: 1, runs: 5 });
    section.add(`import ${spec}`, sample, `own process; ≈ ${Math.round(median(sample.ms) - base)} ms above bare start`);
  }
}

function scale(nodes: number, pods: number): number {
  const t0 = performance.now();
  scaleSandbox(nodes, pods);
  return performance.now() - t0;
}

export async function startupSection(options: { scale: boolean }): Promise<Section[]> {
  const section = new Section(`4. Time to first full frame: node bin/kt.js ${ARGS.join(' ')} at ${SIZE.cols}x${SIZE.rows}, live sandbox`);
  try {
    sandboxKubectl(['get', '--raw', '/readyz']);
  } catch {
    section.info('skipped', 'sandbox not reachable; run `npm run sandbox:up` (or `bash sandbox/up.sh`)');
    return [section];
  }
  const version = await timeAsync(async () => {
    const kt = spawnKt(['--version'], { ...SIZE, env: BASE_ENV });
    await kt.exit;
    await kt.dispose();
  }, { warmup: 1, runs: 5 });
  section.add('baseline: kt --version (process start, no cluster)', version);
  importCosts(section);
  try {
    await measure(section, 'sandbox', ['k8snode01', 'nginx-deployment-', 'kube-proxy']);
  } catch (err) {
    section.info('sandbox', `not measured: ${(err instanceof Error ? err.message : String(err)).split('\n').slice(0, 3).join(' | ')}`);
    return [section];
  }
  if (!options.scale) {
    section.info('scaled (5,000 pods)', 'not run; add `-- --scale` (takes minutes)');
    return [section];
  }
  const scaled = new Section('4b. Time to first full frame at scale: +100 kwok nodes, 5,000 pods');
  try {
    scaled.info('grow: sandbox:scale --nodes 100 --pods 5000', `took ${(scale(100, 5000) / 1000).toFixed(1)} s`);
    await measure(scaled, 'scaled', ['k8snode01', 'kube-proxy']);
  } catch (err) {
    scaled.info('scaled', `not measured: ${(err instanceof Error ? err.message : String(err)).split('\n').slice(0, 3).join(' | ')}`);
  } finally {
    scaled.info('shrink: sandbox:scale --nodes 0 --pods 0', `took ${(scale(0, 0) / 1000).toFixed(1)} s`);
  }
  return [section, scaled];
}
