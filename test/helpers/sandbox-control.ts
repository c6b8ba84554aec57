// Stopping and starting the sandbox (or one of its components) from a test, without blocking the
// event loop (a kt under test keeps drawing into its pseudo-terminal meanwhile).
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubectlAsync } from './faults.js';
import { eventually, repoRoot, sandboxBinDir, stateDir } from './sandbox.js';

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

/** Stops or starts the sandbox's Prometheus alone (sandbox/prometheus.sh; start returns once it is ready). */
export function prometheusCtl(verb: 'start' | 'stop'): Promise<void> {
  return run([join(repoRoot, 'sandbox', 'prometheus.sh'), verb]);
}

/** Resolves once the API server's /readyz says ok (after a restart). */
export async function apiServerReady(timeoutMs = 120_000): Promise<void> {
  await eventually(async () => (await kubectlAsync(['get', '--raw', '/readyz'])).trim() === 'ok', timeoutMs, 'the API server to be ready');
}

/**
 * Stops one sandbox component as down.sh does (SIGTERM to its process group, SIGKILL after 5 s)
 * and returns a function that starts it again with the same command line, as up.sh did.
 */
export async function stopComponent(name: string): Promise<() => Promise<void>> {
  const pidFile = join(stateDir, 'pids', `${name}.pid`);
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  const cwd = readlinkSync(`/proc/${pid}/cwd`);
  signalGroup(pid, 'SIGTERM');
  const end = Date.now() + 5_000;
  while (alive(pid) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) signalGroup(pid, 'SIGKILL');
  return async () => {
    const log = openSync(join(stateDir, 'logs', `${name}.log`), 'a');
    const child = spawn(argv[0] as string, argv.slice(1), { cwd, detached: true, stdio: ['ignore', log, log] });
    child.unref();
    closeSync(log);
    writeFileSync(pidFile, `${child.pid}\n`);
  };
}

/** Compacts the sandbox's etcd at its current revision (etcdctl) and returns that revision. */
export async function compactEtcd(): Promise<number> {
  const endpoints = `--endpoints=http://127.0.0.1:${process.env.KT_ETCD_PORT ?? '2379'}`;
  const status = JSON.parse(await etcdctl([endpoints, 'endpoint', 'status', '-w', 'json'])) as { Status: { header: { revision: number } } }[];
  const revision = status[0]?.Status.header.revision;
  if (!revision) throw new Error('etcdctl endpoint status gave no revision');
  await etcdctl([endpoints, 'compact', String(revision)]);
  return revision;
}

function etcdctl(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(sandboxBinDir(), 'etcdctl'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`etcdctl ${args.join(' ')}: ${err.trim() || code}`))));
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
