// kt benchmarks: `npm run bench` (add `-- --scale` to also measure startup on 5,000 pods, which
// takes minutes). Medians and ratios from one run, printed as tables; never used as pass/fail.
//   npm run bench -- [--scale] [--no-live] [--only render,filter,cursor,views,startup]
import os from 'node:os';
import { makeNodes, makePods } from './fixtures.js';
import { renderAll, renderer, renderSection, filterSortSection, type Data } from './pipeline.js';
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

async function main(): Promise<void> {
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
  if (wanted('startup') && !flag('--no-live')) {
    const { startupSection } = await import('./startup.js');
    for (const section of await startupSection({ scale: flag('--scale') })) print(section);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
