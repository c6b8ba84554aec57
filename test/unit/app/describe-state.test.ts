import { describe, expect, it } from 'vitest';
import { reducer } from '../../../src/app/reducer.js';
import { initialState, type AppState } from '../../../src/app/state.js';

const base = initialState({ prefs: { favourites: [] }, allNamespaces: true });
const target = { kind: 'daemonsets', namespace: 'kube-system', name: 'kube-proxy' };
const run = (state: AppState, ...actions: Parameters<typeof reducer>[1][]) => actions.reduce(reducer, state);

describe('the text overlay state (describe and YAML)', () => {
  it('opens the YAML view of a target and toggles managedFields', () => {
    const s = run(base, { type: 'describeOpen', target, view: 'yaml' }, { type: 'describeManagedFields' });
    expect(s.mode).toBe('describe');
    expect(s.describe).toMatchObject({ target, view: 'yaml', managedFields: true, scroll: 0 });
    expect(run(s, { type: 'describeManagedFields' }).describe?.managedFields).toBe(false);
    expect(run(base, { type: 'describeOpen', target }).describe?.view).toBeUndefined();
  });

  it('types a : command without touching the search, and keeps its outcome until the next command', () => {
    let s = run(base, { type: 'describeOpen', target, view: 'yaml' }, { type: 'describeSearchStart' }, { type: 'describeSearchType', text: 'image' }, { type: 'describeSearchSubmit' });
    expect(s.describe?.search).toBe('image');
    s = run(s, { type: 'describeCommandStart' }, { type: 'describeSearchType', text: 'w /tmp/a' });
    expect(s.describe).toMatchObject({ prompt: ':', typing: 'w /tmp/a' });
    s = run(s, { type: 'describeSearchSubmit' }, { type: 'describeNote', text: 'written', error: false });
    expect(s.describe).toMatchObject({ search: 'image', typing: undefined, prompt: undefined, note: { text: 'written', error: false } });
    expect(run(s, { type: 'describeCommandStart' }).describe?.note).toBeUndefined();
  });
});
