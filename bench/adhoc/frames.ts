// Ad-hoc: every screen kt shows from launch until the pods pane is complete (time, bytes, title).
import { PtyApp, sleep } from '../live/pty-driver.js';
import { ktTool, podsReady } from '../live/tools.js';

const [minPods, bin = 'bin/kt.js'] = process.argv.slice(2);
const { launch, cleanup } = ktTool(bin).launch();
const app = new PtyApp(launch);
let last = '';
const seen: string[] = [];
const timer = setInterval(() => {
  const s = app.screen();
  if (s === last) return;
  last = s;
  const lines = s.split('\n');
  const title = lines.find((l) => /\(\d+\)|Pods|pods/.test(l)) ?? '';
  seen.push(`${(app.lastChunkAt - app.startedAt).toFixed(0).padStart(6)} ms ${String(app.bytes).padStart(7)} B  rows=${lines.filter((l) => l.trim()).length} ${title.trim().slice(0, 100)}`);
}, 2);
const at = await app.when(podsReady(Number(minPods)), 60_000, 'ready');
await sleep(1500);
clearInterval(timer);
console.log(seen.join('\n'));
console.log('ready at', (at - app.startedAt).toFixed(0));
await app.stop();
cleanup();
