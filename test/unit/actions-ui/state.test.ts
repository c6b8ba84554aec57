import { describe, expect, it } from 'vitest';
import type { ActionTarget } from '../../../src/actions/types.js';
import type { DialogState } from '../../../src/actions/dialog.js';
import { dialogReducer, EXPOSE_FIELDS } from '../../../src/app/dialog-state.js';
import { initialState, type AppState } from '../../../src/app/state.js';
import { reducer } from '../../../src/app/reducer.js';
import { parseCommand } from '../../../src/app/commands.js';
import { wrapText } from '../../../src/views/dialog-lines.js';
import { exposeLines } from '../../../src/views/ExposeForm.js';
import { deployment } from './objects.js';

const base = (): AppState => initialState({ prefs: { favourites: [] }, allNamespaces: false, initialNamespace: 'default' });
const web: ActionTarget = { kind: 'deployments', name: 'web', namespace: 'default', object: deployment('web') };

function open(dialog: DialogState): AppState {
  return reducer(base(), { type: 'dialogOpen', dialog });
}

describe('action state', () => {
  it('opens a prompt in prompt mode and a delete dialog in confirm mode', () => {
    expect(open({ type: 'prompt', action: 'scale', pane: 1, targets: [web], text: '2' }).mode).toBe('prompt');
    expect(open({ type: 'delete', action: 'delete', pane: 1, targets: [web], options: { gracePeriod: '', force: false }, field: 0 }).mode).toBe('confirm');
  });

  it('types and deletes in the prompt; an edit clears the last error', () => {
    let s = open({ type: 'prompt', action: 'label', pane: 1, targets: [web], text: '' });
    s = reducer(s, { type: 'dialogError', error: 'bad' });
    s = reducer(s, { type: 'dialogType', text: 'a=b' });
    expect(s.dialog).toMatchObject({ text: 'a=b', error: undefined });
    s = reducer(s, { type: 'dialogDeleteChar' });
    expect(s.dialog).toMatchObject({ text: 'a=' });
  });

  it("a prompt's text read from the server fills it only while it is empty and still that action's", () => {
    const empty = open({ type: 'prompt', action: 'scale', pane: 1, targets: [web], text: '' });
    expect(reducer(empty, { type: 'dialogPrefill', action: 'scale', text: '3' }).dialog).toMatchObject({ text: '3' });
    const typed = reducer(empty, { type: 'dialogType', text: '7' });
    expect(reducer(typed, { type: 'dialogPrefill', action: 'scale', text: '3' }).dialog).toMatchObject({ text: '7' });
    expect(reducer(empty, { type: 'dialogPrefill', action: 'label', text: '3' }).dialog).toMatchObject({ text: '' });
    const closed = reducer(empty, { type: 'dialogClose', applied: false });
    expect(reducer(closed, { type: 'dialogPrefill', action: 'scale', text: '3' }).dialog).toBeUndefined();
  });

  it('moves through the expose fields, wrapping; choice fields cycle and pick by letter, ignore backspace', () => {
    const form = { port: '80', targetPort: '80', protocol: 'TCP', type: 'ClusterIP', nodePort: '', name: 'web' };
    let s = open({ type: 'expose', action: 'expose', pane: 1, targets: [web], form, field: 0 });
    s = reducer(s, { type: 'dialogField', delta: -1 });
    expect(s.dialog).toMatchObject({ field: EXPOSE_FIELDS.length - 1 });
    s = reducer(s, { type: 'dialogField', delta: -2 }); // type
    s = reducer(s, { type: 'dialogChoice', delta: -1 });
    expect(s.dialog).toMatchObject({ form: { type: 'LoadBalancer' } });
    s = reducer(s, { type: 'dialogType', text: 'n' });
    expect(s.dialog).toMatchObject({ form: { type: 'NodePort' } });
    s = reducer(s, { type: 'dialogType', text: ' ' });
    expect(s.dialog).toMatchObject({ form: { type: 'LoadBalancer' } });
    s = reducer(s, { type: 'dialogDeleteChar' });
    expect(s.dialog).toMatchObject({ form: { type: 'LoadBalancer' } });
  });

  it('delete dialog: digits only on the grace field, space toggles force on its field', () => {
    let s = open({ type: 'delete', action: 'delete', pane: 1, targets: [web], options: { gracePeriod: '', force: false }, field: 0 });
    s = reducer(s, { type: 'dialogType', text: '15' });
    s = reducer(s, { type: 'dialogChoice', delta: 1 }); // not on the force field: nothing
    expect(s.dialog).toMatchObject({ options: { gracePeriod: '15', force: false } });
    s = reducer(s, { type: 'dialogField', delta: 1 });
    s = reducer(s, { type: 'dialogChoice', delta: 1 });
    s = reducer(s, { type: 'dialogType', text: '9' });
    expect(s.dialog).toMatchObject({ options: { gracePeriod: '15', force: true } });
  });

  it('marks per frame: Space toggles and moves down, clearMarks and an applied action clear them, a cancel keeps them', () => {
    let s = reducer(base(), { type: 'mark', pane: 1, key: 'default/a', count: 3, height: 10 });
    s = reducer(s, { type: 'mark', pane: 1, key: 'default/b', count: 3, height: 10 });
    expect(s.panes[1]?.stack[0]).toMatchObject({ marks: ['default/a', 'default/b'], cursor: 2 });
    s = reducer(s, { type: 'mark', pane: 1, key: 'default/a', count: 3, height: 10 });
    expect(s.panes[1]?.stack[0]?.marks).toEqual(['default/b']);
    s = dialogReducer(s, { type: 'dialogOpen', dialog: { type: 'prompt', action: 'label', pane: 1, targets: [web], text: '' } });
    s = dialogReducer(s, { type: 'dialogClose', applied: false });
    expect(s.panes[1]?.stack[0]?.marks).toEqual(['default/b']);
    s = dialogReducer(s, { type: 'dialogOpen', dialog: { type: 'prompt', action: 'label', pane: 1, targets: [web], text: '' } });
    s = dialogReducer(s, { type: 'dialogClose', applied: true });
    expect(s.mode).toBe('normal');
    expect(s.panes[1]?.stack[0]?.marks).toBeUndefined();
    s = reducer(s, { type: 'mark', pane: 1, key: 'default/c', count: 3, height: 10 });
    s = reducer(s, { type: 'clearMarks', pane: 1 });
    expect(s.panes[1]?.stack[0]?.marks).toBeUndefined();
  });

  it(':journal opens the journal', () => {
    const result = parseCommand('journal', () => undefined);
    expect(result).toEqual({ type: 'journal' });
    expect(reducer({ ...base(), mode: 'command' }, { type: 'command', result }).mode).toBe('journal');
  });
});

describe('long kubectl lines', () => {
  it('wrap at spaces to the dialog width instead of being cut', () => {
    expect(wrapText('kubectl expose deployment web --port=80', 20)).toEqual(['kubectl expose', 'deployment web', '--port=80']);
    const form = { port: '80', targetPort: '8080', protocol: 'TCP', type: 'NodePort', nodePort: '30080', name: 'a-rather-long-service-name' };
    const lines = exposeLines({ type: 'expose', action: 'expose', pane: 1, targets: [web], form, field: 0 }, 60);
    const text = lines.map((l) => l.segments.map((s) => s.text).join('')).filter((t) => /^( \$ | {5}\S)/.test(t));
    expect(text.every((t) => t.length <= 57)).toBe(true);
    const squash = (t: string) => t.replace(/\s+/g, '');
    expect(squash(text.map((t) => t.trim().replace(/^\$ /, '')).join(''))).toBe(squash(
      'kubectl expose deployment web --port=80 --target-port=8080 --type=NodePort --name=a-rather-long-service-name ' +
        '--overrides=\'{"spec":{"ports":[{"port":80,"targetPort":8080,"protocol":"TCP","nodePort":30080}]}}\' -n default'),
    );
  });
});
