// The live benchmark: for each size, grow the sandbox (sandbox:scale), time kubectl get pods -A,
// then measure kt and k9s in the same run (bench/live/session.ts), and shrink the sandbox back to
// 0 extra nodes and pods at the end, whatever happened. Writes markdown (and JSON) when asked.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname } from 'node:path';
import { benchClient, cleanBenchPods, ensureNamespace, pickNode } from './churn.js';
import { kubectlGetPods, kubectlVersion } from './kubectl.js';
import { scaleSandbox } from '../sandbox.js';
import { sizeTable, type SizeResult } from './report.js';
import { measureTool, type LiveOptions } from './session.js';
import { k9sTool, ktTool, type Tool } from './tools.js';

export interface LiveArgs extends LiveOptions {
  /** "pods" or "pods:nodes"; 0 measures the sandbox as it is. */
  sizes: string[];
  kubectlRuns: number;
  tools: string[];
  out?: string;
  command: string;
  /** bin/kt.js of another build of kt, measured as "kt-before" (e.g. the tree before a change). */
  ktBefore?: string;
}

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

function scale(nodes: number, pods: number): void {
  log(`sandbox:scale --nodes ${nodes} --pods ${pods}`);
  scaleSandbox(nodes, pods);
}

function parseSize(spec: string): { pods: number; nodes: number } {
  const [p, n] = spec.split(':').map(Number);
  const pods = p ?? NaN;
  if (!Number.isInteger(pods) || pods < 0) throw new Error(`bad --sizes entry "${spec}"; use pods or pods:nodes, e.g. 1000 or 10000:100`);
  const nodes = n ?? (pods === 0 ? 0 : Math.max(1, Math.ceil(pods / 100)));
  return { pods, nodes };
}

export async function runLive(args: LiveArgs): Promise<string> {
  const client = benchClient();
  const tools: Tool[] = [];
  const skipped: string[] = [];
  if (args.tools.includes('kt')) tools.push(ktTool());
  if (args.tools.includes('k9s')) {
    const k9s = k9sTool();
    if (typeof k9s === 'string') skipped.push(`k9s: ${k9s}`);
    else tools.push(k9s);
  }
  if (args.ktBefore) tools.push(ktTool(args.ktBefore, 'kt-before'));
  const sizes: SizeResult[] = [];
  const kubectl = await kubectlVersion();
  const tag = Date.now().toString(36);
  await ensureNamespace(client);
  let scaled = false;
  try {
    for (const spec of args.sizes) {
      const { pods, nodes } = parseSize(spec);
      if (pods > 0 || scaled) {
        scale(nodes, pods);
        scaled = true;
      }
      await cleanBenchPods(client);
      const node = await pickNode(client);
      const runs = [];
      await kubectlGetPods(); // warm-up
      for (let i = 0; i < args.kubectlRuns; i++) runs.push(await kubectlGetPods());
      const count = Math.min(...runs.map((r) => r.pods));
      log(`size ${spec}: kubectl sees ${count} pods; ${runs.map((r) => r.ms.toFixed(0)).join(' ')} ms`);
      const size: SizeResult = { label: `size ${spec}`, pods: count, nodes: (await client.list('/api/v1/nodes')).items.length, loadBefore: os.loadavg()[0] ?? NaN, kubectlMs: runs.map((r) => r.ms), tools: [] };
      for (const tool of tools) {
        log(`measuring ${tool.name} at ${spec}`);
        size.tools.push(await measureTool(tool, Math.floor(count * 0.98), client, node, args, `${tag}-${sizes.length}`));
        await cleanBenchPods(client);
        if (args.out) write(args, [...sizes, size], skipped, kubectl);
      }
      sizes.push(size);
    }
  } finally {
    await cleanBenchPods(client);
    if (scaled) scale(0, 0);
  }
  return write(args, sizes, skipped, kubectl);
}

function write(args: LiveArgs, sizes: SizeResult[], skipped: string[], kubectl: string): string {
  const cpus = os.cpus();
  const head = [
    `Command: \`${args.command}\``,
    `kubectl: the sandbox's ${kubectl}. Machine: ${cpus.length} cores (${cpus[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}; ${new Date().toISOString()}.`,
    `Terminal 200x50 (node-pty + @xterm/headless). Idle ${args.idleSeconds} s, churn ${args.churnSeconds} s per rate, ${args.moves} cursor moves, filter "${args.filterText}", ${args.probes} event probes.`,
    ...skipped.map((s) => `Skipped: ${s}.`),
  ];
  const md = [...head, '', ...sizes.map((s) => sizeTable(s, args.churnRates) + '\n')].join('\n');
  if (args.out) {
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out, md);
    writeFileSync(args.out.replace(/\.md$/, '') + '.json', JSON.stringify({ args, sizes }, null, 1));
  }
  return md;
}
