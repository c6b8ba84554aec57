// Objects that stretch kt's parsing and drawing: pods carrying about 1 MB of annotations between
// them (the API server allows 256 KiB per object), and text that is non-ASCII, wide (CJK) or emoji.
// Names and label values must be DNS-1123 / ASCII, so the wide text goes where the API allows it: a
// Widget's COLOR printer column (a string in its spec) and annotations. kt stays alive, its panes
// match kubectl, and the columns after the wide text stay aligned.
import { afterAll, beforeAll, afterEach, describe, expect, it } from 'vitest';
import { cellWidth } from '../../src/text/cell-width.js';
import { convergesToKubectl, createPod, kubectlAsync } from '../helpers/faults.js';
import { spawnKt, type KtPty } from '../helpers/pty.js';
import { eventually, kubeconfigPath } from '../helpers/sandbox.js';
import { headerState, kubectlNames, pane, paneNames } from '../helpers/screen.js';

const NS = 'kt-faults-odd';
const BIG = 250_000; // characters of one annotation value; four pods carry 1 MB
const COLORS: Record<string, string> = {
  'kt-wide-cjk': '赤と青の色',
  'kt-wide-emoji': '🔥🔥 hot',
  'kt-wide-latin': 'grün-ü-é',
  'kt-wide-ascii': 'blue',
};
let t: KtPty | undefined;

beforeAll(async () => {
  await kubectlAsync(['create', 'namespace', NS]);
  for (let i = 0; i < 4; i++) {
    await createPod(`kt-big-${i}`, NS, { annotations: { 'kt.dev/big': `${i}`.repeat(BIG), 'kt.dev/note': '日本語 🚀 Ünïcödé' } });
  }
  for (const [name, color] of Object.entries(COLORS)) {
    const widget = { apiVersion: 'demo.kt.dev/v1', kind: 'Widget', metadata: { name, namespace: NS, annotations: { 'kt.dev/note': color } }, spec: { replicas: 1, color } };
    await kubectlAsync(['create', '-f', '-'], JSON.stringify(widget));
  }
}, 120_000);
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});
afterAll(async () => {
  await kubectlAsync(['delete', 'namespace', NS, '--wait=false', '--ignore-not-found']);
});

describe('odd objects', () => {
  it('pods with 1 MB of annotations: listed, watched, described and deleted like any other', async () => {
    t = spawnKt(['--kubeconfig', kubeconfigPath, '-A'], { cols: 200, rows: 60 });
    await convergesToKubectl(t, 60_000);
    t.press('/', ...'kt-big-0', 'Enter');
    await t.waitFor((s) => paneNames(s, /Pods\(all\)/).join() === `${NS}/kt-big-0`, 10_000);
    t.press('d');
    // kubectl describe's own layout: a long value on the next line, cut short with "...".
    await t.waitFor(/kt\.dev\/big:[\s║]*\n║?\s+0{100,}\.\.\./, 20_000);
    await t.waitFor(/kt\.dev\/note: 日本語 🚀 Ünïcödé +║/, 5_000);
    t.press('Esc', 'Esc');
    // A 250 KB watch event: the pod's deletion.
    await kubectlAsync(['delete', 'pod', '-n', NS, 'kt-big-1', '--wait=false']);
    await convergesToKubectl(t, 30_000);
  }, 120_000);

  it('CJK, emoji and accented text in a column: shown whole, the columns after it aligned', async () => {
    t = spawnKt(['--kubeconfig', kubeconfigPath, '-n', NS], { cols: 160, rows: 40 });
    await t.waitFor((s) => headerState(s) === 'live' && /Pods\(kt-faults-odd\)\[\d+\]/.test(s), 30_000);
    // Widgets are known once discovery has answered (a few seconds after the first frame).
    await eventually(
      async () => {
        t!.press(':', ...'widgets', 'Enter');
        await t!.waitFor(/Widgets\(kt-faults-odd\)/, 3_000).catch(() => t!.press('Esc'));
        return /Widgets\(kt-faults-odd\)/.test(t!.screen());
      },
      30_000,
      'the Widgets pane',
    );
    const want = await kubectlNames('widgets', ['-n', NS]);
    const screen = await t
      .waitFor((s) => paneNames(s, /Widgets/).join() === want.join(), 30_000)
      .catch((err: Error) => Promise.reject(new Error(`kubectl: ${want.join()}; kt: ${paneNames(t!.screen(), /Widgets/).join()}\n${err.message}`)));
    const lines = pane(screen, /Widgets/).split('\n');
    const head = lines.find((l) => /\bCOLOR\b/.test(l)) ?? '';
    const rows = Object.keys(COLORS).map((name) => lines.find((l) => l.includes(` ${name} `)) ?? '');
    Object.entries(COLORS).forEach(([name, color], i) => expect(rows[i], name).toContain(color));
    // Every line of the pane is as wide as the pane (its right border in place), and the AGE
    // column starts at the same cell in each.
    const widths = new Set([head, ...rows].map((l) => cellWidth(l.trimEnd())));
    expect(widths.size, [head, ...rows].join('\n')).toBe(1);
    // AGE is the column after COLOR: its value starts (or, right-aligned, ends) where its header does.
    const ageStart = cellWidth(head.slice(0, head.indexOf('AGE')));
    rows.forEach((r, i) => {
      const color = Object.values(COLORS)[i] as string;
      const after = r.indexOf(color) + color.length;
      const age = /\S+/.exec(r.slice(after));
      const start = cellWidth(r.slice(0, after + (age?.index ?? 0)));
      expect(start === ageStart || start + (age?.[0].length ?? 0) === ageStart + 3, `${r}\n${head}`).toBe(true);
    });
  }, 120_000);
});
