// No mutation reaches the cluster unless the user confirmed it. kt talks to the API server through
// a recording proxy (test/helpers/request-recorder.ts), so these tests see every request it sent:
// SIGHUP (the terminal closed) while a delete dialog is open sends no DELETE, and 10,000 random keys
// under `--readonly` send no write at all, while kt stays alive and answers keys.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { convergesToKubectl, createPod, kubectlAsync, oneContextKubeconfig, PODS_PANE } from '../helpers/faults.js';
import { expectTerminalRestored, KEYS, spawnKt, type KtPty } from '../helpers/pty.js';
import { RequestRecorder } from '../helpers/request-recorder.js';
import { eventually, stateDir } from '../helpers/sandbox.js';
import { paneNames } from '../helpers/screen.js';

const tmp = mkdtempSync(join(tmpdir(), 'kt-no-write-'));
const recorder = new RequestRecorder();
const VICTIM = 'kt-hup-victim';
let kubeconfig = '';
let t: KtPty | undefined;

beforeAll(async () => {
  const port = await recorder.start();
  const token = readFileSync(join(stateDir, 'pki', 'admin.token'), 'utf8').trim();
  kubeconfig = oneContextKubeconfig(join(tmp, 'kubeconfig'), port, { token });
  await createPod(VICTIM);
});
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});
afterAll(async () => {
  await recorder.stop();
  await kubectlAsync(['delete', 'pod', '-n', 'default', VICTIM, '--wait=false', '--ignore-not-found']);
  rmSync(tmp, { recursive: true, force: true });
});

/** 0..1 from a seed, the same sequence every run (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Keys a user could press, quitting aside (q, Ctrl-C): letters, digits, punctuation, navigation,
 * Enter, Tab, Space, Backspace, Ctrl-D/B/F/\; Esc is rarer (a lone Esc makes the typist pause).
 */
/** The focused pane when it shows all pods: the one with the double border. */
const FOCUSED_PODS = /╔═ Pods\(all\)/;

const ALPHABET = [
  ...'abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ0123456789/:?=+-!&*., ',
  ...(['Enter', 'Tab', 'Shift-Tab', 'Up', 'Down', 'Left', 'Right', 'Home', 'End', 'PgUp', 'PgDn', 'Backspace', 'Delete', 'Ctrl-D'] as const).map((k) => KEYS[k]),
  '\x02', // Ctrl-B
  '\x06', // Ctrl-F
  '\x1c', // Ctrl-\
];

describe('no write without a confirmation', () => {
  it('SIGHUP while a delete dialog is open: kt exits, restores the terminal, and sends no DELETE', async () => {
    t = spawnKt(['--kubeconfig', kubeconfig, '-A'], { cols: 200, rows: 50 });
    await convergesToKubectl(t, 30_000);
    t.press('/', ...VICTIM, 'Enter');
    await t.waitFor((s) => paneNames(s, PODS_PANE).join() === `default/${VICTIM}`, 10_000);
    t.press('Ctrl-D');
    await t.waitFor(`Delete pod/${VICTIM}?`, 10_000);
    t.kill('SIGHUP');
    const exit = await t.exit;
    expect(exit.exitCode !== 0 || exit.signal !== undefined).toBe(true);
    expectTerminalRestored(t.rawOutput());
    expect(recorder.requests.length).toBeGreaterThan(0);
    expect(recorder.writes()).toEqual([]);
    const pod = JSON.parse(await kubectlAsync(['get', 'pod', '-n', 'default', VICTIM, '-o', 'json'])) as { metadata: { deletionTimestamp?: string } };
    expect(pod.metadata.deletionTimestamp).toBeUndefined();
  }, 90_000);

  it('10,000 random keys under --readonly: no write reaches the server, and kt still answers keys', async () => {
    t = spawnKt(['--kubeconfig', kubeconfig, '-A', '--readonly'], {
      cols: 160,
      rows: 50,
      cwd: tmp, // `:w PATH` writes here
      env: { EDITOR: 'true', KUBE_EDITOR: 'true' },
    });
    await convergesToKubectl(t, 30_000);
    const seed = Number(process.env.KT_FAULTS_SEED ?? 385036); // another seed: KT_FAULTS_SEED=n
    const random = seeded(seed);
    const pick = () => (random() < 0.01 ? KEYS.Esc : (ALPHABET[Math.floor(random() * ALPHABET.length)] as string));
    for (let sent = 0; sent < 10_000; sent += 50) {
      t.press(...Array.from({ length: 50 }, pick));
      await new Promise((r) => setTimeout(r, 10)); // a fast typist, not one write
    }
    // Back to a known place, however deep the keys went (views, prompts, drill-downs): close what
    // is open, all namespaces, the pods in the focused pane (its border is double: the keys may
    // have left another pane filtered or drilled); again until it shows kubectl's pods.
    const home = async () => {
      t!.press('Esc', 'Esc', 'Esc', 'Esc', '0', ':', ...'pods', 'Enter');
      return convergesToKubectl(t!, 5_000, undefined, FOCUSED_PODS).then(() => true, () => false);
    };
    await eventually(home, 120_000, `kt to answer keys again after the random ones (KT_FAULTS_SEED=${seed})`).catch((err: Error) => {
      throw new Error(`${err.message}\n${t!.screen()}`);
    });
    expect(recorder.writes(), `KT_FAULTS_SEED=${seed}`).toEqual([]);
  }, 240_000);
});
