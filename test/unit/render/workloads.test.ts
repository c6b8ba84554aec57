import { describe, expect, it } from 'vitest';
import { daemonsets } from '../../../src/render/daemonsets.js';
import { deployments } from '../../../src/render/deployments.js';
import { replicasets } from '../../../src/render/replicasets.js';
import { statefulsets } from '../../../src/render/statefulsets.js';
import type { Renderer } from '../../../src/render/types.js';
import { byName, loadItems, renderNamed } from './fixture.js';

const names = (r: Renderer) => r.columns.map((c) => c.name);
const wide = (r: Renderer) => r.columns.filter((c) => c.wide).map((c) => c.name);

describe('deployments', () => {
  const items = loadItems('deployments.json');
  it('have kubectl columns', () => {
    expect(names(deployments)).toEqual(['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR']);
    expect(wide(deployments)).toEqual(['CONTAINERS', 'IMAGES', 'SELECTOR']);
  });
  it('render READY as ready/desired, containers and selector', () => {
    const { row } = renderNamed(deployments, byName(items, 'web'));
    expect(row.cells).toEqual(['web', '2/3', '3', '2', '60m', 'nginx,sidecar', 'nginx:1.27,busybox:1.36', 'app=web,tier=fe']);
    expect(row.health).toBe('warn');
  });
  it('write matchExpressions in selector syntax, sorted by key, values sorted', () => {
    const { row } = renderNamed(deployments, byName(items, 'api'));
    expect(row.cells[7]).toBe('app=api,env in (canary,prod),!legacy,tier,zone notin (b)');
    expect(row.health).toBe('ok');
  });
  it('render a scaled-down deployment with an empty status', () => {
    expect(renderNamed(deployments, byName(items, 'scaled-down')).row.cells.slice(0, 4)).toEqual(['scaled-down', '0/0', '0', '0']);
  });
});

describe('daemonsets', () => {
  const items = loadItems('daemonsets.json');
  it('have kubectl columns', () => {
    expect(names(daemonsets)).toEqual([
      'NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR',
    ]);
    expect(wide(daemonsets)).toEqual(['CONTAINERS', 'IMAGES', 'SELECTOR']);
  });
  it('render counts, node selector and selector', () => {
    const { row } = renderNamed(daemonsets, byName(items, 'kube-proxy'), { allNamespaces: true });
    expect(row.cells).toEqual([
      'kube-system', 'kube-proxy', '3', '3', '3', '3', '3', 'kubernetes.io/os=linux', '60m', 'kube-proxy', 'registry.k8s.io/kube-proxy:v1.33.1', 'k8s-app=kube-proxy',
    ]);
    expect(row.health).toBe('ok');
  });
  it('sort the node selector as kubectl does (by the k=v string)', () => {
    const { cell, row } = renderNamed(daemonsets, byName(items, 'agent'));
    expect(cell['NODE SELECTOR']).toBe('a.b/c=1,disk=ssd,kubernetes.io/os=linux');
    expect(cell['UP-TO-DATE']).toBe('2');
    expect(row.health).toBe('warn');
  });
  it('write <none> for no node selector and 0 for absent counts', () => {
    expect(renderNamed(daemonsets, byName(items, 'empty')).cell).toMatchObject({ 'NODE SELECTOR': '<none>', 'UP-TO-DATE': '0', AVAILABLE: '0' });
  });
});

describe('replicasets', () => {
  const items = loadItems('replicasets.json');
  it('have kubectl columns', () => {
    expect(names(replicasets)).toEqual(['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR']);
    expect(wide(replicasets)).toEqual(['CONTAINERS', 'IMAGES', 'SELECTOR']);
  });
  it('render counts and selector', () => {
    expect(renderNamed(replicasets, byName(items, 'web-5d8f7c9b4d')).row.cells).toEqual([
      'web-5d8f7c9b4d', '3', '3', '3', '60m', 'nginx', 'nginx:1.27', 'app=web,pod-template-hash=5d8f7c9b4d',
    ]);
    expect(renderNamed(replicasets, byName(items, 'web-old')).row.cells.slice(1, 4)).toEqual(['0', '0', '0']);
  });
  it('write <error> for an invalid selector', () => {
    expect(renderNamed(replicasets, byName(items, 'bad-selector')).cell.SELECTOR).toBe('<error>');
  });
});

describe('statefulsets', () => {
  const items = loadItems('statefulsets.json');
  it('have kubectl columns (no SELECTOR)', () => {
    expect(names(statefulsets)).toEqual(['NAME', 'READY', 'AGE', 'CONTAINERS', 'IMAGES']);
    expect(wide(statefulsets)).toEqual(['CONTAINERS', 'IMAGES']);
  });
  it('render READY as ready/desired', () => {
    const { row } = renderNamed(statefulsets, byName(items, 'db'));
    expect(row.cells).toEqual(['db', '1/3', '60m', 'postgres,exporter', 'postgres:16,exporter:0.15']);
    expect(row.health).toBe('warn');
    expect(renderNamed(statefulsets, byName(items, 'cache')).row.health).toBe('ok');
  });
});
