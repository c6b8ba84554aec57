// How the API server has been answering kt, from every request the client makes (lists, watches,
// actions, metrics through the service proxy, and a liveness probe): the last connection-level
// failure or rejection of the credentials, and the oldest request still waiting for an answer. A
// watch that stays open but carries nothing says nothing about the server, so while no request
// has been answered for PROBE_MS a cheap GET /version asks.
import type { KubeApiError } from './api-errors.js';

export interface HealthReport {
  /** The server at the other end, as host:port. */
  server: string;
  /** The last request failed at the connection level (or was refused with 401): why, since when. */
  failing?: { reason: string; since: number; unauthorized: boolean };
  /** Epoch ms since which the oldest unanswered request has been waiting, when over NO_ANSWER_MS. */
  silentSince?: number;
}

/** A request waiting this long for its response headers means the server is not answering. */
export const NO_ANSWER_MS = 5_000;
/** The liveness probe's period while nothing else was answered. */
export const PROBE_MS = 5_000;
/** Its period while requests are failing: the first answer again wakes every watch waiting to retry. */
export const FAILING_PROBE_MS = 1_000;

export class ConnectionHealth {
  private failing: HealthReport['failing'];
  private readonly waiting = new Map<number, number>();
  private nextId = 0;
  private lastAnswer = 0;
  /** A request that timed out without an answer was sent then; cleared by the next answer. */
  private unansweredSince: number | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly recoveries = new Set<() => void>();
  private silentTimer: ReturnType<typeof setTimeout> | undefined;
  private reported = '';

  constructor(
    readonly server: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * A request was sent. Call `answered` when its response headers arrive (a 401 is a failure), or
   * `failed` when it errs; either ends its wait.
   */
  begin(): { answered(statusCode: number): void; failed(err: KubeApiError): void; dropped(): void } {
    const id = this.nextId++;
    const sent = this.now();
    this.waiting.set(id, sent);
    this.armSilence();
    const end = () => this.waiting.delete(id);
    return {
      dropped: () => {
        end();
        this.changed();
      },
      answered: (statusCode) => {
        end();
        if (statusCode === 401) this.fail('unauthorized', true);
        else this.answer();
      },
      failed: (err) => {
        end();
        // Any HTTP status is an answer (a 503 from a service proxy says nothing of the API server).
        if (err.statusCode !== undefined) return err.statusCode === 401 ? this.fail('unauthorized', true) : this.answer();
        if (err.code === 'EABORTED') return this.changed(); // kt gave up on it, not the server
        if (err.code === 'ETIMEDOUT') this.unansweredSince ??= sent;
        this.fail(err.message.split('\n')[0] || 'request failed', false);
      },
    };
  }

  private answer(): void {
    const recovered = this.failing !== undefined || this.unansweredSince !== undefined;
    this.lastAnswer = this.now();
    this.failing = undefined;
    this.unansweredSince = undefined;
    this.changed();
    if (recovered) for (const listener of [...this.recoveries]) listener();
  }

  private fail(reason: string, unauthorized: boolean): void {
    this.failing = { reason, since: this.failing?.since ?? this.now(), unauthorized };
    this.changed();
  }

  /** Nothing was answered for `ms`: time to probe. */
  quietFor(ms: number): boolean {
    return this.now() - this.lastAnswer >= ms;
  }

  report(): HealthReport {
    const r: HealthReport = { server: this.server };
    if (this.failing) r.failing = this.failing;
    const oldest = Math.min(...this.waiting.values(), this.unansweredSince ?? Infinity);
    if (Number.isFinite(oldest) && this.now() - oldest >= NO_ANSWER_MS) r.silentSince = oldest;
    return r;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs `listener` when the server answers again after failing, not answering, or rejecting the
   * credentials (a 403 is an answer: the credentials were accepted). Returns the unsubscribe.
   */
  onRecovered(listener: () => void): () => void {
    this.recoveries.add(listener);
    return () => this.recoveries.delete(listener);
  }

  /** Requests are failing or unanswered. */
  troubled(): boolean {
    return this.failing !== undefined || this.unansweredSince !== undefined;
  }

  dispose(): void {
    clearTimeout(this.silentTimer);
    this.listeners.clear();
    this.recoveries.clear();
  }

  private changed(): void {
    const r = this.report();
    const text = `${r.failing?.reason ?? ''}|${r.silentSince ?? ''}`;
    if (text === this.reported) return;
    this.reported = text;
    for (const listener of [...this.listeners]) listener();
  }

  /** Re-reports when the oldest waiting request crosses NO_ANSWER_MS. */
  private armSilence(): void {
    if (this.silentTimer !== undefined) return;
    this.silentTimer = setTimeout(() => {
      this.silentTimer = undefined;
      this.changed();
      if (this.waiting.size > 0) this.armSilence();
    }, NO_ANSWER_MS / 5);
    this.silentTimer.unref?.();
  }
}

/**
 * Probes GET /version every PROBE_MS while no other request was answered, and every
 * FAILING_PROBE_MS while requests fail (so a server back, or credentials fixed, are seen within a
 * second); returns the stop.
 */
export function startLiveness(health: ConnectionHealth, probe: () => Promise<unknown>, everyMs = PROBE_MS): () => void {
  let inFlight = false;
  const timer = setInterval(() => {
    if (inFlight || !health.quietFor(health.troubled() ? FAILING_PROBE_MS : everyMs)) return;
    inFlight = true;
    probe()
      .catch(() => undefined) // the client reported it to health already
      .finally(() => (inFlight = false));
  }, Math.min(everyMs, FAILING_PROBE_MS));
  timer.unref?.();
  return () => clearInterval(timer);
}
