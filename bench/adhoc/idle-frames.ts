// Ad-hoc: frames Ink draws while kt idles (KT_FRAME_LOG), and what changed on screen between them.
import { readFileSync, rmSync } from 'node:fs';
import { PtyApp, sleep } from '../live/pty-driver.js';
import { ktTool, podsReady } from '../live/tools.js';

const [minPods, seconds] = process.argv.slice(2);
const log = '/tmp/idle-frames.log';
rmSync(log, { force: true });
const { launch, cleanup } = ktTool('bin/kt.js').launch();
const app = new PtyApp({ ...launch, env: { ...launch.env, KT_FRAME_LOG: log } });
await app.when(podsReady(Number(minPods)), 60_000, 'ready');
await app.settled(1_000, 10_000);
const skip = readFileSync(log, 'utf8').trim().split('\n').length;
const f0 = app.frames;
const b0 = app.bytes;
let prev = app.screen().split('\n');
const changes = new Map<string, number>();
for (let t = 0; t < Number(seconds) * 10; t++) {
  await sleep(100);
  const cur = app.screen().split('\n');
  cur.forEach((l, y) => {
    if (l !== prev[y]) {
      const what = y < 3 ? `header line ${y}` : `line ${y}`;
      changes.set(what, (changes.get(what) ?? 0) + 1);
    }
  });
  prev = cur;
}
const times = readFileSync(log, 'utf8').trim().split('\n').slice(skip).map(Number);
console.log(`frames drawn ${times.length}, frames written ${app.frames - f0}, bytes ${app.bytes - b0}, draw ms total ${times.reduce((a, b) => a + b, 0).toFixed(0)}`);
console.log([...changes].map(([k, v]) => `${k}:${v}`).join(' '));
await app.stop();
cleanup();
