// The built binary's edges, no cluster needed: flags, help, version, refusing a non-terminal,
// one-line kubeconfig errors, and a terminal left usable after every way out.
// Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { enteredAltScreen, expectTerminalRestored, ktBin, repoRoot, spawnKt, type KtPty } from '../helpers/pty.js';

const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const commit = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).stdout.trim();
/** The build's version line: the commit the bundle was built from (dirty or not), the Node that runs it. */
const versionLine = new RegExp(`^kt ${version.replace(/\./g, '\\.')} \\(commit ${commit}(-dirty)?, node ${process.versions.node}, linux/(amd64|arm64)\\)$`);
const tmp = mkdtempSync(join(tmpdir(), 'kt-cli-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const running: KtPty[] = [];
afterEach(async () => {
  for (const pty of running.splice(0)) await pty.dispose();
});

function kt(args: string[], options: Parameters<typeof spawnKt>[1] = {}): KtPty {
  const pty = spawnKt(args, { cols: 200, rows: 30, ...options });
  running.push(pty);
  return pty;
}

function piped(args: string[]) {
  const env = { ...process.env };
  delete env.CI;
  return spawnSync(process.execPath, [ktBin, ...args], { cwd: repoRoot, encoding: 'utf8', env, timeout: 20_000 });
}

/** The text lines kt printed, escape sequences removed. */
function printedLines(raw: string): string[] {
  return raw
    .replace(/\x1b\[[0-9;?<>=]*[A-Za-z]/g, '') // eslint-disable-line no-control-regex
    .split(/\r?\n/)
    .map((line) => line.replace(/\r/g, '').trim())
    .filter((line) => line !== '');
}

function kubeconfig(name: string, server: string, contexts = ['alpha', 'beta']): string {
  const path = join(tmp, name);
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c1', cluster: { server, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'u1', user: { token: 'not-a-real-token' } }],
    contexts: contexts.map((ctx) => ({ name: ctx, context: { cluster: 'c1', user: 'u1', namespace: 'default' } })),
    'current-context': contexts[0],
  };
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return path;
}

describe('kt without a terminal', () => {
  it('prints its version', () => {
    const res = piped(['--version']);
    expect(res.status).toBe(0);
    expect(res.stdout.trimEnd()).toMatch(versionLine);
    expect(res.stdout.endsWith('\n')).toBe(true);
    expect(res.stderr).toBe('');
  });

  it('runs through its own first lines from npm\'s bin link, giving node its young-generation flag', () => {
    const link = join(tmp, 'kt');
    symlinkSync(ktBin, link);
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent('process.stderr.write(JSON.stringify(process.execArgv))')}` };
    delete env.CI;
    const run = spawnSync(link, ['--version'], { cwd: tmp, encoding: 'utf8', env, timeout: 20_000 });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(versionLine);
    expect(JSON.parse(run.stderr) as string[]).toContain('--max-semi-space-size=8');
  });

  it('prints help', () => {
    const res = piped(['--help']);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^kt - /);
    expect(res.stdout).toContain('Usage:');
    expect(res.stdout).toContain('--kubeconfig');
    expect(res.stdout).toContain('NO_COLOR');
    expect(piped(['-h']).stdout).toBe(res.stdout);
  });

  it('rejects an unknown flag with one line and exit 1', () => {
    const res = piped(['--foo']);
    expect(res.status).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe('kt: unknown flag "--foo" (see kt --help)\n');
  });

  it('refuses to run when stdout is not a terminal', () => {
    const res = piped([]);
    expect(res.status).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe('kt: stdout is not a terminal; run kt in an interactive terminal (for scripts use kubectl)\n');
  });
});

describe('kt in a terminal, without a cluster', () => {
  it('reports a missing kubeconfig in one line and exits 1', async () => {
    const pty = kt(['--kubeconfig', '/nonexistent/kubeconfig']);
    const { exitCode } = await pty.exit;
    expect(exitCode).toBe(1);
    const lines = printedLines(pty.rawOutput());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^kt: .*\/nonexistent\/kubeconfig/);
    expect(pty.rawOutput()).not.toMatch(/\n\s+at /);
    expectTerminalRestored(pty.rawOutput());
  });

  it('names the file and the contexts there are when --context is wrong', async () => {
    const path = kubeconfig('two-contexts.yaml', 'https://127.0.0.1:1');
    const pty = kt(['--kubeconfig', path, '--context', 'nope']);
    const { exitCode } = await pty.exit;
    expect(exitCode).toBe(1);
    const lines = printedLines(pty.rawOutput());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^kt: .*nope/);
    expect(lines[0]).toContain(path);
    expect(lines[0]).toContain('alpha');
    expect(lines[0]).toContain('beta');
    expectTerminalRestored(pty.rawOutput());
  });

  it('reports a malformed kubeconfig in one line', async () => {
    const path = join(tmp, 'malformed.yaml');
    writeFileSync(path, 'apiVersion: v1\nclusters: [\n  - {name: x\n');
    const pty = kt(['--kubeconfig', path]);
    const { exitCode } = await pty.exit;
    expect(exitCode).toBe(1);
    const lines = printedLines(pty.rawOutput());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^kt: .*malformed\.yaml/);
    expect(pty.rawOutput()).not.toMatch(/\n\s+at /);
    expectTerminalRestored(pty.rawOutput());
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('restores the terminal on %s while reconnecting to an unreachable server', async (signal, code) => {
    const path = kubeconfig(`unreachable-${signal}.yaml`, 'https://127.0.0.1:1');
    const pty = kt(['--kubeconfig', path], { cols: 120, rows: 30 });
    await pty.waitFor(/reconnecting/i, 20_000);
    expect(enteredAltScreen(pty.rawOutput())).toBe(true);
    pty.kill(signal);
    const { exitCode } = await pty.exit;
    expect(exitCode).toBe(code);
    expectTerminalRestored(pty.rawOutput());
    expect(pty.rawOutput()).not.toMatch(/\n\s+at /);
  });

  it('warns once about a corrupt config file, before the UI, and leaves the file alone', async () => {
    const configDir = mkdtempSync(join(tmp, 'config-'));
    const configFile = join(configDir, 'config.json');
    writeFileSync(configFile, '{"contexts": {');
    const path = kubeconfig('for-corrupt-config.yaml', 'https://127.0.0.1:1');
    const pty = kt(['--kubeconfig', path], { env: { KT_CONFIG_DIR: configDir } });
    await pty.waitFor(/reconnecting/i, 20_000);
    pty.kill('SIGTERM');
    await pty.exit;
    const raw = pty.rawOutput();
    const warning = `kt: ignoring corrupt config ${configFile}: `;
    expect(raw.split(warning)).toHaveLength(2);
    expect(raw.indexOf(warning)).toBeLessThan(raw.indexOf('\x1b[?1049h'));
    expect(readFileSync(configFile, 'utf8')).toBe('{"contexts": {');
    expectTerminalRestored(raw);
  });
});
