// A GET on a new connection each time (no keep-alive), so that each request through a
// port-forward is a new forwarded connection.
import { get } from 'node:http';

export function getOnce(port: number, path = '/'): Promise<string> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve(body));
      res.on('error', reject);
    }).on('error', reject);
  });
}
