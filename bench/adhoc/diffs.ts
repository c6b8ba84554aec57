// Ad-hoc: what changes on kt's screen while idle.
import { PtyApp, sleep } from '../live/pty-driver.js';
import { ktTool, podsReady } from '../live/tools.js';
const tool = ktTool('bin/kt.js');
const { launch, cleanup } = tool.launch();
const app = new PtyApp(launch);
await app.when(podsReady(Number(process.argv[2] ?? 1)), 60_000, 'ready');
await app.settled(1_000, 10_000);
let prev = app.screen().split('\n');
let bytes = app.bytes;
for (let i = 0; i < 20; i++) {
  await sleep(1000);
  const cur = app.screen().split('\n');
  const changed = cur.map((l, y) => (l !== prev[y] ? y : -1)).filter((y) => y >= 0);
  console.log(`t=${i + 1}s bytes +${app.bytes - bytes} lines changed ${changed.join(',')}`);
  for (const y of changed.slice(0, 3)) console.log(`  - ${prev[y]?.slice(0, 150)}\n  + ${cur[y]?.slice(0, 150)}`);
  prev = cur;
  bytes = app.bytes;
}
await app.stop();
cleanup();
