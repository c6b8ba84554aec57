import { describe, expect, it } from 'vitest';
import { columnsFor } from '../../../src/render/columns.js';
import { nodes } from '../../../src/render/nodes.js';
import { byName, loadItems, NOW, renderNamed } from './fixture.js';

const items = loadItems('nodes.json');
const node = (name: string, podCountByNode?: ReadonlyMap<string, number>) => renderNamed(nodes, byName(items, name), { podCountByNode });

describe('nodes', () => {
  it('have kubectl get nodes -o wide columns, then kt-only TAINTS and PODS', () => {
    const cols = nodes.columns;
    expect(cols.filter((c) => !c.ktOnly).map((c) => c.name)).toEqual([
      'NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', 'INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME',
    ]);
    expect(cols.filter((c) => c.wide).map((c) => c.name)).toEqual(['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME']);
    expect(cols.slice(-2).map((c) => [c.name, c.ktOnly])).toEqual([['TAINTS', true], ['PODS', true]]);
  });

  it('never get a NAMESPACE column (cluster-scoped)', () => {
    expect(columnsFor(nodes, true)).toBe(nodes.columns);
    const row = nodes.render(byName(items, 'worker-1'), { now: NOW, allNamespaces: true });
    expect(row.cells[0]).toBe('worker-1');
    expect(row.key).toBe('worker-1');
  });

  it('render a ready control plane', () => {
    const { row, cell } = node('control-plane', new Map([['control-plane', 12]]));
    expect(row.cells).toEqual([
      'control-plane', 'Ready', 'control-plane', '31d', 'v1.33.1', '172.18.0.2', '<none>',
      'Debian GNU/Linux 12 (bookworm)', '6.8.0-45-generic (amd64)', 'containerd://2.1.1', '1', '12',
    ]);
    expect(cell.STATUS).toBe('Ready');
    expect(row.health).toBe('ok');
  });

  it('sort and de-duplicate roles from both label styles; first InternalIP/ExternalIP wins', () => {
    expect(node('worker-1').cell).toMatchObject({ ROLES: 'infra,worker', 'INTERNAL-IP': '172.18.0.3', 'EXTERNAL-IP': '203.0.113.7' });
  });

  it('show NotReady,SchedulingDisabled; a Ready condition of Unknown is NotReady', () => {
    expect(node('worker-2').cell.STATUS).toBe('NotReady,SchedulingDisabled');
    expect(node('worker-2').row.health).toBe('error');
    expect(node('worker-2').cell.TAINTS).toBe('2');
    expect(node('worker-3').cell.STATUS).toBe('NotReady');
  });

  it('show Unknown without a Ready condition, and <unknown>/<none> for missing info', () => {
    expect(node('worker-4').cell).toMatchObject({
      STATUS: 'Unknown', ROLES: '<none>', 'INTERNAL-IP': '<none>', 'OS-IMAGE': '<unknown>', 'KERNEL-VERSION': '<unknown>', 'CONTAINER-RUNTIME': '<unknown>',
    });
  });

  it('ignore empty role labels; a cordoned Ready node is a warning', () => {
    const { row, cell } = node('worker-5');
    expect(cell.ROLES).toBe('<none>');
    expect(cell.STATUS).toBe('Ready,SchedulingDisabled');
    expect(row.health).toBe('warn');
    expect(row.sort.status).toBe('Ready,SchedulingDisabled');
  });

  it('show PODS as "?" until pod counts are known, then 0 for nodes without pods', () => {
    expect(node('worker-1').cell.PODS).toBe('?');
    expect(node('worker-1', new Map()).cell.PODS).toBe('0');
  });
});
