// Ad-hoc: Ink's draw time per frame (KT_FRAME_LOG) over cursor moves, per variant (env sets). Not in npm run bench.
import { readFileSync, rmSync } from 'node:fs';
import { PtyApp, sleep } from '../live/pty-driver.js';
import { ktTool, podsReady } from '../live/tools.js';

const [minPods, rounds, ...variants] = process.argv.slice(2); // variant: "name" or "name:ENV=1"
const res: Record<string, number[]> = {};
for (let r = 0; r < Number(rounds); r++) {
  for (const v of variants) {
    const [name, envs] = v.split(':');
    const log = `/tmp/frames-${name}.log`;
    rmSync(log, { force: true });
    const env: Record<string, string> = { KT_FRAME_LOG: log };
    for (const kv of (envs ?? '').split(',').filter(Boolean)) env[kv.split('=')[0]!] = kv.split('=')[1]!;
    const { launch, cleanup } = ktTool('bin/kt.js').launch();
    const app = new PtyApp({ ...launch, env: { ...launch.env, ...env } });
    await app.when(podsReady(Number(minPods)), 60_000, 'ready');
    await app.settled(1_000, 10_000);
    const skip = readFileSync(log, 'utf8').trim().split('\n').length;
    for (let i = 0; i < 40; i++) {
      app.write(i % 4 < 2 ? '\x1b[B' : '\x1b[A');
      await sleep(120);
    }
    const all = readFileSync(log, 'utf8').trim().split('\n').map(Number);
    (res[name!] ??= []).push(...all.slice(skip));
    await app.stop();
    cleanup();
  }
}
for (const [k, v] of Object.entries(res)) {
  v.sort((a, b) => a - b);
  console.log(k, 'frames', v.length, 'median', v[v.length >> 1]!.toFixed(2), 'p90', v[Math.floor(v.length * 0.9)]!.toFixed(2));
}
