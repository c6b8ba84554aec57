// Brings the sandbox up for the end-to-end project (reusing a running one), and stops it
// afterwards only if this run started it. KT_SANDBOX_KEEP=1 leaves it running.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, stateDir } from '../helpers/sandbox.js';

function running(): boolean {
  return existsSync(join(stateDir, 'pids', 'kube-apiserver.pid'));
}

export default function setup(): () => void {
  const wasRunning = running();
  const up = spawnSync('bash', [join(repoRoot, 'sandbox', 'up.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (up.status !== 0) throw new Error(`sandbox/up.sh failed with exit code ${up.status}`);
  return () => {
    if (wasRunning || process.env.KT_SANDBOX_KEEP === '1') return;
    execFileSync('bash', [join(repoRoot, 'sandbox', 'down.sh')], { stdio: 'inherit' });
  };
}
