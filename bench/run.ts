// kt benchmarks: `npm run bench` (add `-- --scale` to also measure startup on 5,000 pods, which
// takes minutes). Medians and ratios from one run, printed as tables; never used as pass/fail.
//   npm run bench -- --binary [--pods 1000,10000] [--runs 7] [--kt-before /other/bin/kt.js]
//     the single binary against node bin/kt.js (and another build), in the same runs (bench/binary.ts)
//   npm run bench -- [--scale] [--no-live] [--only render,filter,cursor,views,logs,startup]
//   npm run bench -- --only table    kt's pane vs ink-table on 1k and 10k rows (minutes; bench/ink-table.tsx)
// Whole-system modes (see BENCHMARKS.md):
//   npm run bench -- --synthetic [--counts 10000,25000,50000] [--out bench/results/synthetic.md]
//     50,000 synthetic pods + a churn of pod events straight into kt's store and row pipeline, no
//     API server: work per frame and memory, incremental pipeline vs the full recompute it replaced.
//   npm run bench -- --discovery [--pods 1000,10000] [--runs 5] [--kt-before /other/bin/kt.js]
//     the first frame with the discovery cache cold and warm, and opening a discovered kind (discovery.ts)
//   npm run bench -- --faults [--runs 3] [--only cut,freeze,reset,latency,link,restart,compaction,token,rbac,prometheus]
//     recovery times after each fault on the sandbox (see faults.ts)
//   npm run bench -- --live [--sizes 1000,10000:100] [--tools kt,k9s] [--launches 3] [--idle-seconds 60]
//                   [--churn-seconds 20] [--rates 20,100] [--moves 20] [--probes 12] [--out bench/results/live.md]
//                   [--kt-before /path/to/other/bin/kt.js]   (also measure another build of kt, as "kt-before")
//     grows the sandbox to each size (pods[:nodes], 0 = as it is), runs kt and k9s (bench/k9s.sh) in a
//     200x50 pty and kubectl get pods -A, then shrinks the sandbox back to 0 extra nodes and pods.
import os from 'node:os';
import { makeNodes, makePods } from './fixtures.js';
import { renderer, renderSection, filterSortSection, type Data } from './pipeline.js';
import { renderAll } from './rows.js';
import { cursorSection } from './cursor.js';
import { formatSection, type Section } from './table.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? new Set((args[onlyAt + 1] ?? '').split(',')) : undefined;
const wanted = (part: string) => !only || only.has(part);


function print(section: Section): void {
  process.stdout.write(`${formatSection(section)}\n`);
}

const value = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const list = (name: string, fallback: string) => value(name, fallback).split(',').filter(Boolean);
const num = (name: string, fallback: number) => Number(value(name, String(fallback)));
const command = `npm run bench -- ${args.join(' ')}`;

async function main(): Promise<void> {
  if (flag('--synthetic')) {
    const { runSynthetic } = await import('./synthetic/synthetic.js');
    process.stdout.write(`${await runSynthetic({ counts: list('--counts', '10000,25000,50000').map(Number), out: value('--out', ''), command })}\n`);
    return;
  }
  if (flag('--binary')) {
    const { binarySection } = await import('./binary.js');
    const before = value('--kt-before', '') || undefined;
    print(await binarySection({ pods: list('--pods', '1000').map(Number), runs: num('--runs', 7), before }));
    return;
  }
  if (flag('--discovery')) {
    const { discoverySection } = await import('./discovery.js');
    const before = value('--kt-before', '') || undefined;
    print(await discoverySection({ pods: list('--pods', '1000').map(Number), runs: num('--runs', 5), before }));
    return;
  }
  if (flag('--faults')) {
    const { runFaults } = await import('./faults.js');
    process.stdout.write(`${await runFaults(num('--runs', 3), only)}\n`);
    return;
  }
  if (flag('--live')) {
    const { runLive } = await import('./live/live.js');
    const md = await runLive({
      sizes: list('--sizes', '1000,10000:100'),
      tools: list('--tools', 'kt,k9s'),
      launches: num('--launches', 3),
      idleSeconds: num('--idle-seconds', 60),
      churnSeconds: num('--churn-seconds', 20),
      churnRates: list('--rates', '20,100').map(Number),
      moves: num('--moves', 20),
      probes: num('--probes', 12),
      filterText: value('--filter', 'scale'),
      kubectlRuns: num('--kubectl-runs', 5),
      out: value('--out', '') || undefined,
      command,
      ktBefore: value('--kt-before', '') || undefined,
    });
    process.stdout.write(`${md}\n`);
    return;
  }
  const now = Date.now();
  const data: Data = { now, pods: makePods(10_000, 1_000, now), nodes: makeNodes(1_000, now) };
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(
    `# kt bench — node ${process.version}, ${os.cpus().length}× ${cpu}, load ${os.loadavg()[0]?.toFixed(2)}\n` +
      `# ${data.pods.length.toLocaleString('en-US')} synthetic pods over ${data.nodes.length.toLocaleString('en-US')} nodes (bench/fixtures.ts); times are medians, shared machine: compare within a run\n`,
  );
  if (wanted('render')) print(renderSection(data).section);
  if (wanted('filter')) {
    const items = renderAll(data.pods, renderer('pods'), { now, allNamespaces: true });
    print(filterSortSection(items).section);
  }
  if (wanted('cursor')) print(cursorSection(data));
  if (wanted('views')) {
    const { viewSections } = await import('./views.js');
    for (const section of viewSections()) print(section);
  }
  if (wanted('logs')) {
    const { logSections } = await import('./logs.js');
    for (const section of await logSections()) print(section);
  }
  // Minutes long (ink-table lays out every row): only when asked for by name.
  if (only?.has('table')) {
    const { inkTableSection } = await import('./ink-table.js');
    print(await inkTableSection(data));
  }
  if (wanted('startup') && !flag('--no-live')) {
    const { startupSection } = await import('./startup.js');
    for (const section of await startupSection({ scale: flag('--scale') })) print(section);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
