import { describe, expect, it } from 'vitest';
import { services } from '../../../src/render/services.js';
import { byName, loadItems, renderNamed } from './fixture.js';

const items = loadItems('services.json');
const svc = (name: string, wide?: boolean) => renderNamed(services, byName(items, name), { wide });

describe('services', () => {
  it('have kubectl columns', () => {
    expect(services.columns.map((c) => c.name)).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', 'SELECTOR']);
    expect(services.columns.filter((c) => c.wide).map((c) => c.name)).toEqual(['SELECTOR']);
  });

  it.each([
    ['kubernetes', ['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '60m', '<none>']],
    ['web', ['web', 'NodePort', '10.96.12.34', '<none>', '80:30080/TCP,53:30053/UDP', '60m', 'app=web,tier=fe']],
    ['lb-pending', ['lb-pending', 'LoadBalancer', '10.96.1.1', '<pending>', '80:31000/TCP', '60m', 'app=lb']],
    ['lb-ready', ['lb-ready', 'LoadBalancer', '10.96.1.2', '203.0.113.10,203.0.113.20,lb.example.com', '443:31443/TCP', '60m', 'app=lb']],
    ['lb-with-external', ['lb-with-external', 'LoadBalancer', '10.96.1.3', '203.0.113.30,198.51.100.1', '80:31001/TCP', '60m', '<none>']],
    ['headless', ['headless', 'ClusterIP', 'None', '<none>', '5432/TCP', '60m', 'app=db']],
    ['external', ['external', 'ExternalName', '<none>', 'db.example.com', '<none>', '60m', '<none>']],
    ['with-external-ips', ['with-external-ips', 'ClusterIP', '10.96.2.2', '198.51.100.2,198.51.100.3', '8080/SCTP', '60m', '<none>']],
  ])('%s', (name, cells) => {
    expect(svc(name).row.cells).toEqual(cells);
  });

  it('cut the load-balancer list to 16 characters without -o wide, as kubectl does', () => {
    expect(svc('lb-ready', false).cell['EXTERNAL-IP']).toBe('203.0.113.10,...');
    expect(svc('lb-ready', true).cell['EXTERNAL-IP']).toBe('203.0.113.10,203.0.113.20,lb.example.com');
  });

  it('flag a pending load balancer and sort by TYPE', () => {
    expect(svc('lb-pending').row.health).toBe('warn');
    expect(svc('web').row).toMatchObject({ health: 'ok', key: 'default/web', sort: { status: 'NodePort' } });
  });
});
