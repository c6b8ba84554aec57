// The small HTTP server that every pod's forwarded port reaches (kwok-streams.yaml.tmpl). It
// answers every request with one line naming itself and the path, so a test can tell it answered.
import { createServer } from 'node:http';

const [host, port] = (process.argv[2] ?? '').split(':');
if (!host || !Number(port)) throw new Error(`stream-http: want HOST:PORT, got "${process.argv[2]}"`);
let served = 0;
const server = createServer((req, res) => {
  served++;
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(`kt sandbox http: ${req.method} ${req.url} (request ${served})\n`);
});
server.on('error', (err) => {
  console.error(`stream-http: ${err.message}`);
  process.exit(1);
});
server.listen(Number(port), host, () => console.log(`stream-http: listening on ${host}:${port}`));
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
