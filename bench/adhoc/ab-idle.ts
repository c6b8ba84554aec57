// Ad-hoc: idle CPU and RSS of several kt builds, alternating. Not part of npm run bench.
import { PtyApp, sleep } from '../live/pty-driver.js';
import { ktTool, podsReady } from '../live/tools.js';
import { measureWindow } from '../live/proc.js';

const [minPods, idleS, rounds, ...bins] = process.argv.slice(2);
const out: Record<string, string[]> = {};
for (let r = 0; r < Number(rounds); r++) {
  for (const bin of bins) {
    const { launch, cleanup } = ktTool(bin).launch();
    const app = new PtyApp(launch);
    await app.when(podsReady(Number(minPods)), 60_000, 'ready');
    await app.settled(1_000, 10_000);
    const bytes = app.bytes;
    const w = await measureWindow(app.pid, () => sleep(Number(idleS) * 1000));
    (out[bin] ??= []).push(`${w.cpuPct.toFixed(2)}%/${((app.bytes - bytes) / 1024).toFixed(0)}KB`);
    await app.stop();
    cleanup();
  }
}
for (const b of bins) console.log(b, out[b]!.join(' '));
