// The floor for a first frame: `kubectl get pods -A` (the sandbox's own kubectl), timed from
// spawn to exit with its table read through a pipe, as a person running it would wait for it.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { kubeconfigPath, kubectlPath } from '../../test/helpers/sandbox.js';

export interface KubectlRun {
  ms: number;
  /** Pod rows printed (header excluded). */
  pods: number;
}

export function kubectlGetPods(): Promise<KubectlRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(kubectlPath(), ['--kubeconfig', kubeconfigPath, 'get', 'pods', '-A'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (code !== 0) reject(new Error(`kubectl get pods -A exited ${code}: ${err.trim()}`));
      else resolve({ ms, pods: Math.max(0, lines - 1) });
    });
  });
}

export function kubectlVersion(): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(kubectlPath(), ['version', '--client', '-o', 'json'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', () => resolve(/"gitVersion":\s*"([^"]+)"/.exec(out)?.[1] ?? 'unknown'));
  });
}
