// The metrics views as an operator sees them: the real kt in a pseudo-terminal, taking its numbers
// from the sandbox's Prometheus through a relay this test owns, so it can take Prometheus away
// and bring it back without disturbing anyone else's tests.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnKt, type KtPty } from '../helpers/pty.js';
import { kubeconfigPath, prometheusUrl, sandboxApis } from '../helpers/sandbox.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

const { core } = sandboxApis();
const running: KtPty[] = [];
const relays: TcpProxy[] = [];
afterEach(async () => {
  for (const t of running.splice(0)) await t.dispose();
  for (const r of relays.splice(0)) await r.stop();
});

const afterEsc = () => new Promise((r) => setTimeout(r, 150));
const lines = (screen: string) => screen.split('\n');

async function relayToPrometheus(): Promise<{ relay: TcpProxy; url: string }> {
  const relay = new TcpProxy({ host: '127.0.0.1', port: Number(new URL(prometheusUrl).port) });
  relays.push(relay);
  return { relay, url: `http://127.0.0.1:${await relay.start()}` };
}

function kt(url: string, cols = 200, rows = 50): KtPty {
  const t = spawnKt(['--kubeconfig', kubeconfigPath, '-n', 'default', '--prometheus-url', url, '--metrics-interval', '2s'], { cols, rows });
  running.push(t);
  return t;
}

async function seededPod(): Promise<string> {
  const pods = (await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=nginx' })).items;
  const name = pods.map((p) => p.metadata?.name ?? '').filter(Boolean).sort()[0];
  if (!name) throw new Error('no seeded nginx pod in default');
  return name;
}

/** The cells of the pods pane row for `name`, named by the header line above it (cells are 2+ spaces apart). */
function podCells(screen: string, name: string): Record<string, string> | undefined {
  const all = lines(screen);
  const at = all.findIndex((l) => l.includes(` ${name} `));
  if (at < 0) return undefined;
  let h = at - 1;
  while (h >= 0 && !/ NAME\S* /.test(all[h] ?? '')) h--;
  const split = (l: string) => l.replace(/[║│]/g, ' ').trim().split(/\s{2,}/);
  const heads = split(all[h] ?? '').map((x) => x.replace(/[↑↓]$/, ''));
  const cells = split(all[at] ?? '');
  return Object.fromEntries(heads.map((x, k) => [x, cells[k] ?? '']));
}

/** The CPU column of the Pods pane, top to bottom, in millicores (a row without numbers is NaN). */
function cpuColumn(screen: string): number[] {
  const all = lines(screen);
  const header = all.findIndex((l) => /Pods\(default\)/.test(l)) + 1;
  const heads = (all[header] ?? '').replace(/[║│]/g, ' ').trim().split(/\s{2,}/);
  const at = heads.findIndex((h) => /^CPU[↑↓]?$/.test(h));
  const rows = all.slice(header + 1).filter((l) => /^[║│][ >]\S/.test(l));
  return rows.map((l) => Number.parseInt(l.replace(/[║│]/g, ' ').trim().split(/\s{2,}/)[at] ?? '', 10));
}

describe('metrics in kt on the sandbox', () => {
  it('Shift-→ sorts the pods by CPU, Shift-O puts the busiest first, and the order follows new numbers', async () => {
    const { url } = await relayToPrometheus();
    const t = kt(url);
    await t.waitFor((s) => cpuColumn(s).filter((n) => n > 0).length >= 3, 60_000);
    for (let i = 0; i < 5; i++) t.press('Shift-Right'); // NAME → READY, STATUS, RESTARTS, AGE, CPU
    t.press('O');
    const podsHeader = (s: string) => lines(s)[lines(s).findIndex((l) => /Pods\(default\)/.test(l)) + 1] ?? '';
    const descending = (cpu: number[]) =>
      cpu.length >= 3 && (cpu[0] ?? 0) > 0 && cpu.every((n, i) => i === 0 || Number.isNaN(n) || n <= (cpu[i - 1] ?? Infinity));
    await t.waitFor((s) => /\sCPU↓\s/.test(podsHeader(s)) && descending(cpuColumn(s)), 20_000);
    // Still in order after the next refreshes (every 2 s), the numbers never blanked meanwhile.
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      expect(cpuColumn(t.screen())[0]).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 100));
    }
    await t.waitFor((s) => /\sCPU↓\s/.test(podsHeader(s)) && descending(cpuColumn(s)), 10_000);
  });

  it('shows CPU/MEM columns and a moving sparkline for a seeded pod, the cluster in the header, and m draws its charts', async () => {
    const { url } = await relayToPrometheus();
    const name = await seededPod();
    const t = kt(url);
    let screen = await t.waitFor((s) => /\d+m$/.test(podCells(s, name)?.CPU ?? ''), 60_000);
    const first = podCells(screen, name);
    expect(first?.MEM).toMatch(/^\d+Mi$/);
    expect(first?.['CPU TREND']).toMatch(/^[▁▂▃▄▅▆▇█]+$/);
    expect(lines(screen)[1]).toMatch(new RegExp(`cpu [▁▂▃▄▅▆▇█]+ \\d+%\\s+mem [▁▂▃▄▅▆▇█]+ \\d+%\\s+metrics: ${url.replace(/[.]/g, '\\.')}`));
    // Two refreshes later the pod's sparkline is another one.
    screen = await t.waitFor((s) => {
      const trend = podCells(s, name)?.['CPU TREND'];
      return trend !== undefined && /^[▁▂▃▄▅▆▇█]+$/.test(trend) && trend !== first?.['CPU TREND'];
    }, 30_000);

    t.press('/', ...name);
    await t.waitFor(new RegExp(`^/${name}`, 'm'), 10_000);
    t.press('Enter');
    await t.waitFor(new RegExp(`Pods\\(default\\)\\[1/\\d+\\] </${name}>`), 10_000);
    t.press('m');
    screen = await t.waitFor((s) => s.includes(`Metrics: pod default/${name} [15m]`) && /CPU {2}now \d+m/.test(s) && /MEM {2}now \d+Mi/.test(s), 30_000);
    expect(screen).toMatch(/\d+m ┼/);
    expect(screen).toMatch(/\d+Mi ┼/);
    expect(screen).toMatch(/[╭╮╯╰]|─{5,}/);
    expect(screen).toMatch(/min \d+m {2}avg \d+m {2}max \d+m/);
    t.press('2');
    await t.waitFor((s) => s.includes(`Metrics: pod default/${name} [1h]`) && /CPU {2}now \d+m/.test(s), 30_000);

    // It fits 80x24: the whole panel, with its bottom border, above the footer.
    t.resize(80, 24);
    screen = await t.waitFor((s) => /CPU {2}now/.test(s) && /^╚═+╝$/m.test(s) && /<esc> close/.test(s), 10_000);
    expect(lines(screen).filter((l) => l.startsWith('║')).length).toBeGreaterThanOrEqual(14);
    t.press('Esc');
    await afterEsc();
    await t.waitFor((s) => !s.includes('Metrics: pod') && s.includes(name), 10_000);
  });

  it('turns the columns to – with the reason in the header while Prometheus is away, and recovers by itself', async () => {
    const { relay, url } = await relayToPrometheus();
    const name = await seededPod();
    const t = kt(url);
    await t.waitFor((s) => /\d+m$/.test(podCells(s, name)?.CPU ?? ''), 60_000);

    await relay.stop();
    const down = await t.waitFor((s) => podCells(s, name)?.CPU === '–', 30_000);
    const cells = podCells(down, name);
    expect([cells?.CPU, cells?.MEM, cells?.['CPU TREND']]).toEqual(['–', '–', '–']);
    expect(cells?.STATUS).toBe('Running');
    expect(lines(down)[1]).toMatch(new RegExp(`metrics: none \\(cannot reach ${url.replace(/[.]/g, '\\.')}`));
    // The cursor on the seeded pod: other pods of default (the seed's Job) may sort before it.
    t.press('/', ...name, 'Enter');
    await t.waitFor(new RegExp(`Pods\\(default\\)\\[1/\\d+\\] </${name}>`), 10_000);
    t.press('m');
    await t.waitFor((s) => s.includes(`Metrics: pod default/${name}`) && /metrics: cannot reach/.test(s), 30_000);
    t.press('Esc');
    await afterEsc();

    await relay.start();
    const back = await t.waitFor((s) => /\d+m$/.test(podCells(s, name)?.CPU ?? ''), 30_000);
    expect(lines(back)[1]).toContain(`metrics: ${url}`);
    expect(podCells(back, name)?.MEM).toMatch(/^\d+Mi$/);
  });
});

describe(':prom in kt on the sandbox', () => {
  it('lists the configured URL and the Prometheus found through the API proxy, and switches to the one chosen', async () => {
    const { url } = await relayToPrometheus();
    const t = kt(url);
    await t.waitFor((s) => (lines(s)[1] ?? '').includes(`metrics: ${url}`), 60_000);
    t.press(':', ...'prom');
    await t.waitFor(/^:prom/m, 10_000);
    t.press('Enter');
    const list = await t.waitFor((s) => s.includes('Prometheus: enter to use') && s.includes('monitoring/prometheus-k8s:web (API proxy)'), 30_000);
    expect(list).toContain(`${url} (in use)`);
    const at = lines(list).findIndex((l) => l.includes('monitoring/prometheus-k8s:web (API proxy)'));
    const first = lines(list).findIndex((l) => l.includes(`${url} (in use)`));
    t.press(...Array.from({ length: at - first }, () => 'Down'), 'Enter');
    await t.waitFor((s) => (lines(s)[1] ?? '').includes('metrics: monitoring/prometheus-k8s:web (API proxy)') && /nginx-deployment-\S+\s+1\/1\s+Running\s+\d+\s+\S+\s+\d+m\s/.test(s), 60_000);
  });
});
