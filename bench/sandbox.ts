// The sandbox as the benchmarks grow and read it: `npm run sandbox:scale`, and its own kubectl.
import { execFileSync } from 'node:child_process';
import { repoRoot } from '../test/helpers/pty.js';
import { kubeconfigPath, kubectlPath } from '../test/helpers/sandbox.js';

/** Grows (or shrinks, with 0 0) the sandbox to `nodes` extra kwok nodes and `pods` Running pods. */
export function scaleSandbox(nodes: number, pods: number): void {
  execFileSync('npm', ['run', '--silent', 'sandbox:scale', '--', '--nodes', String(nodes), '--pods', String(pods)], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
}

/** The sandbox's kubectl; its standard output (a failure throws with kubectl's error). */
export function sandboxKubectl(args: string[]): string {
  return execFileSync(kubectlPath(), ['--kubeconfig', kubeconfigPath, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 << 20 });
}

/** How many objects `kubectl get ARGS -o name` lists. */
export function countObjects(args: string[]): number {
  return sandboxKubectl(['get', ...args, '-o', 'name']).split('\n').filter(Boolean).length;
}
