import { describe, expect, it } from 'vitest';
import { ACTIONS, actionsFor, appliesTo } from '../../../src/actions/catalog.js';
import { KINDS } from '../../../src/kinds/registry.js';

describe('action catalog', () => {
  it('offers each kind its actions in a stable order', () => {
    expect(actionsFor('deployments')).toEqual(['describe', 'delete', 'edit', 'scale', 'label', 'expose', 'portForward']);
    expect(actionsFor('nodes')).toEqual(['describe', 'delete', 'edit', 'label', 'taint']);
    expect(actionsFor('pods')).toEqual(['describe', 'delete', 'edit', 'label', 'expose', 'shell', 'attach', 'portForward']);
    expect(actionsFor('services')).toEqual(['describe', 'delete', 'edit', 'label', 'expose', 'portForward']);
    expect(actionsFor('statefulsets')).toEqual(['describe', 'delete', 'edit', 'scale', 'label']);
    expect(actionsFor('replicationcontrollers')).toEqual(['describe', 'delete', 'edit', 'scale', 'label', 'expose']);
    expect(actionsFor('events')).toEqual(['describe', 'delete', 'edit', 'label']);
  });

  it('every kind in the registry can be described, deleted and labeled', () => {
    for (const k of KINDS) for (const a of ['describe', 'delete', 'edit', 'label'] as const) expect(appliesTo(a, k.id)).toBe(true);
  });

  it('taint is for nodes only; daemonsets cannot be scaled or exposed', () => {
    expect(appliesTo('taint', 'pods')).toBe(false);
    expect(appliesTo('scale', 'daemonsets')).toBe(false);
    expect(appliesTo('expose', 'daemonsets')).toBe(false);
  });

  it('names the RBAC verb each action needs', () => {
    expect(ACTIONS.scale.access).toEqual({ verb: 'update', subresource: 'scale' });
    expect(ACTIONS.expose.access.verb).toBe('create');
    expect(ACTIONS.edit.access).toEqual({ verb: 'update' });
    expect(ACTIONS.describe.mutating).toBe(false);
    expect(Object.values(ACTIONS).filter((a) => a.mutating)).toHaveLength(11);
  });
});

describe('unknown kinds', () => {
  it('no action applies to a kind kt does not know, and every planner says so', async () => {
    const { planDelete } = await import('../../../src/actions/delete.js');
    const { planLabel } = await import('../../../src/actions/label.js');
    const { notApplicable } = await import('../../../src/actions/catalog.js');
    expect(actionsFor('widgets')).toEqual([]);
    const widget = { kind: 'widgets', name: 'w', object: { metadata: { name: 'w' } } };
    const error = 'cannot delete widgets: kt does not know that kind';
    expect(notApplicable('delete', 'widgets')).toBe(error);
    expect(planDelete([widget], { gracePeriod: '', force: false })).toEqual({ ok: false, error });
    expect(planLabel([widget], 'a=1')).toEqual({ ok: false, error: 'cannot label widgets: kt does not know that kind' });
  });
});
