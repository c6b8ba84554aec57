// How the API server has been answering: failures, rejections, silence, and the liveness probe.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KubeApiError } from '../../../src/kube/api-errors.js';
import { ConnectionHealth, FAILING_PROBE_MS, NO_ANSWER_MS, PROBE_MS, startLiveness } from '../../../src/kube/health.js';

let health: ConnectionHealth;
let heard = 0;
beforeEach(() => {
  vi.useFakeTimers();
  health = new ConnectionHealth('127.0.0.1:6443');
  heard = 0;
  health.subscribe(() => heard++);
});
afterEach(() => {
  health.dispose();
  vi.useRealTimers();
});

const refused = () => new KubeApiError('connect ECONNREFUSED 127.0.0.1:6443', { code: 'ECONNREFUSED' });

describe('ConnectionHealth', () => {
  it('reports a connection-level failure until the next answer', () => {
    health.begin().failed(refused());
    expect(health.report().failing).toEqual({ reason: 'connect ECONNREFUSED 127.0.0.1:6443', since: Date.now(), unauthorized: false });
    expect(heard).toBe(1);
    health.begin().answered(200);
    expect(health.report()).toEqual({ server: '127.0.0.1:6443' });
  });

  it('takes any HTTP status but 401 as an answer (a 503 from a service proxy is not the API server failing)', () => {
    health.begin().failed(refused());
    health.begin().failed(new KubeApiError('no endpoints available', { statusCode: 503 }));
    expect(health.report().failing).toBeUndefined();
    health.begin().answered(401);
    expect(health.report().failing).toMatchObject({ unauthorized: true });
  });

  it('a request kt aborted says nothing about the server', () => {
    health.begin().failed(new KubeApiError('request aborted', { code: 'EABORTED' }));
    expect(health.report().failing).toBeUndefined();
  });

  it('a request unanswered for NO_ANSWER_MS makes the server silent, and is told without another event', async () => {
    const sent = Date.now();
    const waiting = health.begin();
    await vi.advanceTimersByTimeAsync(NO_ANSWER_MS - 1_000);
    expect(health.report().silentSince).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(health.report().silentSince).toBe(sent);
    expect(heard).toBeGreaterThan(0);
    waiting.answered(200);
    expect(health.report().silentSince).toBeUndefined();
  });

  it('tells onRecovered listeners when the server answers after failing or rejecting the credentials, not on every answer', () => {
    let recovered = 0;
    const stop = health.onRecovered(() => recovered++);
    health.begin().answered(200);
    expect(recovered).toBe(0);
    health.begin().failed(refused());
    health.begin().failed(refused());
    health.begin().answered(200);
    expect(recovered).toBe(1);
    health.begin().answered(401);
    health.begin().answered(403); // the credentials were accepted; RBAC is another matter
    expect(recovered).toBe(2);
    stop();
    health.begin().failed(refused());
    health.begin().answered(200);
    expect(recovered).toBe(2);
  });

  it('a request that timed out unanswered keeps the server silent until something answers', async () => {
    const sent = Date.now();
    const waiting = health.begin();
    await vi.advanceTimersByTimeAsync(NO_ANSWER_MS + 1_000);
    waiting.failed(new KubeApiError('request timed out after 10s', { code: 'ETIMEDOUT' }));
    expect(health.report().silentSince).toBe(sent);
    health.begin().answered(200);
    expect(health.report().silentSince).toBeUndefined();
  });
});

describe('startLiveness', () => {
  it('probes only while nothing else was answered for a period, one probe at a time', async () => {
    let probes = 0;
    let release: () => void = () => {};
    const stop = startLiveness(health, () => {
      probes++;
      return new Promise<void>((resolve) => (release = resolve));
    });
    await vi.advanceTimersByTimeAsync(PROBE_MS);
    expect(probes).toBe(1);
    await vi.advanceTimersByTimeAsync(PROBE_MS * 3);
    expect(probes).toBe(1); // still waiting for the first
    release();
    health.begin().answered(200);
    await vi.advanceTimersByTimeAsync(PROBE_MS - 1);
    expect(probes).toBe(1); // answered within the period
    await vi.advanceTimersByTimeAsync(PROBE_MS);
    expect(probes).toBe(2);
    stop();
    await vi.advanceTimersByTimeAsync(PROBE_MS * 4);
    expect(probes).toBe(2);
  });

  it('probes every FAILING_PROBE_MS while requests fail, and every PROBE_MS again once answered', async () => {
    let probes = 0;
    const stop = startLiveness(health, async () => {
      probes++;
      health.begin().failed(refused());
    });
    health.begin().failed(refused());
    await vi.advanceTimersByTimeAsync(FAILING_PROBE_MS * 3);
    expect(probes).toBe(3);
    health.begin().answered(200);
    await vi.advanceTimersByTimeAsync(PROBE_MS - FAILING_PROBE_MS);
    expect(probes).toBe(3);
    stop();
  });
});
