// A kind known only from its spec (no entry in any list of kind names) gets exactly the action
// keys its verbs, subresources and offers allow: the footer, the catalog and the key agree.
import { afterEach, describe, expect, it } from 'vitest';
import { actionsFor } from '../../../src/actions/index.js';
import { registry } from '../../../src/kinds/registry.js';
import type { KindSpec } from '../../../src/kinds/types.js';
import type { KubeObject } from '../../../src/kube/types.js';
import { AGE_COLUMN, NAME_COLUMN } from '../../../src/render/columns.js';
import { makeRow, startCells } from '../../../src/render/row.js';
import { command, mountWithClient, seeded } from '../actions-ui/objects.js';

const footer = (frame: string) => frame.split('\n').at(-1) ?? '';

const gadgets: KindSpec = {
  id: 'gadgets.example.com', title: 'Gadgets', kind: 'Gadget', aliases: ['gadget', 'gd'],
  group: 'example.com', version: 'v1', plural: 'gadgets', namespaced: true,
  // No patch: no label. A scale subresource: scale. Deletable.
  verbs: ['delete', 'get', 'list', 'watch'], subresources: ['scale'],
  renderer: {
    columns: [NAME_COLUMN, AGE_COLUMN],
    render: (obj, ctx) => makeRow(obj, [...startCells(obj, ctx), obj.metadata.name, '1m'], 'ok', 'Ready'),
  },
};

function gadget(name: string): KubeObject {
  return { apiVersion: 'example.com/v1', kind: 'Gadget', metadata: { name, namespace: 'default', uid: name }, spec: { replicas: 3 } };
}

afterEach(() => registry.setDiscovered([]));

describe('a kind defined only by its spec', () => {
  it('offers the actions its verbs and subresources allow', () => {
    registry.setDiscovered([gadgets]);
    expect(actionsFor('gadgets.example.com')).toEqual(['describe', 'yaml', 'scale', 'delete']);
    registry.setDiscovered([{ ...gadgets, verbs: ['get', 'list', 'patch'], subresources: [] }]);
    expect(actionsFor('gd')).toEqual(['describe', 'yaml', 'label']);
  });

  it('gets the scale and delete keys in the footer, not label, taint or expose; s opens its scale prompt', async () => {
    registry.setDiscovered([gadgets]);
    const source = seeded();
    source.set({ kind: 'gadgets.example.com', namespace: 'default' }, [gadget('g1')]);
    const app = mountWithClient({ source });
    await command(app, 'gd');
    await app.waitFor((f) => f.includes('Gadgets(default)[1]') && footer(f).includes('<s> scale') && footer(f).includes('delete'));
    expect(footer(app.frame())).not.toMatch(/label|taint|expose/);
    await app.press('s');
    await app.waitFor((f) => f.includes('Scale gadget/g1') && f.includes('replicas: 3'), 'the scale prompt');
    app.unmount();
  }, 15_000);
});
