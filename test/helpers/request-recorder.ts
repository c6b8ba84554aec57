// An HTTPS proxy in front of the sandbox's API server that records the method and path of every
// request before passing it on, so a test can say what kt sent (no write from `--readonly`, no
// DELETE after a dialog was cut short). It presents the sandbox's own serving certificate and
// passes the bearer token through: point a token user's kubeconfig at it (oneContextKubeconfig).
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { join } from 'node:path';
import { apiServerPort, stateDir } from './sandbox.js';

export interface RecordedRequest {
  method: string;
  path: string;
}

/** Requests that change nothing on the server although they are not GETs: access reviews. */
const REVIEW = /^\/apis\/authorization\.k8s\.io\/v1\/selfsubject(access|rules)reviews(\?|$)/;

export class RequestRecorder {
  readonly requests: RecordedRequest[] = [];
  private server?: https.Server;
  private readonly agent: https.Agent;

  constructor() {
    this.agent = new https.Agent({ keepAlive: true, ca: readFileSync(join(stateDir, 'pki', 'ca.crt')) });
  }

  /** Every recorded request that could change something: not a GET, not an access review. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && !(r.method === 'POST' && REVIEW.test(r.path)));
  }

  async start(): Promise<number> {
    const pki = join(stateDir, 'pki');
    const target = apiServerPort();
    const server = https.createServer({ cert: readFileSync(join(pki, 'server.crt')), key: readFileSync(join(pki, 'server.key')) }, (req, res) => {
      const path = req.url ?? '/';
      this.requests.push({ method: req.method ?? '', path });
      const upstream = https.request({ host: '127.0.0.1', port: target, method: req.method, path, headers: req.headers, agent: this.agent }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      res.on('close', () => upstream.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    return (server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.agent.destroy();
  }
}
