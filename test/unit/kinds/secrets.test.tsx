// A Secret's values stay masked everywhere (describe, the list, the journal, the config file) and
// show only in the view `x` opens, which says so.
import { afterEach, describe, expect, it } from 'vitest';
import { describeObject } from '../../../src/describe/describe-object.js';
import { specFromDiscovery } from '../../../src/kinds/discovery.js';
import { registry } from '../../../src/kinds/registry.js';
import { serverTableClient, TABLE } from '../../../src/kinds/server-table.js';
import type { KubeObject } from '../../../src/kube/types.js';
import { serverTableRenderer } from '../../../src/render/server-table.js';
import { command, seeded } from '../actions-ui/objects.js';
import { FakeKube, scripted } from '../fakes/fake-kube.js';
import { KEYS, memoryPrefs, mountApp } from '../views/harness.js';

const PASSWORD = 's3cr3t-Passw0rd';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const SECRET: KubeObject = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: {
    name: 'db', namespace: 'default', uid: 'u1', creationTimestamp: '2025-06-01T11:00:00Z',
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ stringData: { password: PASSWORD } }), team: 'data' },
  },
  type: 'Opaque',
  data: { password: b64(PASSWORD), username: b64('admin') },
};

const secrets = specFromDiscovery({
  group: '', version: 'v1', plural: 'secrets', singular: 'secret', kind: 'Secret', namespaced: true,
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], shortNames: [], categories: [], subresources: [],
});

/** Answers a GET of the secret, access reviews allowed; other GETs 404. */
const secretClient = () => new FakeKube({ routes: { '/api/v1/namespaces/default/secrets/db': () => structuredClone(SECRET) } });

/** The Table the server sends for `kubectl get secrets`: metadata only, no data. */
const TABLE_ROWS = {
  kind: 'Table',
  metadata: { resourceVersion: '9' },
  columnDefinitions: [
    { name: 'Name', type: 'string', format: 'name' }, { name: 'Type', type: 'string' }, { name: 'Data', type: 'string' }, { name: 'Age', type: 'string' },
  ],
  rows: [{ cells: ['db', 'Opaque', 2, '5m'], object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: SECRET.metadata } }],
};

afterEach(() => registry.setDiscovered([]));

describe('secrets', () => {
  it('describe gives kubectl byte counts, never a value (nor the last-applied annotation)', async () => {
    registry.setDiscovered([secrets]);
    const text = await describeObject(secretClient(), 'secrets', 'default', 'db');
    expect(text).toBe(
      ['Name:         db', 'Namespace:    default', 'Labels:       <none>', 'Annotations:  team: data', '', 'Type:  Opaque', '', 'Data', '====', 'password:  15 bytes', 'username:  5 bytes', ''].join('\n'),
    );
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(b64(PASSWORD));
  });

  it('the list shows kubectl get columns from the server Table, with no value', async () => {
    const inner = scripted(() => structuredClone(TABLE_ROWS));
    const list = await serverTableClient(inner).list('/api/v1/secrets');
    const obj = list.items[0] as KubeObject;
    expect(obj.data).toBeUndefined();
    const row = serverTableRenderer(obj, false).render(obj, { now: Date.parse('2025-06-01T11:05:00Z'), allNamespaces: true });
    expect(row.cells).toEqual(['default', 'db', 'Opaque', '2', '5m']);
    expect(JSON.stringify(obj[TABLE])).not.toContain(PASSWORD);
  });

  it('x opens a view that says it decodes and shows the values; they reach neither the journal nor the config', async () => {
    registry.setDiscovered([secrets]);
    const source = seeded();
    source.set({ kind: 'secrets', namespace: 'default' }, [{ ...TABLE_ROWS.rows[0]?.object, [TABLE]: { columns: TABLE_ROWS.columnDefinitions, cells: TABLE_ROWS.rows[0]?.cells } } as KubeObject]);
    const prefs = memoryPrefs();
    const app = mountApp({ source, client: secretClient(), prefs });
    await command(app, 'secrets');
    await app.waitFor((f) => f.includes('Secrets(default)[1]') && f.includes('<x> decode'));
    expect(app.frame()).not.toContain(PASSWORD);
    await app.press('x');
    const shown = await app.waitFor((f) => f.includes(`password: ${PASSWORD}`), 'the decoded view');
    expect(shown).toContain('Decoded Secret default/db: shows the values in clear');
    expect(shown).toContain('username: admin');
    await app.press(KEYS.esc);
    await app.waitFor((f) => f.includes('Secrets(default)[1]') && !f.includes(PASSWORD));
    await command(app, 'journal');
    const journal = await app.waitFor((f) => f.includes('Journal') || f.includes('journal'));
    expect(journal).not.toContain(PASSWORD);
    expect(JSON.stringify(prefs.set.mock.calls)).not.toContain(PASSWORD);
    app.unmount();
  }, 15_000);
});
