// Every resource the sandbox serves (`kubectl api-resources --verbs=list`) opens in kt: through the
// `:` line in a real terminal, live, with as many rows as `kubectl get`; and the kinds without a
// hand-written renderer print exactly kubectl's -o wide table (the server's Table format).
import { afterAll, describe, expect, it } from 'vitest';
import { createKubeClient } from '../../src/kube/client.js';
import { loadKubeconfig } from '../../src/kube/kubeconfig.js';
import { AGGREGATED_ACCEPT, discoverResources, specFromDiscovery } from '../../src/kinds/discovery.js';
import { apiPath, findKind, registry } from '../../src/kinds/registry.js';
import { serverTableClient } from '../../src/kinds/server-table.js';
import { columnsFor } from '../../src/render/columns.js';
import { serverTableRenderer } from '../../src/render/server-table.js';
import { spawnKt, type KtPty } from '../helpers/pty.js';
import { kubectl } from '../helpers/pod-fixtures.js';
import { kubeconfigPath } from '../helpers/sandbox.js';
import { parseTable } from '../helpers/kubectl-table.js';

const loaded = loadKubeconfig({ kubeconfig: kubeconfigPath, env: {}, home: '/nonexistent' });
const resources = kubectl(['api-resources', '--verbs=list', '-o', 'name']).trim().split('\n');
// Objects that come and go between two reads (leases renew, events arrive): counts may differ a little.
const CHURNING = new Set(['events', 'events.events.k8s.io', 'leases.coordination.k8s.io', 'endpoints', 'endpointslices.discovery.k8s.io']);

const discover = async () => {
  const client = createKubeClient(loaded.kc, { accept: AGGREGATED_ACCEPT });
  registry.setDiscovered((await discoverResources(client)).map(specFromDiscovery));
  client.close();
};

const running: KtPty[] = [];
afterAll(async () => {
  for (const t of running) await t.dispose();
});

describe('every kind the sandbox serves', () => {
  it('is discovered under every name kubectl api-resources lists', async () => {
    await discover();
    expect(resources.length).toBeGreaterThan(40);
    for (const name of resources) expect(findKind(name), name).toBeDefined();
    for (const name of ['secrets', 'cm', 'sa', 'crb', 'jobs', 'cj', 'crd', 'pv', 'pvc', 'ing', 'smon', 'servicemonitors.monitoring.coreos.com', 'wdg']) {
      expect(findKind(name), name).toBeDefined();
    }
  });

  it('without a hand-written renderer: kubectl get -A -o wide, cell for cell', async () => {
    await discover();
    const table = serverTableClient(createKubeClient(loaded.kc));
    let kinds = 0;
    for (const name of resources) {
      const spec = findKind(name);
      if (!spec || spec.renderer || CHURNING.has(name)) continue;
      const scope = spec.namespaced ? ['-A'] : [];
      const theirs = parseTable(kubectl(['get', name, ...scope, '-o', 'wide']));
      const list = await table.list(apiPath(spec));
      const renderer = serverTableRenderer(list.items[0], !spec.namespaced);
      const columns = columnsFor(renderer, spec.namespaced);
      expect(list.items.length, name).toBe(theirs.rows.length);
      if (list.items.length === 0) continue;
      kinds++;
      expect(columns.map((c) => c.name), name).toEqual(theirs.headers);
      const now = Date.now();
      const ours = new Map(list.items.map((o) => {
        const cells = renderer.render(o, { now, allNamespaces: spec.namespaced }).cells;
        return [cells.slice(0, spec.namespaced ? 2 : 1).join('/'), cells];
      }));
      for (const row of theirs.rows) {
        const key = row.slice(0, spec.namespaced ? 2 : 1).join('/');
        const cells = ours.get(key);
        expect(cells, `${name} ${key}`).toBeDefined();
        columns.forEach((c, i) => {
          // Ages: kubectl's and ours were read a moment apart.
          if (c.name !== 'AGE') expect(cells?.[i], `${name} ${key} ${c.name}`).toBe(row[i]);
        });
      }
    }
    expect(kinds).toBeGreaterThan(15);
  }, 120_000);

  it('opens each from the : line, live, with kubectl get -A row counts', async () => {
    await discover();
    const t = spawnKt(['--kubeconfig', kubeconfigPath, '-A'], { cols: 220, rows: 40 });
    running.push(t);
    await t.waitFor(/Pods\(all\)\[\d+\]/, 20_000);
    // kt asks the server what it serves shortly after its first frame (its cache is cold here).
    const discovered = Date.now();
    for (let opened = false; !opened; ) {
      if (Date.now() - discovered > 15_000) throw new Error('discovery did not bring :secrets within 15 s');
      t.press(':', ...'secrets'.split(''), 'Enter');
      opened = await t.waitFor('Secrets(all)[', 1_000).then(() => true, () => false);
    }
    for (const name of resources) {
      const spec = findKind(name);
      if (!spec) throw new Error(`not discovered: ${name}`);
      const count = parseTable(kubectl(['get', name, ...(spec.namespaced ? ['-A'] : [])])).rows.length;
      t.press(':');
      t.press(...name.split(''));
      t.press('Enter');
      if (spec.id === 'namespaces') {
        // :ns and :namespaces open kt's namespace picker (as k9s), listing every namespace.
        const names = kubectl(['get', 'namespaces', '-o', 'name']).trim().split('\n').map((n) => n.replace('namespace/', ''));
        await t.waitFor((s) => s.includes('Namespace (now: all)') && names.every((n) => s.includes(n)), 10_000);
        t.press('Esc');
        await new Promise((r) => setTimeout(r, 150)); // a lone Esc must not share a read with the next key
        continue;
      }
      const title = `${spec.title}${spec.namespaced ? '(all)' : ''}`;
      const shownIn = (s: string) => Number(new RegExp(`${title.replace(/[()]/g, '\\$&')}\\[(\\d+)\\]`).exec(s)?.[1] ?? NaN);
      const near = CHURNING.has(name) ? 3 : 0;
      // The count settles once the first list is in.
      const screen = await t.waitFor((s) => Math.abs(shownIn(s) - count) <= near, 10_000);
      expect(screen, name).not.toMatch(/forbidden|unknown resource|not found:/);
    }
  }, 600_000);
});
