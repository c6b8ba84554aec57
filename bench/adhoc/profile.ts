// Ad-hoc: CPU profile of kt at the sandbox's size: idle, then cursor moves. Not part of npm run bench.
import { PtyApp, sleep } from '../live/pty-driver.js';
import { ktTool, podsReady, viaNode } from '../live/tools.js';
import { measureWindow } from '../live/proc.js';

const [minPods, idleS, mode] = process.argv.slice(2);
const tool = ktTool(process.env.BIN ?? 'bin/kt.js');
const { launch, cleanup } = tool.launch();
const nodeFlags = (process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean);
const profFlags = process.env.NOPROF ? [] : ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'];
const app = new PtyApp(nodeFlags.length || profFlags.length ? viaNode(launch, [...nodeFlags, ...profFlags]) : launch);
await app.when(podsReady(Number(minPods)), 60_000, 'ready');
await app.settled(1_000, 10_000);
const w = await measureWindow(app.pid, () => sleep(Number(idleS) * 1000));
console.log(`${nodeFlags.join(' ') || "bin/kt.js's flags"}: idle ${w.cpuPct.toFixed(2)}% rss ${w.rssMb.sort((a, b) => a - b)[w.rssMb.length >> 1]?.toFixed(0)} MB`);
if (mode === 'keys') {
  const lat: number[] = [];
  for (let i = 0; i < 40; i++) {
    const before = app.signature();
    const t = performance.now();
    app.write(i % 2 ? '\x1b[A' : '\x1b[B');
    const at = await app.when((a) => a.signature() !== before, 5_000, 'move');
    lat.push(at - t);
    await sleep(150);
  }
  lat.sort((a, b) => a - b);
  console.log('cursor p50', lat[20]?.toFixed(1), 'p90', lat[36]?.toFixed(1), 'max', lat[39]?.toFixed(1));
}
app.write('\x03');
await sleep(2000);
await app.stop();
cleanup();
