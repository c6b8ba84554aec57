// The sandbox serves a kubelet's streams through the API server, as a real cluster does (kwok's
// Logs, Attach, Exec and PortForward; sandbox/streams.sh): kubectl logs -f, --previous, attach,
// exec -it and port-forward, each proved with the sandbox's own kubectl before kt relies on them.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn as spawnPty } from '@lydell/node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criLine, restartContainer, writeBurst } from '../../sandbox/log-driver.js';
import { createKubeClient } from '../../src/kube/client.js';
import { eventually, kubeconfigPath, kubectlPath, sandboxKubeConfig, stateDir } from '../helpers/sandbox.js';
import { createTalker } from '../helpers/talker-pod.js';

const client = createKubeClient(sandboxKubeConfig());
const NS = `kt-streams-${Math.random().toString(36).slice(2, 8)}`;
const POD = { namespace: NS, name: 'talker' };
const children: ChildProcess[] = [];

/** Runs kubectl in the background; `out()` is what it printed so far. */
function kubectl(...args: string[]) {
  const child = spawn(kubectlPath(), ['--kubeconfig', kubeconfigPath, '-n', NS, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return { child, out: () => out };
}

async function finished(args: string[]): Promise<string> {
  const run = kubectl(...args);
  const code = await new Promise<number | null>((resolve) => run.child.on('exit', resolve));
  if (code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${code}: ${run.out()}`);
  return run.out();
}

beforeAll(async () => {
  await createTalker(client, NS);
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill();
  await client.request('DELETE', `/api/v1/namespaces/${NS}`).catch(() => undefined);
  client.close();
});

describe('the sandbox streams through the API server', () => {
  it('kubectl logs -f follows a burst of 5,000 lines appended to the container log', async () => {
    await writeBurst(stateDir, POD, 'app', 3, 1000, 'before');
    const follow = kubectl('logs', '-f', '--tail=2', POD.name, '-c', 'app');
    await eventually(async () => follow.out().includes('before 3'), 30_000, 'the tail');
    expect(follow.out()).not.toContain('before 1');
    await writeBurst(stateDir, POD, 'app', 5000, 5000, 'burst');
    await eventually(async () => follow.out().includes('burst 5000\n'), 30_000, 'the last line of the burst');
    const lines = follow.out().trim().split('\n');
    expect(lines).toHaveLength(2 + 5000);
    expect(lines.slice(0, 3)).toEqual(['before 2', 'before 3', 'burst 1']);
    expect(follow.child.exitCode).toBeNull(); // still following
    // Each container reads its own file: the sidecar did not get the app's lines.
    expect(await finished(['logs', POD.name, '-c', 'sidecar'])).toBe('');
  });

  it('kubectl logs --previous shows the log of the container before its restart', async () => {
    await writeBurst(stateDir, POD, 'sidecar', 2, 1000, 'first run');
    expect(await restartContainer(client, stateDir, POD, 'sidecar')).toBe(1);
    await writeBurst(stateDir, POD, 'sidecar', 1, 1000, 'second run');
    expect(await finished(['logs', '--previous', POD.name, '-c', 'sidecar'])).toBe('first run 1\nfirst run 2\n');
    expect(await finished(['logs', POD.name, '-c', 'sidecar'])).toBe('second run 1\n');
    const timestamped = await finished(['logs', '--timestamps', POD.name, '-c', 'sidecar']);
    expect(timestamped).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z second run 1\n$/);
    const restarts = await finished(['get', 'pod', POD.name, '-o', 'jsonpath={.status.containerStatuses[?(@.name=="sidecar")].restartCount}']);
    expect(restarts).toBe('1');
  });

  it('kubectl attach streams what the container writes from now on', async () => {
    const attach = kubectl('attach', POD.name, '-c', 'app');
    // kwok attaches to the cluster-wide log (kwok-streams.yaml.tmpl) from its end: append to it until a line shows.
    const line = `attached ${NS}`;
    await eventually(async () => {
      appendFileSync(join(stateDir, 'streams', 'logs', 'cluster.log'), criLine(line));
      return attach.out().includes(line);
    }, 30_000, 'the attached line');
    expect(attach.out()).not.toContain('kt sandbox: a container log'); // the file's older lines are not replayed
  });

  it('kubectl exec -it runs a real shell in a scratch directory', async () => {
    const term = spawnPty(kubectlPath(), ['--kubeconfig', kubeconfigPath, '-n', NS, 'exec', '-it', POD.name, '-c', 'app', '--', 'sh'], {
      cols: 100,
      rows: 30,
      env: { ...process.env, TERM: 'xterm' },
    });
    let out = '';
    term.onData((d) => (out += d));
    const exited = new Promise<number>((resolve) => term.onExit((e) => resolve(e.exitCode)));
    const marker = `kt-${NS}`;
    term.write(`echo "$KT_SANDBOX_EXEC:$(pwd)" > ${marker}; echo answer $((6 * 7))\r`);
    await eventually(async () => out.includes('answer 42'), 30_000, 'the shell to answer');
    term.write('exit\r');
    // kwok reports a non-zero exit as an internal error (kubectl exits 1), not as the shell's code.
    expect(await exited).toBe(0);
    const written = join(stateDir, 'streams', 'scratch', marker);
    expect(existsSync(written)).toBe(true);
    expect(readFileSync(written, 'utf8')).toBe(`1:${join(stateDir, 'streams', 'scratch')}\n`);
  });

  it('kubectl port-forward reaches the sandbox HTTP server on loopback', async () => {
    const forward = kubectl('port-forward', `pod/${POD.name}`, ':80');
    const port = await eventually(async () => /Forwarding from 127\.0\.0\.1:(\d+) -> 80/.exec(forward.out())?.[1], 30_000, 'the local port');
    const text = await eventually(async () => {
      const res = await fetch(`http://127.0.0.1:${port}/hello`);
      return res.ok && (await res.text());
    }, 30_000, 'an answer');
    expect(text).toMatch(/^kt sandbox http: GET \/hello \(request \d+\)\n$/);
  });
});
