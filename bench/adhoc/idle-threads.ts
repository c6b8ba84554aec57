// Ad-hoc: idle CPU of one kt, the main thread apart from the others (V8's GC and compiler
// workers, libuv; all are named "node"), from /proc. Not part of npm run bench.
// npx tsx bench/adhoc/idle-threads.ts <min pods> <idle seconds> [kt bin]
import { readdirSync, readFileSync } from 'node:fs';
import { PtyApp, sleep } from '../live/pty-driver.js';
import { ktTool, podsReady } from '../live/tools.js';

const [minPods = '1000', idleS = '60', bin = 'bin/kt.js'] = process.argv.slice(2);
const TICKS = 100; // USER_HZ

function threads(pid: number): Map<string, { name: string; ticks: number }> {
  const out = new Map<string, { name: string; ticks: number }>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(tid, { name: tid === String(pid) ? 'main' : `other (${name})`, ticks: Number(f[11]) + Number(f[12]) });
  }
  return out;
}

const { launch, cleanup } = ktTool(bin).launch();
const app = new PtyApp(launch);
await app.when(podsReady(Number(minPods)), 120_000, 'ready');
await app.settled(1_000, 10_000);
const before = threads(app.pid);
const frames = app.frames;
await sleep(Number(idleS) * 1000);
const after = threads(app.pid);
console.log(`${app.frames - frames} frames in ${idleS} s`);
const byName = new Map<string, number>();
for (const [tid, t] of after) byName.set(t.name, (byName.get(t.name) ?? 0) + t.ticks - (before.get(tid)?.ticks ?? 0));
let total = 0;
for (const [name, ticks] of [...byName].sort((a, b) => b[1] - a[1])) {
  total += ticks;
  console.log(`${name.padEnd(20)} ${((ticks / TICKS / Number(idleS)) * 100).toFixed(2)}%`);
}
console.log(`${'total'.padEnd(20)} ${((total / TICKS / Number(idleS)) * 100).toFixed(2)}%  (${(app.bytes / 1024).toFixed(0)} KB written in all)`);
await app.stop();
cleanup();
