// Ad-hoc: where kt's RSS goes after a settled idle period: /proc's RSS split (anon, file) and V8's
// heap spaces (committed vs used), read over the inspector. Not part of npm run bench.
// npx tsx bench/adhoc/mem-breakdown.ts <min pods> <idle seconds> [kt bin] [extra node flags…]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PtyApp, sleep } from '../live/pty-driver.js';
import { ktTool, podsReady, viaNode } from '../live/tools.js';

const [minPods = '1000', idleS = '30', bin = 'bin/kt.js', ...nodeFlags] = process.argv.slice(2);
const PORT = 9339;

// ws (a client-node dependency) ships no types; this is the little of it used here.
interface Socket {
  once(event: 'open', listener: () => void): void;
  on(event: 'message', listener: (data: unknown) => void): void;
  send(data: string): void;
  close(): void;
}
const WebSocket = createRequire(import.meta.url)('ws') as new (url: string) => Socket;

async function evaluate(expression: string): Promise<unknown> {
  const list = (await (await fetch(`http://127.0.0.1:${PORT}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const ws = new WebSocket(list[0]!.webSocketDebuggerUrl);
  await new Promise((resolve) => ws.once('open', () => resolve(undefined)));
  const answer = new Promise<unknown>((resolve) => ws.on('message', (m) => resolve(JSON.parse(String(m)))));
  ws.send(JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, includeCommandLineAPI: true, returnByValue: true } }));
  const res = (await answer) as { result: { result: { value: unknown } } };
  ws.close();
  return res.result.result.value;
}

const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
const { launch, cleanup } = ktTool(bin).launch();
// Under node directly, to add --inspect: give bin/kt.js's own flags too, to measure it as `kt` runs.
const app = new PtyApp(viaNode(launch, [...nodeFlags, `--inspect=127.0.0.1:${PORT}`]));
await app.when(podsReady(Number(minPods)), 120_000, 'ready');
await app.settled(1_000, 10_000);
await sleep(Number(idleS) * 1000);
const status = readFileSync(`/proc/${app.pid}/status`, 'utf8');
for (const key of ['VmRSS', 'VmHWM', 'RssAnon', 'RssFile']) console.log(status.match(new RegExp(`${key}:\\s+.*`))?.[0]);
const v8 = (await evaluate(
  `JSON.stringify({ mu: process.memoryUsage(), spaces: require('v8').getHeapSpaceStatistics(), heap: require('v8').getHeapStatistics() })`,
)) as string;
const { mu, spaces, heap } = JSON.parse(v8) as {
  mu: Record<string, number>;
  spaces: { space_name: string; space_size: number; space_used_size: number }[];
  heap: Record<string, number>;
};
console.log('memoryUsage', Object.entries(mu).map(([k, v]) => `${k} ${mb(v)}`).join(', '));
for (const s of spaces) console.log(`${s.space_name.padEnd(26)} committed ${mb(s.space_size).padStart(9)} used ${mb(s.space_used_size).padStart(9)}`);
console.log('heap total', mb(heap.total_heap_size!), 'physical', mb(heap.total_physical_size!), 'used', mb(heap.used_heap_size!), 'malloced', mb(heap.malloced_memory!), 'external', mb(heap.external_memory ?? 0));
await app.stop();
cleanup();
