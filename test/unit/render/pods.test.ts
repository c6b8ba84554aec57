import { describe, expect, it } from 'vitest';
import { columnsFor } from '../../../src/render/columns.js';
import { pods } from '../../../src/render/pods.js';
import { byName, loadItems, NOW, renderNamed } from './fixture.js';

const items = loadItems('pods.json');
const cells = (name: string) => renderNamed(pods, byName(items, name)).cell;

describe('pods columns', () => {
  it('are kubectl get pods -o wide', () => {
    expect(pods.columns.map((c) => c.name)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    expect(pods.columns.filter((c) => c.wide).map((c) => c.name)).toEqual(['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
  });
  it('start with NAMESPACE in all-namespaces mode, and render to match', () => {
    expect(columnsFor(pods, true).map((c) => c.name).slice(0, 2)).toEqual(['NAMESPACE', 'NAME']);
    const row = pods.render(byName(items, 'running'), { now: NOW, allNamespaces: true });
    expect(row.cells.slice(0, 3)).toEqual(['default', 'running', '1/1']);
    expect(row.cells).toHaveLength(columnsFor(pods, true).length);
  });
});

describe('pod STATUS / READY / RESTARTS as kubectl prints them', () => {
  it.each([
    // name, READY, STATUS, RESTARTS, health
    ['running', '1/1', 'Running', '0', 'ok'],
    ['restarted', '1/1', 'Running', '5 (3m12s ago)', 'ok'],
    ['pending', '0/1', 'Pending', '0', 'warn'],
    ['creating', '0/1', 'ContainerCreating', '0', 'pending'],
    ['crashloop', '0/1', 'CrashLoopBackOff', '7 (90s ago)', 'error'],
    ['completed', '0/1', 'Completed', '0', 'ok'],
    ['terminating', '1/1', 'Terminating', '0', 'deleting'],
    ['init', '0/1', 'Init:0/1', '0', 'pending'],
    ['unknown', '1/1', 'Unknown', '0', 'error'],
    ['imagepull', '0/1', 'ImagePullBackOff', '0', 'error'],
    ['error', '0/1', 'Error', '0', 'error'],
    ['oomkilled', '0/1', 'OOMKilled', '0', 'error'],
    ['init-crash', '0/1', 'Init:CrashLoopBackOff', '3 (20s ago)', 'error'],
    ['init-exitcode', '0/1', 'Init:ExitCode:2', '0', 'error'],
    ['init-signal', '0/1', 'Init:Signal:9', '0', 'error'],
    ['init-second', '0/1', 'Init:1/2', '0', 'pending'],
    ['exitcode', '0/1', 'ExitCode:3', '0', 'error'],
    ['signal', '0/1', 'Signal:15', '0', 'error'],
    ['done-and-running', '1/2', 'Running', '0', 'warn'],
    ['done-and-running-notready', '1/2', 'NotReady', '0', 'warn'],
    ['gated', '0/1', 'SchedulingGated', '0', 'warn'],
    ['sidecar', '2/2', 'Running', '3 (5m ago)', 'ok'],
    ['completed-deleted', '0/1', 'Completed', '0', 'ok'],
    ['two-of-three', '2/3', 'CrashLoopBackOff', '1 (30s ago)', 'error'],
    ['not-ready', '0/1', 'Running', '0', 'warn'],
    ['evicted', '0/1', 'ContainerStatusUnknown', '0', 'error'],
  ])('%s → %s %s %s', (name, ready, status, restarts, health) => {
    const { row, cell } = renderNamed(pods, byName(items, name));
    expect([cell.READY, cell.STATUS, cell.RESTARTS]).toEqual([ready, status, restarts]);
    expect(row.health).toBe(health);
    expect(row.sort.status).toBe(status);
  });
});

describe('pod wide columns and identity', () => {
  it('fills IP, NODE, NOMINATED NODE, READINESS GATES', () => {
    expect(cells('gates')).toMatchObject({ IP: '10.244.1.5', NODE: 'kind-worker', 'NOMINATED NODE': 'kind-worker2', 'READINESS GATES': '1/2' });
  });
  it('writes <none> for empty wide cells', () => {
    expect(cells('pending')).toMatchObject({ IP: '<none>', NODE: '<none>', 'NOMINATED NODE': '<none>', 'READINESS GATES': '<none>' });
  });
  it('takes the IP from podIPs when podIP is absent', () => {
    expect(cells('ipv6-only').IP).toBe('fd00::5');
  });
  it('prints AGE, <unknown> without a creationTimestamp', () => {
    expect(cells('running').AGE).toBe('60m');
    expect(cells('old').AGE).toBe('2y32d');
    expect(cells('no-created').AGE).toBe('<unknown>');
  });
  it('keys and sorts by namespace/name and age', () => {
    const { row } = renderNamed(pods, byName(items, 'running'));
    expect(row.key).toBe('default/running');
    expect(row.sort).toEqual({ name: 'running', namespace: 'default', since: NOW - 3_600_000, status: 'Running' });
  });
  it('renders as many cells as columns for every fixture', () => {
    for (const obj of items) expect(pods.render(obj, { now: NOW, allNamespaces: false }).cells).toHaveLength(pods.columns.length);
  });
});
