// The one connection state of a context: worst first, and never `live` while anything fails.
import { describe, expect, it } from 'vitest';
import type { HealthReport } from '../../../src/kube/health.js';
import type { WatchStatus } from '../../../src/kube/types.js';
import { summariseConnection } from '../../../src/store/connection.js';

const live: WatchStatus = { state: 'live', stale: false };
const loading: WatchStatus = { state: 'loading', stale: false };
const down: WatchStatus = { state: 'reconnecting', stale: true, staleSince: 1_000, message: 'connect ECONNREFUSED 127.0.0.1:6443', attempt: 2, retryAt: 9_000 };
const healthy: HealthReport = { server: '127.0.0.1:6443' };

describe('summariseConnection', () => {
  it('is live only when every watch is established and the server answers', () => {
    expect(summariseConnection([live, live], healthy)).toEqual({ state: 'live' });
    expect(summariseConnection([live, loading], healthy)).toEqual({ state: 'connecting' });
    expect(summariseConnection([], healthy)).toEqual({ state: 'connecting' });
  });

  it('a routine watch renewal (the watch stays live between two watches) keeps it live', () => {
    expect(summariseConnection([{ ...live, lastSync: 5 }], healthy)).toEqual({ state: 'live' });
  });

  it('reconnecting names the attempt, when the next one is due, the reason and since when the rows are stale', () => {
    const later = { ...down, retryAt: 20_000, attempt: 5 };
    expect(summariseConnection([live, later, down], healthy)).toEqual({
      state: 'reconnecting',
      reason: 'connect ECONNREFUSED 127.0.0.1:6443',
      attempt: 2,
      retryAt: 9_000,
      staleSince: 1_000,
    });
  });

  it('a failing request makes it reconnecting even while every watch looks established', () => {
    const failing = { ...healthy, failing: { reason: 'connect ECONNREFUSED 127.0.0.1:6443', since: 1, unauthorized: false } };
    expect(summariseConnection([live], failing)).toEqual({ state: 'reconnecting', reason: 'connect ECONNREFUSED 127.0.0.1:6443' });
  });

  it('unauthorized from a watch or from any request, never live', () => {
    const rejected: WatchStatus = { state: 'unauthorized', stale: false, message: 'unauthorized: the server rejected the credentials of this context' };
    expect(summariseConnection([live, rejected], healthy)).toEqual({ state: 'unauthorized', reason: rejected.message });
    const failing = { ...healthy, failing: { reason: 'unauthorized', since: 1, unauthorized: true } };
    expect(summariseConnection([live], failing).state).toBe('unauthorized');
  });

  it('forbidden and error name the refused collection', () => {
    const forbidden: WatchStatus = { state: 'forbidden', stale: false, message: 'forbidden: cannot list pods in namespace default' };
    expect(summariseConnection([live, forbidden], healthy)).toEqual({ state: 'forbidden', reason: forbidden.message });
    expect(summariseConnection([{ state: 'error', stale: false, message: 'not found' }], healthy)).toEqual({ state: 'error', reason: 'not found' });
  });

  it('stale rows without a failure in progress (a relist after 410) say since when', () => {
    expect(summariseConnection([live, { state: 'live', stale: true, staleSince: 3_000 }], healthy)).toEqual({ state: 'stale', staleSince: 3_000 });
  });

  it('a server that does not answer outranks everything, with the server and since when', () => {
    const silent = { ...healthy, silentSince: 2_000, failing: { reason: 'x', since: 1, unauthorized: true } };
    expect(summariseConnection([live, down], silent)).toEqual({ state: 'no-answer', server: '127.0.0.1:6443', since: 2_000, staleSince: 1_000 });
  });
});
