// A TCP relay: LISTEN_HOST:PORT -> TARGET_HOST:PORT. Debian's Prometheus 2.42 listens on one
// address only (127.0.0.1:9090, which tests and notes use); this makes it reachable on the
// prometheus-k8s-0 pod's address too, which the API server's service proxy dials.
import { connect, createServer } from 'node:net';

const [listen, target] = process.argv.slice(2);
const split = (hostPort) => {
  const i = hostPort?.lastIndexOf(':') ?? -1;
  if (i <= 0) throw new Error(`prom-relay: want HOST:PORT, got "${hostPort}"`);
  return { host: hostPort.slice(0, i), port: Number(hostPort.slice(i + 1)) };
};
const from = split(listen);
const to = split(target);

const server = createServer((client) => {
  const upstream = connect(to.port, to.host);
  client.on('error', () => upstream.destroy());
  upstream.on('error', () => client.destroy());
  client.pipe(upstream).pipe(client);
});
server.on('error', (err) => {
  console.error(`prom-relay: ${err.message}`);
  process.exit(1);
});
server.listen(from.port, from.host, () => console.log(`prom-relay: ${listen} -> ${target}`));
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
