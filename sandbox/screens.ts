// The README's screens, captured from kt itself on the running sandbox (npm run sandbox:up first):
// each scene starts kt in a pseudo-terminal, types its keys, waits for what it must show, and
// writes the screen as docs/screens/<scene>.svg (colours and all) and <scene>.txt (the text).
//   npm run screens [-- SCENE ...]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKubeClient } from '../src/kube/client.js';
import { repoRoot, spawnKt, type KtPty } from '../test/helpers/pty.js';
import { kubeconfigPath, sandboxKubeConfig, stateDir } from '../test/helpers/sandbox.js';
import { appendLines, ensurePodLogs } from './log-driver.js';
import { screenSvg } from './screen-svg.js';

interface Scene {
  title: string;
  args: string[];
  cols: number;
  rows: number;
  prepare?(): Promise<void>;
  play(kt: KtPty): Promise<void>;
}

const settled = (s: string) => s.includes('● live') && !s.includes('loading…');

/** `:name` Enter until the pane opens: a kind kt learns by discovery (2 s after the first frame). */
async function openKind(kt: KtPty, name: string, opened: RegExp): Promise<void> {
  for (const deadline = Date.now() + 20_000; ; ) {
    kt.press(':', ...name.split(''), 'Enter');
    if (await kt.waitFor(opened, 1_000).then(() => true, () => false)) return;
    if (Date.now() > deadline) throw new Error(`:${name} did not open within 20 s:\n${kt.screen()}`);
  }
}

/** A few lines an nginx would log, so the merged view shows real-looking traffic per pod. */
async function nginxTraffic(): Promise<void> {
  const client = createKubeClient(sandboxKubeConfig());
  try {
    const pods = await client.list('/api/v1/namespaces/default/pods', { labelSelector: 'app=nginx' });
    const paths = ['/', '/healthz', '/api/orders', '/static/app.js', '/api/orders/42'];
    for (const [p, pod] of pods.items.entries()) {
      const ref = { namespace: 'default', name: pod.metadata?.name ?? '' };
      await ensurePodLogs(client, stateDir, ref);
      const lines = paths.map((path, i) => `10.244.${p}.${10 + i} - - "GET ${path} HTTP/1.1" ${i === 4 ? 404 : 200} ${512 + i * 97} "-" "curl/8.5.0"`);
      appendLines(stateDir, ref, 'nginx', lines);
    }
  } finally {
    client.close();
  }
}

const SCENES: Record<string, Scene> = {
  overview: {
    title: 'kt -A on the sandbox: nodes, deployments and daemonsets, live',
    args: ['-A'],
    cols: 150,
    rows: 34,
    async play(kt) {
      await kt.waitFor((s) => settled(s) && /Nodes\[\d+\]/.test(s) && /cpu [▁-█]/.test(s), 30_000);
    },
  },
  crd: {
    title: 'kt: a custom resource (monitoring.coreos.com Prometheus) with its printer columns',
    args: ['-A'],
    cols: 120,
    rows: 16,
    async play(kt) {
      await kt.waitFor((s) => settled(s) && /Pods\(all\)\[\d+\]/.test(s), 30_000);
      await openKind(kt, 'prometheuses', /Prometheuses\(all\)\[\d+\][\s\S]*user-workloads/);
    },
  },
  logs: {
    title: 'kt: the merged logs of a Deployment (l), a coloured prefix per pod',
    args: ['-n', 'default'],
    cols: 130,
    rows: 22,
    prepare: nginxTraffic,
    async play(kt) {
      await kt.waitFor((s) => settled(s), 30_000);
      kt.press(':', ...'deploy'.split(''), 'Enter');
      await kt.waitFor(/Deployments\(default\)\[\d+\][\s\S]*nginx-deployment/, 20_000);
      kt.press('/', ...'nginx'.split(''), 'Enter');
      await kt.waitFor((s) => !s.includes('talker') || s.includes('/nginx'), 5_000);
      kt.press('l');
      await kt.waitFor(/Logs default\/deployment\/nginx-deployment[\s\S]*api\/orders\/42/, 20_000);
    },
  },
};

async function capture(name: string, scene: Scene, dir: string): Promise<void> {
  await scene.prepare?.();
  const kt = spawnKt(['--kubeconfig', kubeconfigPath, ...scene.args], { cols: scene.cols, rows: scene.rows, env: { NO_COLOR: undefined, FORCE_COLOR: undefined } });
  try {
    await scene.play(kt);
    await new Promise((r) => setTimeout(r, 300)); // the frame after the one waited for (metrics, colours)
    writeFileSync(join(dir, `${name}.svg`), screenSvg(kt.terminal, scene.title));
    writeFileSync(join(dir, `${name}.txt`), `${kt.screen().replace(/\s+$/, '')}\n`);
    process.stdout.write(`${name}: docs/screens/${name}.svg, .txt\n`);
  } finally {
    await kt.dispose();
  }
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((n) => !(n in SCENES));
if (unknown.length) {
  process.stderr.write(`unknown scene ${unknown.map((n) => `"${n}"`).join(', ')}: choose from ${Object.keys(SCENES).join(', ')}\n`);
  process.exit(2);
}
const dir = join(repoRoot, 'docs', 'screens');
mkdirSync(dir, { recursive: true });
for (const name of wanted.length ? wanted : Object.keys(SCENES)) await capture(name, SCENES[name]!, dir);
