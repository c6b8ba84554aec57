// Stopping and starting the sandbox (or one of its components) from a test, without blocking the
// event loop (a kt under test keeps drawing into its pseudo-terminal meanwhile).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './sandbox.js';

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', args, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bash ${args.join(' ')} exited with ${code}`))));
  });
}

/** sandbox/down.sh then sandbox/up.sh: the same kubeconfig, a new cluster (etcd starts empty). */
export async function recreateSandbox(): Promise<void> {
  await run([join(repoRoot, 'sandbox', 'down.sh')]);
  await run([join(repoRoot, 'sandbox', 'up.sh')]);
}
