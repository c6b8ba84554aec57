// The recording proxy's process (request-recorder.ts starts it): an HTTPS server presenting the
// sandbox's serving certificate that passes every request on to the API server and writes its
// method and path to stdout, one JSON line each. A process of its own, so a test process busy
// reading a fast-drawing terminal cannot slow the proxy until kt sees a server that does not answer.
//   node recording-proxy.mjs PKI_DIR API_SERVER_PORT   -> "listening PORT", then {"method","path"} lines
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { join } from 'node:path';

const [pki, targetPort] = process.argv.slice(2);
if (!pki || !targetPort) {
  process.stderr.write('usage: recording-proxy.mjs PKI_DIR API_SERVER_PORT\n');
  process.exit(2);
}
const agent = new https.Agent({ keepAlive: true, ca: readFileSync(join(pki, 'ca.crt')) });
const server = https.createServer({ cert: readFileSync(join(pki, 'server.crt')), key: readFileSync(join(pki, 'server.key')) }, (req, res) => {
  const path = req.url ?? '/';
  process.stdout.write(`${JSON.stringify({ method: req.method ?? '', path })}\n`);
  const upstream = https.request({ host: '127.0.0.1', port: Number(targetPort), method: req.method, path, headers: req.headers, agent }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.destroy());
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
