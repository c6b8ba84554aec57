import { describe, expect, it } from 'vitest';
import { reducer, focusedView, type AppEvent } from '../../../src/app/reducer.js';
import { currentFrame, initialState, type AppState } from '../../../src/app/state.js';

const base = (over: Partial<Parameters<typeof initialState>[0]> = {}) =>
  initialState({ prefs: { favourites: [] }, allNamespaces: false, ...over });

const run = (state: AppState, ...actions: AppEvent[]) => actions.reduce(reducer, state);
const top = (s: AppState, pane = s.focus) => currentFrame(s.panes[pane]!);

describe('initialState', () => {
  it('starts with Nodes, Pods, DaemonSets, focused on Pods', () => {
    const s = base();
    expect(s.panes.map((p) => top(s, s.panes.indexOf(p)).kind)).toEqual(['nodes', 'pods', 'daemonsets']);
    expect(s.focus).toBe(1);
    expect(s.namespace).toBeUndefined();
  });
  it('takes the namespace from -A, then -n, then prefs ("" = all)', () => {
    expect(base({ prefs: { namespace: 'a', favourites: [] } }).namespace).toBe('a');
    expect(base({ prefs: { namespace: 'a', favourites: [] }, initialNamespace: 'b' }).namespace).toBe('b');
    expect(base({ prefs: { namespace: 'a', favourites: [] }, initialNamespace: 'b', allNamespaces: true }).namespace).toBeUndefined();
    expect(base({ prefs: { namespace: '', favourites: [] } }).namespace).toBeUndefined();
  });
  it('focuses the remembered view, or shows it in the focused pane', () => {
    expect(base({ view: 'nodes' }).focus).toBe(0);
    const s = base({ view: 'deployments' });
    expect(s.focus).toBe(1);
    expect(top(s).kind).toBe('deployments');
    expect(focusedView(s)).toBe('deployments');
  });
});

describe('focus and zoom', () => {
  it('cycles focus both ways', () => {
    const s = base();
    expect(run(s, { type: 'focus', delta: 1 }).focus).toBe(2);
    expect(run(s, { type: 'focus', delta: 1 }, { type: 'focus', delta: 1 }).focus).toBe(0);
    expect(run(s, { type: 'focus', delta: -1 }, { type: 'focus', delta: -1 }).focus).toBe(2);
  });
  it('toggles zoom', () => {
    expect(run(base(), { type: 'zoom' }).zoom).toBe(true);
    expect(run(base(), { type: 'zoom' }, { type: 'zoom' }).zoom).toBe(false);
  });
});

describe('cursor movement', () => {
  const move = (move: 'up' | 'down' | 'top' | 'bottom' | 'pageUp' | 'pageDown'): AppEvent => ({ type: 'move', pane: 1, move, count: 100, height: 10 });
  it('moves within the rows and scrolls only as needed', () => {
    let s = run(base(), move('up'));
    expect(top(s).cursor).toBe(0);
    s = run(s, ...Array.from({ length: 12 }, () => move('down')));
    expect(top(s)).toMatchObject({ cursor: 12, scroll: 3 });
    s = run(s, move('bottom'));
    expect(top(s)).toMatchObject({ cursor: 99, scroll: 90 });
    s = run(s, move('pageUp'));
    expect(top(s)).toMatchObject({ cursor: 89, scroll: 80 });
    s = run(s, move('top'));
    expect(top(s)).toMatchObject({ cursor: 0, scroll: 0 });
    s = run(s, move('pageDown'), move('pageDown'));
    expect(top(s)).toMatchObject({ cursor: 20, scroll: 20 });
  });
  it('returns the same state when nothing moves (no re-render)', () => {
    const s = base();
    expect(run(s, move('up'))).toBe(s);
  });
  it('only touches the pane it moves', () => {
    const s = base();
    const next = run(s, move('down'));
    expect(next.panes[0]).toBe(s.panes[0]);
    expect(next.panes[2]).toBe(s.panes[2]);
  });
});

describe('sort, filter, drill, back', () => {
  it('sorts, and the same key again reverses', () => {
    const s = run(base(), { type: 'sort', pane: 1, change: { by: 'age' } });
    expect(top(s).sort).toEqual({ by: 'age', desc: false });
    expect(top(run(s, { type: 'sort', pane: 1, change: { by: 'age' } })).sort).toEqual({ by: 'age', desc: true });
  });
  it('sorts by a column (Shift-←/→), a named one as its key; Shift-O reverses either', () => {
    const s = run(base(), { type: 'sort', pane: 1, change: { column: 'RESTARTS' } });
    expect(top(s).sort).toEqual({ by: 'column', column: 'RESTARTS', desc: false });
    expect(top(run(s, { type: 'sort', pane: 1, change: { reverse: true } })).sort).toEqual({ by: 'column', column: 'RESTARTS', desc: true });
    expect(top(run(s, { type: 'sort', pane: 1, change: { column: 'AGE' } })).sort).toEqual({ by: 'age', desc: false });
  });
  it('edits the filter live on the / line; Esc there clears it, Enter keeps it', () => {
    let s = run(base(), { type: 'open', mode: 'filter' }, { type: 'type', text: 'ngin' }, { type: 'type', text: 'xq' }, { type: 'deleteChar' });
    expect(top(s).filter).toBe('nginx');
    expect(s.mode).toBe('filter');
    const kept = run(s, { type: 'submitFilter' });
    expect(kept.mode).toBe('normal');
    expect(top(kept).filter).toBe('nginx');
    s = run(s, { type: 'cancel' });
    expect(top(s).filter).toBe('');
  });
  it('drills down and Esc clears the filter first, then goes back', () => {
    let s = run(base({ view: 'nodes' }), {
      type: 'drill',
      pane: 0,
      kind: 'pods',
      drill: { from: 'node1', title: 'Pods(node1)', fieldSelector: 'spec.nodeName=node1' },
    });
    expect(s.panes[0]!.stack.map((f) => f.kind)).toEqual(['nodes', 'pods']);
    s = run(s, { type: 'open', mode: 'filter' }, { type: 'type', text: 'x' }, { type: 'submitFilter' });
    s = run(s, { type: 'back', pane: 0 });
    expect(top(s).filter).toBe('');
    expect(s.panes[0]!.stack).toHaveLength(2);
    s = run(s, { type: 'back', pane: 0 });
    expect(s.panes[0]!.stack).toHaveLength(1);
    expect(run(s, { type: 'back', pane: 0 })).toBe(s);
  });
});

describe('commands', () => {
  it(':kind shows it in the focused pane, with an optional namespace', () => {
    let s = run(base(), { type: 'open', mode: 'command' }, { type: 'command', result: { type: 'show', kind: 'deployments' } });
    expect(top(s).kind).toBe('deployments');
    expect(s.mode).toBe('normal');
    s = run(s, { type: 'command', result: { type: 'show', kind: 'services', namespace: 'kube-system' } });
    expect(s.namespace).toBe('kube-system');
    s = run(s, { type: 'command', result: { type: 'show', kind: 'services', namespace: null } });
    expect(s.namespace).toBeUndefined();
  });
  it('flashes errors, opens help and the picker', () => {
    const s = run(base(), { type: 'command', result: { type: 'error', text: 'unknown resource "foo"' } });
    expect(s.flash).toMatchObject({ level: 'error', text: 'unknown resource "foo"' });
    expect(run(s, { type: 'clearFlash', id: s.flash!.id }).flash).toBeUndefined();
    expect(run(s, { type: 'clearFlash', id: s.flash!.id + 1 }).flash).toBeDefined();
    expect(run(base(), { type: 'command', result: { type: 'help' } }).mode).toBe('help');
    expect(run(base(), { type: 'command', result: { type: 'pickNamespace' } }).mode).toBe('namespaces');
  });
  it('Backspace on an empty command line leaves it', () => {
    const s = run(base(), { type: 'open', mode: 'command' }, { type: 'deleteChar' });
    expect(s.mode).toBe('normal');
  });
});

describe('namespaces and favourites', () => {
  it('adds a new namespace first and keeps known ones in place (keys stay put)', () => {
    let s = base({ prefs: { favourites: ['a', 'b'] } });
    s = run(s, { type: 'namespace', namespace: 'c' });
    expect(s.favourites).toEqual(['c', 'a', 'b']);
    s = run(s, { type: 'favourite', index: 3 });
    expect(s.namespace).toBe('b');
    expect(s.favourites).toEqual(['c', 'a', 'b']);
    s = run(s, { type: 'favourite', index: 0 });
    expect(s.namespace).toBeUndefined();
    expect(run(s, { type: 'favourite', index: 7 }).flash?.text).toMatch(/no favourite namespace 7/);
  });
  it('keeps at most nine favourites', () => {
    let s = base();
    for (let i = 0; i < 12; i++) s = run(s, { type: 'namespace', namespace: `ns${i}` });
    expect(s.favourites).toHaveLength(9);
    expect(s.favourites[0]).toBe('ns11');
  });
  it('sends root views back to the top, leaves drill-downs alone', () => {
    let s = run(base(), { type: 'move', pane: 1, move: 'bottom', count: 50, height: 10 });
    s = run(s, { type: 'namespace', namespace: 'other' });
    expect(top(s).cursor).toBe(0);
  });
  it('types into the picker filter and moves its cursor', () => {
    let s = run(base(), { type: 'command', result: { type: 'pickNamespace' } }, { type: 'type', text: 'kube' });
    expect(s.input).toBe('kube');
    s = run(s, { type: 'pickerMove', delta: 5, count: 3 });
    expect(s.pickerCursor).toBe(2);
    s = run(s, { type: 'namespace', namespace: 'kube-system' });
    expect(s).toMatchObject({ mode: 'normal', input: '', namespace: 'kube-system' });
  });
});
