// One tool (kt or k9s) against the sandbox at the current size: launches to the first complete
// frame of the all-namespaces pods pane, then one long session measuring idle CPU and memory,
// cursor and filter keystrokes, event-to-screen latency and churn.
import { performance } from 'node:perf_hooks';
import type { KubeClient } from '../../src/kube/client.js';
import { Churn, probePod } from './churn.js';
import { measureWindow, memory } from './proc.js';
import { PtyApp, sleep } from './pty-driver.js';
import { podsReady, titleCount, type Tool } from './tools.js';

export interface LiveOptions {
  launches: number;
  idleSeconds: number;
  churnSeconds: number;
  churnRates: number[];
  moves: number;
  probes: number;
  filterText: string;
}

export interface Keystrokes {
  /** Key written → first frame showing a change (ms). */
  firstMs: number[];
  /** Key written → last chunk of the burst it caused (100 ms quiet). */
  settledMs: number[];
  bytes: number[];
}

export interface ChurnResult {
  rate: number;
  writesPerSec: number;
  cpuPct: number;
  bytesPerSec: number;
  /** Synchronized-update starts per second: Ink writes one per frame; 0 for a program that writes none. */
  framesPerSec: number;
}

export interface ToolResult {
  tool: string;
  version: string;
  firstFrameMs: number[];
  steadyRssMb?: number;
  peakRssMb?: number;
  idle?: { cpuPct: number; bytesPerSec: number; seconds: number };
  cursor?: Keystrokes;
  filter?: Keystrokes;
  e2sMs?: number[];
  e2sMissed?: number;
  churn: ChurnResult[];
  notes: string[];
  /** VmHWM (MB) after each part of the session, to see where the peak comes from. */
  peaks: string[];
}

const READY_TIMEOUT = 240_000;
const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

async function start(tool: Tool, minPods: number): Promise<{ app: PtyApp; readyMs: number; cleanup: () => void }> {
  const { launch, cleanup } = tool.launch();
  const app = new PtyApp(launch);
  try {
    const at = await app.when(podsReady(minPods), READY_TIMEOUT, `${tool.name}: Pods(all)[>=${minPods}]`);
    return { app, readyMs: at - app.startedAt, cleanup };
  } catch (err) {
    await app.stop();
    cleanup();
    throw err;
  }
}

async function keystroke(app: PtyApp, key: string, into: Keystrokes): Promise<void> {
  await app.settled(150);
  const before = app.signature();
  const bytes = app.bytes;
  const t = performance.now();
  app.write(key);
  const first = await app.when((a) => a.signature() !== before, 5_000, `screen change after ${JSON.stringify(key)}`);
  const end = await app.settled(100);
  into.firstMs.push(first - t);
  into.settledMs.push(Math.max(first, end) - t);
  into.bytes.push(app.bytes - bytes);
}

const empty = (): Keystrokes => ({ firstMs: [], settledMs: [], bytes: [] });

async function section<T>(result: ToolResult, what: string, fn: () => Promise<T>, pid?: number): Promise<T | undefined> {
  try {
    const out = await fn();
    if (pid !== undefined) result.peaks.push(`${what} ${memory(pid).peakMb.toFixed(0)}`);
    return out;
  } catch (err) {
    const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
    result.notes.push(`${what}: not measured (${msg})`);
    log(`${result.tool} ${what} failed: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

export async function measureTool(tool: Tool, minPods: number, client: KubeClient, node: string, o: LiveOptions, tag: string): Promise<ToolResult> {
  const result: ToolResult = { tool: tool.name, version: tool.version, firstFrameMs: [], churn: [], notes: [], peaks: [] };
  for (let i = 0; i < o.launches; i++) {
    const run = await section(result, `launch ${i + 1}`, () => start(tool, minPods));
    if (!run) continue;
    result.firstFrameMs.push(run.readyMs);
    log(`${tool.name} first frame ${run.readyMs.toFixed(0)} ms`);
    await run.app.stop();
    run.cleanup();
  }
  const run = await section(result, 'session', () => start(tool, minPods));
  if (!run) return result;
  const { app } = run;
  try {
    await app.settled(1_000, 10_000);
    result.peaks.push(`ready ${memory(app.pid).peakMb.toFixed(0)}`);
    await section(result, 'idle', async () => {
      const b0 = app.bytes;
      const w = await measureWindow(app.pid, () => sleep(o.idleSeconds * 1000));
      result.idle = { cpuPct: w.cpuPct, bytesPerSec: (app.bytes - b0) / w.seconds, seconds: w.seconds };
      result.steadyRssMb = w.rssMb.sort((a, b) => a - b)[w.rssMb.length >> 1];
      log(`${tool.name} idle cpu ${w.cpuPct.toFixed(2)}% rss ${result.steadyRssMb?.toFixed(0)} MB`);
    }, app.pid);
    await section(result, 'cursor', async () => {
      const k = empty();
      for (let i = 0; i < o.moves; i++) await keystroke(app, i % 2 === 0 ? tool.keys.down : tool.keys.up, k);
      result.cursor = k;
    }, app.pid);
    await section(result, 'filter', async () => {
      const k = empty();
      await keystroke(app, tool.keys.filter, empty());
      for (const ch of o.filterText) await keystroke(app, ch, k);
      result.filter = k;
      for (const key of tool.keys.clearFilter) app.write(key);
      await app.when(podsReady(minPods), 10_000, 'filter cleared');
    }, app.pid);
    await section(result, 'event-to-screen', async () => {
      const ms: number[] = [];
      let missed = 0;
      for (let i = 0; i < o.probes; i++) {
        const name = `aaaa-e2s-${tag}-${tool.name}-${String(i).padStart(3, '0')}`;
        const probe = await probePod(client, node, name);
        try {
          const at = await app.when((a) => a.screen().includes(name), 20_000, `row ${name}`);
          ms.push(at - probe.sentAt);
        } catch {
          missed++;
        }
        await probe.remove();
        await app.when((a) => !a.screen().includes(name), 20_000, `row ${name} gone`).catch(() => undefined);
        await sleep(300);
      }
      result.e2sMs = ms;
      result.e2sMissed = missed;
      log(`${tool.name} e2s ${ms.map((m) => m.toFixed(0)).join(' ')}`);
    }, app.pid);
    for (const rate of o.churnRates) {
      await section(result, `churn ${rate}/s`, async () => {
        const b0 = app.bytes;
        const f0 = app.frames;
        const churn = new Churn(client, node, rate, `${tag}-${tool.name}-${rate}`);
        const w = await measureWindow(app.pid, () => sleep(o.churnSeconds * 1000));
        const writes = churn.writes;
        const bytes = app.bytes - b0;
        await churn.stop();
        result.churn.push({ rate, writesPerSec: writes / w.seconds, cpuPct: w.cpuPct, bytesPerSec: bytes / w.seconds, framesPerSec: (app.frames - f0) / w.seconds });
        const title = app.screen().split('\n').find((l) => /pods\(all\)/i.test(l))?.replace(/[─═┌┐╔╗\s]+/g, ' ').trim();
        result.notes.push(`churn ${rate}/s: ${(writes / w.seconds).toFixed(1)} API writes/s done, ${churn.failures} failed; pods title at the end: ${title ?? 'not on screen'}`);
        log(`${tool.name} churn ${rate}/s: cpu ${w.cpuPct.toFixed(1)}% ${(bytes / w.seconds / 1024).toFixed(1)} KiB/s (${churn.failures} failed writes)`);
        await app.settled(1_000, 15_000);
      }, app.pid);
    }
    result.peakRssMb = memory(app.pid).peakMb;
    if (titleCount(app.screen()) < 0) result.notes.push('pods title not on screen at the end');
  } finally {
    await app.stop();
    run.cleanup();
  }
  return result;
}
