// kube-state-metrics's container restart counter for the sandbox, where the kube-state-metrics pod is
// one kwok simulates: kube_pod_container_status_restarts_total from each pod's
// status.containerStatuses[].restartCount, kept by list+watch of the API server's pods and served
// on /metrics for Prometheus. (kwok's Metric expressions cannot read container statuses.)
// node sandbox/kube-state-metrics.mjs LISTEN_HOST:PORT https://APISERVER PKI_DIR
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { request } from 'node:https';

const [listen, apiserver, pki] = process.argv.slice(2);
const at = listen?.lastIndexOf(':') ?? -1;
if (at <= 0 || !apiserver || !pki) throw new Error('usage: kube-state-metrics.mjs LISTEN_HOST:PORT https://APISERVER PKI_DIR');
const tls = { ca: readFileSync(`${pki}/ca.crt`), cert: readFileSync(`${pki}/admin.crt`), key: readFileSync(`${pki}/admin.key`) };

/** uid -> the pod's namespace, name and per-container restarts. */
const pods = new Map();

function remember(pod) {
  const { uid, namespace, name } = pod.metadata ?? {};
  if (!uid) return;
  const restarts = (pod.status?.containerStatuses ?? []).map((c) => [c.name, c.restartCount ?? 0]);
  pods.set(uid, { namespace, name, restarts });
}

/** GET with the admin certificate; resolves with the response stream. */
function get(path) {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, apiserver), { ...tls, headers: { accept: 'application/json' } }, (res) => {
      if (res.statusCode === 200) return resolve(res);
      res.resume();
      reject(new Error(`GET ${path}: HTTP ${res.statusCode}`));
    });
    req.on('error', reject);
    req.end();
  });
}

async function readAll(stream) {
  let body = '';
  for await (const chunk of stream) body += chunk;
  return JSON.parse(body);
}

/** Lists the pods, then follows the watch from there; resolves when the watch ends. */
async function listAndWatch() {
  const list = await readAll(await get('/api/v1/pods'));
  pods.clear();
  for (const pod of list.items ?? []) remember(pod);
  const watch = await get(`/api/v1/pods?watch=1&allowWatchBookmarks=true&resourceVersion=${list.metadata.resourceVersion}`);
  let buffered = '';
  for await (const chunk of watch) {
    buffered += chunk;
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (!line.trim()) continue;
      const event = JSON.parse(line);
      if (event.type === 'ERROR') return; // e.g. 410 Gone: list again
      if (event.type === 'DELETED') pods.delete(event.object?.metadata?.uid);
      else if (event.type === 'ADDED' || event.type === 'MODIFIED') remember(event.object);
    }
  }
}

async function follow() {
  for (;;) {
    await listAndWatch().catch((err) => console.error(`kube-state-metrics: ${err.message}`));
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const quote = (v) => `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

function exposition() {
  const out = [
    '# HELP kube_pod_container_status_restarts_total The number of container restarts per container.',
    '# TYPE kube_pod_container_status_restarts_total counter',
  ];
  for (const [uid, p] of pods) {
    for (const [container, n] of p.restarts) {
      out.push(`kube_pod_container_status_restarts_total{namespace=${quote(p.namespace)},pod=${quote(p.name)},uid=${quote(uid)},container=${quote(container)}} ${n}`);
    }
  }
  return `${out.join('\n')}\n`;
}

const server = createServer((req, res) => {
  if (req.url !== '/metrics') {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
  res.end(exposition());
});
server.on('error', (err) => {
  console.error(`kube-state-metrics: ${err.message}`);
  process.exit(1);
});
server.listen(Number(listen.slice(at + 1)), listen.slice(0, at), () => console.log(`kube-state-metrics: serving ${listen}/metrics`));
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
void follow();
