// Shared by the fault tests (test/faults/) and `npm run bench -- --faults`: kubectl without blocking
// the event loop, the header states seen over time, "kt shows what kubectl shows, under `live`",
// and a one-context kubeconfig for a token or exec-plugin user through a proxy.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { KtPty } from './pty.js';
import { eventually, kubeconfigPath, kubectlPath, sandboxKubeConfig } from './sandbox.js';
import { headerState, kubectlNames, paneNames } from './screen.js';

export const PODS_PANE = /Pods\(all\)/;

/** kubectl as the sandbox's admin (or `kubeconfig`'s user), without blocking: stdout, or an error with stderr. */
export function kubectlAsync(args: readonly string[], input?: string, kubeconfig = kubeconfigPath): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(kubectlPath(), ['--kubeconfig', kubeconfig, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`kubectl ${args.join(' ')}: ${err.trim() || `exit ${code}`}`))));
    child.stdin.end(input);
  });
}

/** Creates a bare pod (kwok runs it); `metadata` adds labels or annotations. */
export async function createPod(name: string, namespace = 'default', metadata: Record<string, unknown> = {}): Promise<void> {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { ...metadata, name, namespace }, spec: { containers: [{ name: 'app', image: 'nginx:1.19.1' }] } };
  await kubectlAsync(['create', '-f', '-'], JSON.stringify(pod));
}

/** Every header state seen, sampled every 100 ms until stop(). */
export function recordHeader(pty: KtPty): { seen: string[]; stop(): void } {
  const seen: string[] = [];
  const timer = setInterval(() => {
    const state = headerState(pty.screen());
    if (state && seen.at(-1) !== state) seen.push(state);
  }, 100);
  return { seen, stop: () => clearInterval(timer) };
}

/** The header says `live`, no row is stale, and the Pods pane lists kubectl's pods (`want`). */
export function showsPods(screen: string, want: readonly string[], title: RegExp = PODS_PANE): boolean {
  return headerState(screen) === 'live' && !/stale since/.test(screen) && paneNames(screen, title).join() === want.join();
}

/** Waits until kt's Pods pane equals kubectl's under `live`; on timeout says what each showed. */
export async function convergesToKubectl(t: KtPty, timeoutMs: number, what = 'kt to show kubectl’s pods under `live`', title: RegExp = PODS_PANE): Promise<void> {
  let want: string[] = [];
  await eventually(
    async () => {
      want = await kubectlNames('pods');
      return showsPods(t.screen(), want, title);
    },
    timeoutMs,
    what,
  ).catch((err: Error) => {
    throw new Error(`${err.message}\nkubectl: ${want.join(' ')}\nscreen:\n${t.screen()}`);
  });
}

export type FaultUser = { token: string } | { exec: { command: string; args: string[] } };

/**
 * Writes a kubeconfig with one context (`faults`): the sandbox's cluster at https://127.0.0.1:<port>
 * (a proxy in front of the API server), as `user`.
 */
export function oneContextKubeconfig(path: string, port: number, user: FaultUser): string {
  const cluster = sandboxKubeConfig().getCurrentCluster();
  if (!cluster?.caData) throw new Error(`no certificate-authority-data in ${kubeconfigPath}`);
  const credentials =
    'token' in user ? { token: user.token } : { exec: { apiVersion: 'client.authentication.k8s.io/v1', interactiveMode: 'Never', ...user.exec } };
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'faults', cluster: { server: `https://127.0.0.1:${port}`, 'certificate-authority-data': cluster.caData } }],
    users: [{ name: 'faults', user: credentials }],
    contexts: [{ name: 'faults', context: { cluster: 'faults', user: 'faults' } }],
    'current-context': 'faults',
  };
  writeFileSync(path, JSON.stringify(config, null, 2), { mode: 0o600 });
  return path;
}
