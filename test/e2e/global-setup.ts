// Brings the sandbox up for the end-to-end project (reusing a running one), and stops it
// afterwards only if this run started it. KT_SANDBOX_KEEP=1 leaves it running.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, stateDir } from '../helpers/sandbox.js';

function running(): boolean {
  return existsSync(join(stateDir, 'pids', 'kube-apiserver.pid'));
}

export default function setup(): () => Promise<void> {
  const wasRunning = running();
  const up = spawnSync('bash', [join(repoRoot, 'sandbox', 'up.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (up.status !== 0) throw new Error(`sandbox/up.sh failed with exit code ${up.status}`);
  // Stopped without blocking: a synchronous down.sh (~15 s) froze vitest's main process while it
  // was ending its test workers, which then reported "Timeout terminating forks worker".
  return () => {
    if (wasRunning || process.env.KT_SANDBOX_KEEP === '1') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const down = spawn('bash', [join(repoRoot, 'sandbox', 'down.sh')], { stdio: 'inherit' });
      down.on('error', reject);
      down.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`sandbox/down.sh failed with exit code ${code}`))));
    });
  };
}
