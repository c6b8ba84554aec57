// When the cluster's history changes under a running informer, it relists as client-go's reflector
// does, and the relist replaces the cache: objects the server no longer has vanish.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KubeApiError } from '../../../src/kube/api-errors.js';
import { ClusterHistory } from '../../../src/kube/cluster-history.js';
import { Informer, RESUME_TRIES, type WatchTarget } from '../../../src/kube/informer.js';
import { FakeKube } from '../fakes/fake-kube.js';
import { httpError, pod, refused } from './objects.js';

const PODS: WatchTarget = { path: '/api/v1/namespaces/default/pods', plural: 'pods', namespace: 'default' };
const NODES: WatchTarget = { path: '/api/v1/nodes', plural: 'nodes' };

let client: FakeKube;
const started: Informer[] = [];

function start(target = PODS, history?: ClusterHistory, on = client): Informer {
  const inf = new Informer({ client: on, key: { kind: target.plural }, target, onChange: () => {}, random: () => 0.5, history });
  started.push(inf);
  inf.start();
  return inf;
}

const tick = (ms = 0) => vi.advanceTimersByTimeAsync(ms);
const names = (inf: Informer) => [...inf.items.keys()].sort();
/** Lists of the whole collection (a resume after a lost connection also makes a one-item list). */
const fullLists = (on = client) => on.lists.filter((l) => l.query?.limit !== 1).length;
/** The server's history went back: a recreated cluster with other objects at lower versions. */
function recreate(objects = [pod('new-1', 'default', '7')], rv = '7') {
  client.objects = objects;
  client.rv = rv;
}

beforeEach(() => {
  vi.useFakeTimers();
  client = new FakeKube();
  client.objects = [pod('old-1'), pod('old-2')];
  client.rv = '5000';
});
afterEach(() => {
  for (const inf of started.splice(0)) inf.stop();
  vi.useRealTimers();
});

describe('Informer relists when the history changes', () => {
  it('on a "Too large resource version" ERROR event (504, cause ResourceVersionTooLarge)', async () => {
    const inf = start();
    await tick();
    recreate();
    client.last.emit('ERROR', {
      kind: 'Status',
      code: 504,
      reason: 'Timeout',
      message: 'Timeout: Too large resource version: 5000, current: 7',
      details: { causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }] },
    });
    await tick();
    expect(fullLists()).toBe(2);
    expect(names(inf)).toEqual(['default/new-1']);
    expect(client.last.query.resourceVersion).toBe('7');
    expect(inf.status).toMatchObject({ state: 'live', stale: false });
  });

  it('on a watch request answered 504 "Too large resource version" without a cause', async () => {
    const inf = start();
    await tick();
    recreate();
    client.last.end(httpError(504, 'Timeout: Too large resource version: 5000, current: 7'));
    await tick();
    expect(names(inf)).toEqual(['default/new-1']);
  });

  it('does not relist on a plain 504 (a timeout is a connection problem)', async () => {
    start();
    await tick();
    client.last.end(httpError(504, 'Timeout: request did not complete'));
    await tick(1_000);
    expect(fullLists()).toBe(1);
    expect(client.last.query.resourceVersion).toBe('5000');
  });

  it(`after ${RESUME_TRIES} failed tries to resume a watch, relists instead`, async () => {
    const inf = start();
    await tick();
    const unavailable = () => httpError(503, 'the server is currently unable to handle the request');
    client.watchErrors = Array.from({ length: RESUME_TRIES - 1 }, unavailable);
    client.last.end(unavailable());
    client.objects = [pod('old-2'), pod('new-2')]; // changed while the watches failed
    client.rv = '5001';
    await tick(60_000);
    expect(client.watches.filter((w) => w.query.resourceVersion === '5000')).toHaveLength(RESUME_TRIES);
    expect(fullLists()).toBe(2);
    expect(names(inf)).toEqual(['default/new-2', 'default/old-2']);
  });

  it('a watch that opens resets the count of failed tries', async () => {
    start();
    await tick();
    for (let i = 0; i < RESUME_TRIES * 2; i++) {
      client.last.end(httpError(503));
      await tick(60_000); // the next watch opens
    }
    expect(fullLists()).toBe(1);
  });

  it('a list lower than a version seen before makes every informer of the cluster relist', async () => {
    const history = new ClusterHistory();
    const nodesClient = new FakeKube();
    nodesClient.objects = [{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'old-node', resourceVersion: '4990' } }];
    nodesClient.rv = '4990';
    const pods = start(PODS, history);
    const nodes = start(NODES, history, nodesClient);
    await tick();
    // The cluster is recreated and has grown past the old version: the nodes watch resumes "fine".
    nodesClient.objects = [{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'new-node', resourceVersion: '30' } }];
    nodesClient.rv = '30';
    recreate([pod('new-1', 'default', '40')], '40');
    client.last.end(new KubeApiError('too old resource version', { statusCode: 410 }));
    await tick(1_000);
    expect(names(pods)).toEqual(['default/new-1']);
    expect(fullLists(nodesClient)).toBe(2);
    expect(names(nodes)).toEqual(['new-node']);
    expect(nodesClient.last.query.resourceVersion).toBe('30');
  });
});

describe('ClusterHistory', () => {
  it('says the history went back only for a list lower than a version seen, and tells the others', () => {
    const h = new ClusterHistory();
    const told: string[] = [];
    const a = () => told.push('a');
    h.onReset(a);
    h.onReset(() => told.push('b'));
    expect(h.listed('100')).toBe(false);
    h.seen('150');
    expect(h.listed('120')).toBe(true);
    expect(told).toEqual(['a', 'b']);
    expect(h.listed('121', a)).toBe(false);
    h.seen('opaque');
    expect(h.listed('90', a)).toBe(true);
    expect(told).toEqual(['a', 'b', 'b']);
  });
});

describe('Informer after a lost connection', () => {
  it('resumes from its resourceVersion when a one-item list shows the server still has that history', async () => {
    const inf = start();
    await tick();
    client.rv = '5100';
    client.last.end(refused());
    await tick(1_000);
    expect(client.lists.map((l) => l.query?.limit)).toEqual([500, 1]);
    expect(client.last.query.resourceVersion).toBe('5000');
    expect(names(inf)).toEqual(['default/old-1', 'default/old-2']);
  });

  it('relists when the server came back with a lower resourceVersion (a watch from ours would wait silently)', async () => {
    const inf = start();
    await tick();
    client.last.end(refused());
    recreate();
    await tick(1_000);
    expect(client.lists.map((l) => l.query?.limit)).toEqual([500, 1, 500]);
    expect(names(inf)).toEqual(['default/new-1']);
    expect(client.last.query.resourceVersion).toBe('7');
  });
});
