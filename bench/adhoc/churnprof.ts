// Ad-hoc: CPU profile of a kt build under 20 writes/s churn.
import { PtyApp, sleep } from '../live/pty-driver.js';
import { ktTool, podsReady } from '../live/tools.js';
import { measureWindow } from '../live/proc.js';
import { benchClient, Churn, cleanBenchPods, ensureNamespace, pickNode } from '../live/churn.js';

const [bin, dir, seconds] = process.argv.slice(2);
const client = benchClient();
await ensureNamespace(client);
const node = await pickNode(client);
const tool = ktTool(bin);
const { launch, cleanup } = tool.launch();
const extra = (process.env.EXTRA_ARGS ?? '').split(' ').filter(Boolean);
const nodeFlags = (process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean);
const app = new PtyApp({ ...launch, args: [...nodeFlags, ...(dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []), ...launch.args, ...extra] });
await app.when(podsReady(1000), 60_000, 'ready');
await app.settled(1_000, 10_000);
await sleep(20_000);
const churn = new Churn(client, node, 20, 'prof');
const frames = app.frames;
const w = await measureWindow(app.pid, () => sleep(Number(seconds) * 1000));
await churn.stop();
console.log(`${bin} ${nodeFlags.join(" ")}: churn cpu ${w.cpuPct.toFixed(1)}% frames/s ${((app.frames - frames) / Number(seconds)).toFixed(1)}`);
app.write('\x03');
await sleep(2000);
await app.stop();
cleanup();
await cleanBenchPods(client);
