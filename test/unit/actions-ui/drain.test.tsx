// The drain dialog in the whole App: r on a node lists the pods first and refuses with kubectl's
// words until the flag that lifts the refusal is set; y then shows each step and the summary.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/kube/types.js';
import { FakeKube, notFound, type Call } from '../fakes/fake-kube.js';
import { KEYS } from '../views/harness.js';
import { pod } from '../views/objects.js';
import { mountWithClient, seeded } from './objects.js';

/** The pods the seed puts on node1, and a cluster that lets them go when evicted. */
function cluster(pods: readonly KubeObject[]): FakeKube {
  const evicted = new Set<string>();
  return new FakeKube({
    policy: () => true,
    respond(call: Call) {
      if (call.path.startsWith('/api/v1/pods?')) return { items: pods };
      const eviction = /\/pods\/([^/]+)\/eviction$/.exec(call.path);
      if (eviction) return evicted.add(eviction[1] as string), {};
      const name = /\/pods\/([^/]+)$/.exec(call.path)?.[1];
      if (name) return evicted.has(name) ? notFound() : (pods.find((p) => p.metadata.name === name) ?? notFound());
      return {};
    },
  });
}

describe('drain dialog', () => {
  it('lists the pods, refuses unmanaged ones until --force, then evicts and reports each step', async () => {
    const source = seeded();
    const pods = ['web-1', 'web-2', 'web-3'].map((n) => pod(n, 'default'));
    source.set({ kind: 'pods' }, pods);
    const client = cluster(pods);
    const app = mountWithClient({ source }, client);
    await app.waitFor((f) => f.includes('web-1'));
    await app.press(KEYS.shiftTab); // the Nodes pane
    await app.waitFor((f) => f.includes('<r> drain'), 'the drain hint');
    await app.press('r');
    let frame = await app.waitFor((f) => f.includes('Drain node/node1?'), 'the drain dialog');
    expect(frame).toContain('cannot delete Pods that declare no controller (use --force to override): default/web-1, default/web-2, default/web-3');
    await app.press('y'); // refused: nothing is sent
    await app.waitFor((f) => f.includes('Drain node/node1?'));
    expect(client.mutations).toHaveLength(0);
    await app.press(KEYS.tab, KEYS.tab, ' '); // --force
    frame = await app.waitFor((f) => f.includes('[x] --force'), 'force set');
    expect(frame).toContain('Pods to evict (3):');
    expect(frame).toContain('Warning: deleting Pods that declare no controller: default/web-1, default/web-2, default/web-3');
    expect(frame).toContain('$ kubectl drain node1 --ignore-daemonsets --force --timeout=5m');
    await app.press('y');
    frame = await app.waitFor((f) => f.includes('node/node1 drained') && f.includes('done: esc closes'), 'the summary');
    expect(frame).toContain('node/node1 cordoned');
    expect(frame).toContain('evicting pod default/web-2');
    expect(frame).toContain('pod/web-3 evicted');
    expect(frame.split('\n').at(-1)).toBe('<esc> hide (it goes on)');
    expect(client.mutations.map((c) => `${c.method} ${c.path}`)).toEqual([
      'PATCH /api/v1/nodes/node1?fieldValidation=Strict',
      'POST /api/v1/namespaces/default/pods/web-1/eviction',
      'POST /api/v1/namespaces/default/pods/web-2/eviction',
      'POST /api/v1/namespaces/default/pods/web-3/eviction',
    ]);
    await app.press(KEYS.esc);
    await app.waitFor((f) => !f.includes('Drained node/node1'), 'closed');
    app.unmount();
  }, 15_000);
});
