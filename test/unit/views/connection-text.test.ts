// The header's words for each connection state, and the pane titles' short ones.
import { describe, expect, it } from 'vitest';
import { clockTime, connectionText, paneStateLabel } from '../../../src/views/connection-text.js';

const now = new Date(2026, 11, 7, 11, 3, 0).getTime();
const since = now - 42_000;

describe('connectionText', () => {
  it('says each state in words', () => {
    const text = (c: Parameters<typeof connectionText>[0]) => connectionText(c, now).text;
    expect(clockTime(since)).toBe('11:02:18');
    expect(text({ state: 'live' })).toBe('live');
    expect(text({ state: 'connecting' })).toBe('connecting…');
    expect(text({ state: 'reconnecting', reason: 'connect ECONNREFUSED 127.0.0.1:6443', attempt: 3, retryAt: now + 3_200, staleSince: since })).toBe(
      'reconnecting (attempt 3, next in 4s): connect ECONNREFUSED 127.0.0.1:6443 · stale since 11:02:18 (data 42s old)',
    );
    expect(text({ state: 'reconnecting', reason: 'x', attempt: 3, retryAt: now - 500 })).toBe('reconnecting (attempt 3, next in 0s): x');
    expect(text({ state: 'unauthorized', reason: 'unauthorized: the server rejected the credentials of this context' })).toBe(
      'unauthorized: the server rejected the credentials of this context',
    );
    expect(text({ state: 'forbidden', reason: 'forbidden: cannot list pods in namespace default' })).toBe('forbidden: cannot list pods in namespace default');
    expect(text({ state: 'stale', staleSince: since })).toBe('stale since 11:02:18 (data 42s old)');
    expect(text({ state: 'no-answer', server: '127.0.0.1:6443', since: now - 7_000 })).toBe('no answer from 127.0.0.1:6443 for 7s');
  });
});

describe('paneStateLabel', () => {
  it('is empty while live, names the shared trouble and this pane’s stale rows', () => {
    expect(paneStateLabel({ state: 'live', stale: false }, { state: 'live' })).toBeUndefined();
    expect(paneStateLabel({ state: 'forbidden', stale: false }, { state: 'forbidden' })).toBeUndefined(); // its status line says it
    expect(paneStateLabel({ state: 'reconnecting', stale: true, staleSince: since }, { state: 'reconnecting' })).toBe('reconnecting · stale since 11:02:18');
    expect(paneStateLabel({ state: 'live', stale: false }, { state: 'no-answer' })).toBe('no answer');
    expect(paneStateLabel({ state: 'live', stale: true, staleSince: since }, { state: 'stale' })).toBe('stale since 11:02:18');
  });
});
