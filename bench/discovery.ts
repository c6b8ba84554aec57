// Discovery against the first frame (issue #11), on the sandbox grown to each size:
// - kt's first full frame (-A, 200x50) with the discovery cache cold (an empty config dir) and warm
//   (a config dir holding only the cache a previous launch wrote), and with --kt-before a build
//   without discovery; launches alternate, so the machine's load falls on all alike;
// - opening a discovered kind (:servicemonitors) from the warm cache: Enter → rows on screen, and
//   the requests it cost, read from the API server's own counters (apiserver_request_total).
//   npm run bench -- --discovery [--pods 1000,10000] [--runs 5] [--kt-before /other/bin/kt.js]
//   (--pods 0 measures the sandbox as it is, and leaves it so)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ktBin, spawnKt } from '../test/helpers/pty.js';
import { kubeconfigPath } from '../test/helpers/sandbox.js';
import { countObjects, sandboxKubectl, scaleSandbox } from './sandbox.js';
import { Section } from './table.js';

const sorted = (values: number[]) => ({ ms: [...values].sort((a, b) => a - b) });

function scale(pods: number): void {
  scaleSandbox(pods ? Math.max(1, Math.ceil(pods / 100)) : 0, pods);
}

/** The first full frame: three panes past "loading…", the Pods title counting (nearly) every pod. */
const fullFrame = (pods: number) => (s: string) =>
  !s.includes('loading…') && Number(/Pods\(all\)\[(\d+)\]/.exec(s)?.[1] ?? 0) >= pods - 5 && /Nodes\[\d+\]/.test(s) && /DaemonSets\(all\)\[\d+\]/.test(s);

async function launch(bin: string, configDir: string, pods: number, then?: (t: ReturnType<typeof spawnKt>) => Promise<void>): Promise<number> {
  const t0 = performance.now();
  const kt = spawnKt(['--kubeconfig', kubeconfigPath, '-A'], { cols: 200, rows: 50, bin, env: { KT_CONFIG_DIR: configDir } });
  try {
    await kt.waitFor(fullFrame(pods), 120_000);
    const ms = performance.now() - t0;
    await then?.(kt);
    return ms;
  } finally {
    await kt.dispose();
  }
}

/** A config dir with only the discovery cache of a previous launch (no remembered views). */
async function warmDir(bin: string, pods: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kt-bench-disc-'));
  // The discovery answer is written ~2 s after the first frame: stay until the cache file exists.
  await launch(bin, dir, pods, async (kt) => {
    for (let waited = 0; !hasCache(dir) && waited < 20_000; waited += 200) await new Promise((r) => setTimeout(r, 200));
    void kt;
  });
  for (const entry of readdirSync(dir)) if (entry !== 'cache') rmSync(join(dir, entry), { recursive: true, force: true });
  return dir;
}

function hasCache(dir: string): boolean {
  try {
    return readdirSync(join(dir, 'cache', 'discovery')).some((f) => f.endsWith('.json'));
  } catch {
    return false;
  }
}

/** apiserver_request_total for one resource, by verb, summed over codes and scopes. */
function requestsFor(resource: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of sandboxKubectl(['get', '--raw', '/metrics']).split('\n')) {
    if (!line.startsWith('apiserver_request_total{') || !line.includes(`resource="${resource}"`)) continue;
    const verb = /verb="([A-Z]+)"/.exec(line)?.[1] ?? '?';
    counts.set(verb, (counts.get(verb) ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1)));
  }
  return counts;
}

export async function discoverySection(options: { pods: number[]; runs: number; before?: string }): Promise<Section> {
  const section = new Section(`Discovery and the first frame: cache cold / warm${options.before ? ' / a build without discovery' : ''}, and opening a discovered kind from the cache`);
  section.info('load average before', execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' '));
  for (const pods of options.pods) {
    if (pods === 0) {
      await sizeRows(section, countObjects(['pods', '-A']), options);
      continue;
    }
    scale(pods);
    try {
      await sizeRows(section, countObjects(['pods', '-A']), options);
    } finally {
      scale(0);
    }
  }
  return section;
}

async function sizeRows(section: Section, pods: number, options: { runs: number; before?: string }): Promise<void> {
  const at = `${pods.toLocaleString('en-US')} pods`;
  const builds = [
    { name: 'cache cold', bin: ktBin, warm: false },
    { name: 'cache warm', bin: ktBin, warm: true },
    ...(options.before ? [{ name: 'without discovery', bin: options.before, warm: false }] : []),
  ];
  const times = new Map<string, number[]>(builds.map((b) => [b.name, []]));
  const opens: number[] = [];
  const lists: number[] = [];
  const watches: number[] = [];
  for (let run = -1; run < options.runs; run++) {
    for (const build of builds) {
      const dir = build.warm ? await warmDir(build.bin, pods) : mkdtempSync(join(tmpdir(), 'kt-bench-disc-'));
      try {
        const ms = await launch(build.bin, dir, pods, build.warm ? async (kt) => {
          const before = requestsFor('servicemonitors');
          const t0 = performance.now();
          kt.press(':', ...'servicemonitors'.split(''), 'Enter');
          await kt.waitFor(/ServiceMonitors\(all\)\[[1-9]\d*\]/, 20_000);
          const openMs = performance.now() - t0;
          await new Promise((r) => setTimeout(r, 1_000)); // the watch that follows the list
          const after = requestsFor('servicemonitors');
          if (run < 0) return;
          opens.push(openMs);
          lists.push((after.get('LIST') ?? 0) - (before.get('LIST') ?? 0));
          watches.push((after.get('WATCH') ?? 0) - (before.get('WATCH') ?? 0));
        } : undefined);
        if (run >= 0) times.get(build.name)!.push(ms);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  const medians = new Map<string, number>();
  for (const b of builds) medians.set(b.name, section.add(`${at}: first full frame, ${b.name}`, sorted(times.get(b.name)!)));
  section.add(`${at}: :servicemonitors from the warm cache, Enter → rows`, sorted(opens));
  section.info(`${at}: requests for servicemonitors per opening`, `LIST ${lists.join(' ')}; WATCH ${watches.join(' ')} (apiserver_request_total)`);
  section.ratio(`${at}: first frame, cache warm / cache cold`, medians.get('cache warm')! / medians.get('cache cold')!);
  if (options.before) section.ratio(`${at}: first frame, cache warm / without discovery`, medians.get('cache warm')! / medians.get('without discovery')!);
}
