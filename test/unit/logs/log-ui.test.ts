import { describe, expect, it } from 'vitest';
import { logsReducer } from '../../../src/app/logs-state.js';
import { initialState } from '../../../src/app/state.js';
import { initialLogUi, logRequest, logUiReducer, rangeLabel } from '../../../src/logs/log-ui.js';
import { parseSaveCommand } from '../../../src/logs/save.js';

describe('log view state', () => {
  it('asks for the tail by default, since 1m…1h or all on 1–5, and the previous container with p', () => {
    let ui = initialLogUi(false, 'app');
    expect(logRequest(ui, 200)).toEqual({ tail: 200, previous: false });
    ui = logUiReducer(ui, { type: 'range', range: '5m' });
    expect(logRequest(ui, 200)).toEqual({ sinceSeconds: 300, previous: false });
    ui = logUiReducer(logUiReducer(ui, { type: 'range', range: 'all' }), { type: 'toggle', option: 'previous' });
    expect(logRequest(ui, 200)).toEqual({ previous: true });
    expect(rangeLabel(ui, 200)).toBe('previous, all');
  });

  it('pauses at a line, counting what arrived since, and follows again', () => {
    let ui = logUiReducer(initialLogUi(false, 'app'), { type: 'pause', topSeq: 40, pushed: 100 });
    ui = logUiReducer(ui, { type: 'pause', topSeq: 30, pushed: 150 }); // scrolling further keeps the first count
    expect(ui).toMatchObject({ follow: false, topSeq: 30, pausedAt: 100 });
    expect(logUiReducer(ui, { type: 'resume' }).follow).toBe(true);
  });

  it('the picker picks all containers at 0, else the container under its cursor', () => {
    let ui = initialLogUi(false);
    ui = logUiReducer(ui, { type: 'pickerMove', delta: 5, count: 3 });
    expect(logUiReducer(ui, { type: 'pickAtCursor', containers: ['setup', 'app'] }).container).toBe('app');
    expect(logUiReducer(initialLogUi(false), { type: 'pickAtCursor', containers: ['setup', 'app'] }).container).toBe('*');
  });

  it('opens in mode logs (workloads stream every container) and closes back to normal', () => {
    const open = logsReducer(initialState({ prefs: { favourites: [] }, allNamespaces: false }), { type: 'logsOpen', target: { kind: 'deployment', name: 'web', namespace: 'default', labelSelector: 'app=web' } });
    expect(open.mode).toBe('logs');
    expect(open.logs?.ui.container).toBe('*');
    expect(logsReducer(open, { type: 'logsClose' })).toMatchObject({ mode: 'normal', logs: undefined });
  });

  it(':w PATH is the only command, and says what it needs', () => {
    expect(parseSaveCommand('w /tmp/x.log')).toEqual({ path: '/tmp/x.log' });
    expect(parseSaveCommand('w')).toEqual({ error: ':w needs a file name, e.g. :w /tmp/pod.log' });
    expect(parseSaveCommand('q')).toEqual({ error: 'unknown command ":q"; the log view knows :w PATH' });
  });
});

describe('resolveLogSettings', () => {
  it('takes tail and buffer from the config file, and names what is wrong', async () => {
    const { resolveLogSettings } = await import('../../../src/logs/log-settings.js');
    expect(resolveLogSettings(undefined, 'c.json')).toEqual({ settings: { tail: 200, capacity: 10_000, askAbove: 50 } });
    expect(resolveLogSettings({ tail: 50, buffer: 2000 }, 'c.json').settings).toMatchObject({ tail: 50, capacity: 2000 });
    const bad = resolveLogSettings({ tail: -1, lines: 3 }, 'c.json');
    expect(bad.settings.tail).toBe(200);
    expect(bad.warning).toBe('kt: in "logs" of c.json: tail must be a whole number from 1 to 100000, not -1; unknown setting "lines" (known: tail, buffer); using the defaults for those');
  });
});
