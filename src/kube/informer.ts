// A supervised list+watch of one collection. One loop per informer (never two overlapping starts):
// list, then watch from the list's resourceVersion, re-watching from the last one seen when the
// server ends the stream. Errors restart with exponential backoff and jitter. As client-go's
// reflector does, it relists (replacing the cache, so vanished objects go) when the server says the
// resourceVersion is gone (410) or too large (504 ResourceVersionTooLarge: the cluster's history went
// back), and when a watch cannot resume after RESUME_TRIES tries. A watchdog restarts a watch that
// has gone silent; 403 is reported as `forbidden` and 401 as `unauthorized`, retried within
// seconds (RBAC or credentials fixed come back by themselves). A watch waiting to retry tries at
// once when the server answers again (`recovered`). The last items are kept (marked stale) while
// reconnecting.
import { type KubeClient, type Query, type WatchEventArgs, type WatchHandle } from './client.js';
import { apiErrorFromStatus, KubeApiError } from './api-errors.js';
import { ClusterHistory } from './cluster-history.js';
import { listAll, strip } from './list-pages.js';
import { classifyFailure } from './watch-failure.js';
import { objectKey, type KubeObject, type WatchKey, type WatchState, type WatchStatus } from './types.js';

/** Where a WatchKey lives on the API server (see watchTarget in ../store/create-source.ts). */
export interface WatchTarget {
  /** Collection path, e.g. /api/v1/namespaces/default/pods. */
  path: string;
  plural: string;
  /** Namespace the path is scoped to; undefined = all namespaces or a cluster-scoped kind. */
  namespace?: string;
}

export interface InformerTiming {
  /** Server-side watch timeout; each watch asks for 1-2× this (jittered). Default 300. */
  watchTimeoutSeconds?: number;
  /** Restart a watch silent (no event, no bookmark) this long. Default 90 000. */
  watchdogMs?: number;
  backoffInitialMs?: number; // default 500
  backoffMaxMs?: number; // default 30 000
  /** Retry interval for a kind the server does not serve (404). Default 30 000. */
  slowRetryMs?: number;
  /** Forbidden and unauthorized back off up to this. Default 5 000. */
  refusedRetryMs?: number;
  random?: () => number;
  now?: () => number;
}

export interface InformerOptions extends InformerTiming {
  client: KubeClient;
  key: WatchKey;
  target: WatchTarget;
  /** Shared by the informers of one API server (see cluster-history.ts); default: this one's own. */
  history?: ClusterHistory;
  /**
   * Subscribes to "the server answers again" (ConnectionHealth.onRecovered): a watch waiting to
   * retry then tries at once, not at the end of its backoff. Returns the unsubscribe.
   */
  recovered?: (listener: () => void) => () => void;
  /**
   * Items or status changed. Called synchronously, possibly per event: coalesce downstream. A watch
   * event names the objectKey it changed; a relist or status change names none.
   */
  onChange: (changedKey?: string) => void;
}

/** Connection-level failures in a row after which a watch is not resumed but relisted. */
export const RESUME_TRIES = 5;
/** A watch that stayed open this long was healthy even if the collection was quiet. */
const HEALTHY_MS = 10_000;

export class Informer {
  /** Current objects by objectKey(); replaced in place on relist. */
  readonly items = new Map<string, KubeObject>();
  private state: WatchState = 'loading';
  private message: string | undefined;
  private stale = false;
  private lastSync: number | undefined;
  /** When the items stopped being known current (the failure that made them stale). */
  private staleSince: number | undefined;
  /** The retry after a failure: its number (1 = the first retry) and when it is due. */
  private retry: { attempt: number; at: number } | undefined;
  private rv = '';
  private readonly history: ClusterHistory;
  private readonly unsubscribe: () => void;
  private readonly unrecovered: () => void;
  /** Connection-level failures in a row while resuming from this.rv. */
  private resumeFailures = 0;
  /** The connection failed: before resuming from this.rv, check the server's history still has it. */
  private verify = false;
  private started = false;
  private stopped = false;
  private readonly abort = new AbortController();
  private watch: WatchHandle | undefined;
  private wake: (() => void) | undefined;
  private readonly t: Required<InformerTiming>;

  constructor(private readonly opts: InformerOptions) {
    this.t = {
      watchTimeoutSeconds: opts.watchTimeoutSeconds ?? 300,
      watchdogMs: opts.watchdogMs ?? 90_000,
      backoffInitialMs: opts.backoffInitialMs ?? 500,
      backoffMaxMs: opts.backoffMaxMs ?? 30_000,
      slowRetryMs: opts.slowRetryMs ?? 30_000,
      refusedRetryMs: opts.refusedRetryMs ?? 5_000,
      random: opts.random ?? Math.random,
      now: opts.now ?? Date.now,
    };
    this.history = opts.history ?? new ClusterHistory();
    this.unsubscribe = this.history.onReset(this.reset);
    this.unrecovered = opts.recovered?.(this.retryNow) ?? (() => {});
  }

  /** The server answers again: a wait before retrying ends now. */
  private readonly retryNow = (): void => {
    if (this.state !== 'live') this.wake?.();
  };

  /** Another informer found the cluster's history went back: relist, ending the watch in flight. */
  private readonly reset = (): void => {
    this.rv = '';
    this.watch?.abort();
    this.wake?.();
  };

  get status(): WatchStatus {
    const s: WatchStatus = { state: this.state, stale: this.stale };
    if (this.message !== undefined) s.message = this.message;
    if (this.lastSync !== undefined) s.lastSync = this.lastSync;
    if (this.stale && this.staleSince !== undefined) s.staleSince = this.staleSince;
    if (this.retry && this.state !== 'live' && this.state !== 'loading') {
      s.attempt = this.retry.attempt;
      s.retryAt = this.retry.at;
    }
    return s;
  }

  /** Starts the loop once; later calls (and calls after stop) do nothing. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    void this.run();
  }

  /** Stops for good: aborts the list or watch in flight and any pending retry. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribe();
    this.unrecovered();
    this.abort.abort();
    this.watch?.abort();
    this.wake?.();
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      let delay = 0;
      try {
        if (this.rv && this.verify) await this.verifyHistory();
        if (!this.rv) await this.relist();
        if (this.stopped) return;
        const healthy = await this.watchOnce();
        if (healthy) attempt = 0;
        else delay = this.backoff(attempt++);
      } catch (err) {
        if (this.stopped) return;
        delay = this.failed(err as KubeApiError, attempt++);
        if (delay > 0) this.retryIn(attempt, delay);
      }
      if (delay > 0) await this.sleep(delay);
    }
  }

  private async relist(): Promise<void> {
    const listed = await listAll(this.opts.client, this.opts.target.path, this.selectors(), this.abort.signal);
    if (!listed || this.stopped) return;
    const { items, resourceVersion: rv } = listed;
    // A list older than what was seen (etcd restored, cluster recreated): this replacement drops
    // what the old history had, and the history tells the other informers to relist too.
    this.history.listed(rv, this.reset);
    this.items.clear();
    for (const [key, obj] of items) this.items.set(key, obj);
    this.rv = rv;
    this.resumeFailures = 0;
    this.lastSync = this.t.now();
    this.setStatus('live', undefined, false, true);
  }

  /**
   * After a lost connection the server may be another one under the same name (recreated, etcd
   * restored) whose history is behind ours. A watch from our future resourceVersion is accepted and
   * then waits, silently, until the new history reaches it, never telling of the objects it has: so
   * a one-item list asks for the current resourceVersion first, and a lower one means relist.
   */
  private async verifyHistory(): Promise<void> {
    const res = await this.opts.client.list(this.opts.target.path, { ...this.selectors(), limit: 1 }, this.abort.signal);
    this.verify = false;
    if (this.history.listed(res.resourceVersion, this.reset) || isBehind(res.resourceVersion, this.rv)) this.rv = '';
  }

  /**
   * One watch from this.rv. Resolves true when the server ended a watch that delivered something
   * or ran a while, false when it closed at once without a word; rejects on an error (ERROR events
   * included).
   */
  private watchOnce(): Promise<boolean> {
    const began = this.t.now();
    return new Promise((resolve, reject) => {
      let heard = false;
      let settled = false;
      let dog: ReturnType<typeof setTimeout> | undefined;
      let handle: WatchHandle | undefined = undefined;
      const settle = (err?: KubeApiError) => {
        if (settled) return;
        settled = true;
        clearTimeout(dog);
        handle?.abort();
        this.watch = undefined;
        if (err) reject(err);
        else resolve(heard || this.t.now() - began >= HEALTHY_MS);
      };
      const pet = () => {
        clearTimeout(dog);
        dog = setTimeout(() => {
          const secs = Math.round(this.t.watchdogMs / 1000);
          settle(new KubeApiError(`watch silent for ${secs}s, reconnecting`, { code: 'EWATCHDOG' }));
        }, this.t.watchdogMs);
      };
      const onEvent = (...[type, obj]: WatchEventArgs) => {
        if (settled) return;
        heard = true;
        pet();
        if (type === 'ERROR') {
          settle(apiErrorFromStatus(obj));
          return;
        }
        if (!obj?.metadata) return;
        if (obj.metadata.resourceVersion) {
          this.rv = obj.metadata.resourceVersion;
          this.history.seen(this.rv);
        }
        if (type === 'BOOKMARK') return;
        const id = objectKey(obj);
        if (type === 'DELETED') this.items.delete(id);
        else this.items.set(id, strip(obj));
        this.lastSync = this.t.now();
        this.opts.onChange(id);
      };
      const onOpen = () => {
        pet();
        this.resumeFailures = 0;
        if (this.state !== 'live' || this.stale) this.setStatus('live', undefined, false);
      };
      const query: Query = {
        ...this.selectors(),
        resourceVersion: this.rv,
        allowWatchBookmarks: true,
        timeoutSeconds: Math.round(this.t.watchTimeoutSeconds * (1 + this.t.random())),
      };
      pet();
      this.watch = { abort: () => settle() };
      handle = this.opts.client.watch(this.opts.target.path, query, onEvent, settle, onOpen);
      if (settled) handle.abort();
      else if (this.stopped) settle();
    });
  }

  /** Classifies an error, updates the status, and returns how long to wait before retrying. */
  private failed(err: KubeApiError, attempt: number): number {
    const failure = classifyFailure(err, this.opts.target.plural, this.scope());
    const had = this.items.size > 0;
    if (failure.kind === 'history') {
      // Our resourceVersion is too old, or newer than the server's history (which went back):
      // relist (at once the first time), replacing the cache.
      this.rv = '';
      this.setStatus(this.state === 'loading' ? 'loading' : this.state, this.message, had);
      return attempt === 0 ? 0 : this.backoff(attempt);
    }
    if (failure.kind === 'refused') {
      this.rv = '';
      this.setStatus(failure.state, failure.message, had);
      if (failure.slow) return this.t.slowRetryMs;
      return failure.state === 'error' ? this.backoff(attempt) : Math.min(this.t.refusedRetryMs, this.backoff(attempt));
    }
    // Connection-level: keep showing the last items, marked stale; re-watch from the last RV, or
    // relist once resuming has failed RESUME_TRIES times (the server may not be the one it was).
    if (this.rv && ++this.resumeFailures >= RESUME_TRIES) this.rv = '';
    this.verify = true;
    // Rows are stale only if a list ever brought any: a server never reached has no old data to age.
    this.setStatus('reconnecting', failure.message, this.lastSync !== undefined);
    return this.backoff(attempt);
  }

  /** Says when the next try is due (the header counts down to it). */
  private retryIn(attempt: number, delay: number): void {
    this.retry = { attempt, at: this.t.now() + delay };
    this.opts.onChange();
  }

  private backoff(attempt: number): number {
    const base = Math.min(this.t.backoffMaxMs, this.t.backoffInitialMs * 2 ** Math.min(attempt, 30));
    return Math.min(this.t.backoffMaxMs, Math.round(base * (0.8 + 0.4 * this.t.random())));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }

  private scope(): string {
    const ns = this.opts.target.namespace;
    return ns ? `in namespace ${ns}` : 'at the cluster scope';
  }

  private selectors(): Query {
    const { labelSelector, fieldSelector } = this.opts.key;
    return { labelSelector: labelSelector || undefined, fieldSelector: fieldSelector || undefined };
  }

  private setStatus(state: WatchState, message: string | undefined, stale: boolean, force = false): void {
    if (stale && !this.stale) this.staleSince = this.t.now();
    if (state === 'live' || state === 'loading') this.retry = undefined;
    if (!force && state === this.state && message === this.message && stale === this.stale) return;
    this.state = state;
    this.message = message;
    this.stale = stale;
    this.opts.onChange();
  }
}

/** `rv` is lower than `than` (both etcd revisions; opaque ones are never behind). */
function isBehind(rv: string, than: string): boolean {
  const numeric = /^\d{1,30}$/;
  return numeric.test(rv) && numeric.test(than) && BigInt(rv) < BigInt(than);
}
