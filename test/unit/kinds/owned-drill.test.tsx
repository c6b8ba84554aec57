// Enter on a CronJob shows the Jobs it owns (ownerReferences), not every Job of its namespace.
import { afterEach, describe, expect, it } from 'vitest';
import { specFromDiscovery } from '../../../src/kinds/discovery.js';
import { findKind, registry } from '../../../src/kinds/registry.js';
import { TABLE } from '../../../src/kinds/server-table.js';
import type { KubeObject } from '../../../src/kube/types.js';
import { command, seeded } from '../actions-ui/objects.js';
import { KEYS, mountApp } from '../views/harness.js';

const resource = (plural: string, kind: string) =>
  specFromDiscovery({ group: 'batch', version: 'v1', plural, singular: kind.toLowerCase(), kind, namespaced: true, verbs: ['get', 'list', 'watch'], shortNames: [], categories: [], subresources: [] });

const COLUMNS = [{ name: 'Name', type: 'string', format: 'name' }];
function row(kind: string, name: string, uid: string, owner?: string): KubeObject {
  const ownerReferences = owner ? [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: owner, controller: true }] : undefined;
  return { kind, metadata: { name, namespace: 'default', uid, ...(ownerReferences ? { ownerReferences } : {}) }, [TABLE]: { columns: COLUMNS, cells: [name] } };
}

afterEach(() => registry.setDiscovered([]));

describe('drill into owned objects', () => {
  it('a CronJob drills to the Jobs whose ownerReferences name it', async () => {
    registry.setDiscovered([resource('cronjobs', 'CronJob'), resource('jobs', 'Job')]);
    expect(findKind('cronjobs')?.drill?.(row('CronJob', 'nightly', 'cj-1'))).toEqual({ kind: 'jobs.batch', namespace: 'default', ownerUid: 'cj-1', title: 'jobs of cronjob/nightly' });
    const source = seeded();
    source.set({ kind: 'cronjobs.batch', namespace: 'default' }, [row('CronJob', 'nightly', 'cj-1')]);
    source.set({ kind: 'jobs.batch', namespace: 'default' }, [row('Job', 'nightly-29001', 'j1', 'cj-1'), row('Job', 'nightly-29002', 'j2', 'cj-1'), row('Job', 'db-migrate', 'j3')]);
    const app = mountApp({ source });
    await command(app, 'cronjobs');
    await app.waitFor((f) => f.includes('CronJobs(default)[1]'));
    await app.press(KEYS.enter);
    const jobs = await app.waitFor((f) => f.includes('jobs of cronjob/nightly[2]'));
    expect(jobs).toContain('nightly-29001');
    expect(jobs).toContain('nightly-29002');
    expect(jobs).not.toContain('db-migrate');
    app.unmount();
  }, 15_000);
});
