// An HTTPS proxy in front of the sandbox's API server that records the method and path of every
// request before passing it on, so a test can say what kt sent (no write from `--readonly`, no
// DELETE after a dialog was cut short). It presents the sandbox's own serving certificate and
// passes the bearer token through: point a token user's kubeconfig at it (oneContextKubeconfig).
// The proxy runs in its own process (recording-proxy.mjs); this side collects its lines.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { apiServerPort, stateDir } from './sandbox.js';

export interface RecordedRequest {
  method: string;
  path: string;
}

/** Requests that change nothing on the server although they are not GETs: access reviews. */
const REVIEW = /^\/apis\/authorization\.k8s\.io\/v1\/selfsubject(access|rules)reviews(\?|$)/;
const PROXY = fileURLToPath(new URL('./recording-proxy.mjs', import.meta.url));

export class RequestRecorder {
  readonly requests: RecordedRequest[] = [];
  private child?: ChildProcess;
  private closed?: Promise<void>;

  /** Every recorded request that could change something: not a GET, not an access review. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && !(r.method === 'POST' && REVIEW.test(r.path)));
  }

  /** Starts the proxy; resolves with its port. */
  async start(): Promise<number> {
    const child = spawn(process.execPath, [PROXY, join(stateDir, 'pki'), String(apiServerPort())], { stdio: ['ignore', 'pipe', 'inherit'] });
    this.child = child;
    const lines = createInterface({ input: child.stdout! });
    this.closed = new Promise((resolve) => lines.once('close', resolve));
    return new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the recording proxy exited (${code}) before it listened`)));
      lines.on('line', (line) => {
        const listening = /^listening (\d+)$/.exec(line);
        if (listening) return resolve(Number(listening[1]));
        this.requests.push(JSON.parse(line) as RecordedRequest);
      });
    });
  }

  /** Stops the proxy, once every line it wrote has been read. */
  async stop(): Promise<void> {
    this.child?.kill('SIGTERM');
    await this.closed;
  }
}
