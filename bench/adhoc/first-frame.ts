// Ad-hoc: first frame of several kt builds, alternating launches. Not part of npm run bench.
import { PtyApp } from '../live/pty-driver.js';
import { ktTool, podsReady } from '../live/tools.js';
import { memory } from '../live/proc.js';

const [minPods, launches, ...bins] = process.argv.slice(2);
const tools = bins.map((b, i) => ktTool(b, `kt${i}`));
const times: Record<string, number[]> = {};
const rss: Record<string, number[]> = {};
for (let l = 0; l < Number(launches); l++) {
  for (const [i, tool] of tools.entries()) {
    const { launch, cleanup } = tool.launch();
    const app = new PtyApp(launch);
    const at = await app.when(podsReady(Number(minPods)), 60_000, 'ready');
    await new Promise((r) => setTimeout(r, 3000));
    (rss[bins[i]!] ??= []).push(memory(app.pid).rssMb);
    (times[bins[i]!] ??= []).push(at - app.startedAt);
    await app.stop();
    cleanup();
  }
}
for (const b of bins) {
  const t = [...times[b]!].sort((x, y) => x - y);
  console.log(b, 'median', t[t.length >> 1]!.toFixed(0), 'ms', t.map((x) => x.toFixed(0)).join(' '), '| rss', rss[b]!.map((x) => x.toFixed(0)).join(' '), 'MB');
}
