// The log source of a log view: one pods/log stream per target (pod container), lines into one
// bounded ring, and a coalesced snapshot for the view: however fast lines arrive, listeners hear
// at most once per frame. Targets come and go (pods join, leave, restart) through sync().
import type { Query, WatchHandle } from '../kube/client.js';
import type { KubeApiError } from '../kube/api-errors.js';
import type { TextStreamer } from '../kube/text-stream.js';
import { parseStamped, splitChunk, stampKey, type LogLine } from './log-line.js';
import { Ring } from './ring.js';

export interface LogTarget {
  namespace: string;
  pod: string;
  container: string;
  /** Changes when the container restarts (its restart count): the stream then follows the new one. */
  generation: number;
}

export const targetId = (t: Pick<LogTarget, 'namespace' | 'pod' | 'container'>) => `${t.namespace}/${t.pod}/${t.container}`;

export interface LogRequest {
  /** kubectl logs --tail: lines from the end of each container's log; undefined = all. */
  tail?: number;
  /** kubectl logs --since, in seconds; undefined = no limit. */
  sinceSeconds?: number;
  /** kubectl logs --previous: the last terminated container's log (never followed). */
  previous: boolean;
}

export interface LogSnapshot {
  /** Increases whenever anything changed. */
  version: number;
  /** The kept lines, oldest first (read-only: the source owns it). */
  lines: Ring<LogLine>;
  /** Every target ever streamed in this view, by origin index. */
  targets: readonly LogTarget[];
  /** Streams open now. */
  open: number;
}

export interface LogSource {
  snapshot(): LogSnapshot;
  subscribe(listener: () => void): () => void;
  /** Streams exactly these targets: new ones start, missing ones leave with a marker, a new generation restarts. */
  sync(targets: readonly LogTarget[], leaving?: string): void;
  /** Drops the buffer and reopens every stream with these options. */
  setRequest(request: LogRequest): void;
  /** A marker line of kt's own. */
  mark(text: string): void;
  close(): void;
}

export interface LogSourceOptions {
  /** Lines kept (the oldest drop off). */
  capacity: number;
  /** Coalescing period for listeners (ms). */
  frameMs?: number;
  /** Wait before reopening a stream whose connection dropped (ms). */
  retryMs?: number;
}

interface Stream {
  target: LogTarget;
  origin: number;
  handle?: WatchHandle;
  carry: string;
  /** The newest timestamp received (sorting form), and how many lines carried it. */
  lastKey?: string;
  lastTs?: string;
  sameCount: number;
  /** After a reopen from lastTs: lines up to this key (and this many at it) were shown already. */
  skip?: { key: string; count: number };
  retry?: ReturnType<typeof setTimeout>;
}

export const logPath = (t: LogTarget) => `/api/v1/namespaces/${t.namespace}/pods/${t.pod}/log`;

export function createLogSource(streamer: TextStreamer, request: LogRequest, options: LogSourceOptions): LogSource {
  const lines = new Ring<LogLine>(options.capacity);
  const frameMs = options.frameMs ?? 50;
  const retryMs = options.retryMs ?? 1000;
  const targets: LogTarget[] = [];
  const streams = new Map<string, Stream>();
  const listeners = new Set<() => void>();
  let current = request;
  let version = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let snap: LogSnapshot | undefined;

  function changed(): void {
    version++;
    snap = undefined;
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      for (const l of [...listeners]) l();
    }, frameMs);
  }

  function push(text: string, origin: number, ts?: string, marker?: boolean): void {
    lines.push({ seq: lines.pushed + 1, text, origin, ...(ts ? { ts } : {}), ...(marker ? { marker } : {}) });
  }

  // Stamped as the kubelet stamps lines (nanoseconds), so `t` shows one format.
  const markLine = (text: string) => push(text, -1, new Date().toISOString().replace('Z', '000000Z'), true);
  const name = (t: LogTarget) => `${t.pod}/${t.container}`;

  function onText(s: Stream, chunk: string): void {
    const { lines: raw, carry } = splitChunk(s.carry, chunk);
    s.carry = carry;
    for (const line of raw) {
      const { ts, text } = parseStamped(line);
      if (ts) {
        const key = stampKey(ts);
        if (s.skip && (key < s.skip.key || (key === s.skip.key && s.skip.count-- > 0))) continue; // shown before the reopen
        s.skip = undefined;
        s.sameCount = key === s.lastKey ? s.sameCount + 1 : 1;
        s.lastKey = key;
        s.lastTs = ts;
      }
      push(text, s.origin, ts);
    }
    if (raw.length) changed();
  }

  function open(s: Stream, resume: boolean): void {
    const query: Query = { container: s.target.container, timestamps: true };
    if (current.previous) query.previous = true;
    else query.follow = true;
    if (resume && s.lastTs && s.lastKey) {
      query.sinceTime = s.lastTs.replace(/\.\d+Z$/, 'Z');
      s.skip = { key: s.lastKey, count: s.sameCount };
    } else {
      if (current.tail !== undefined) query.tailLines = current.tail;
      if (current.sinceSeconds !== undefined) query.sinceSeconds = current.sinceSeconds;
    }
    s.carry = '';
    s.handle = streamer.stream(logPath(s.target), query, (text) => onText(s, text), (err?: KubeApiError) => {
      if (s.carry) onText(s, '\n');
      s.handle = undefined;
      if (closed) return;
      // The connection dropped (no answer from the server): pick up where it was, once a second.
      const lost = err && err.statusCode === undefined && !current.previous;
      if (err) markLine(`${name(s.target)}: ${err.message}${lost ? '; reconnecting' : ''}`);
      else if (!current.previous) markLine(`${name(s.target)}: stream ended`);
      if (lost) s.retry = setTimeout(() => streams.get(targetId(s.target)) === s && !s.handle && open(s, true), retryMs);
      changed();
    });
  }

  function stop(s: Stream): void {
    clearTimeout(s.retry);
    s.handle?.abort();
    s.handle = undefined;
  }

  return {
    snapshot() {
      snap ??= { version, lines, targets, open: [...streams.values()].filter((s) => s.handle).length };
      return snap;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sync(wanted, leaving = 'left') {
      const ids = new Set(wanted.map(targetId));
      for (const [id, s] of streams) {
        if (ids.has(id)) continue;
        stop(s);
        streams.delete(id);
        markLine(`${name(s.target)}: ${leaving}`);
      }
      for (const t of wanted) {
        const id = targetId(t);
        const s = streams.get(id);
        if (!s) {
          const origin = targets.push(t) - 1;
          const stream: Stream = { target: t, origin, carry: '', sameCount: 0 };
          streams.set(id, stream);
          open(stream, false);
        } else if (s.target.generation !== t.generation) {
          stop(s);
          s.target = t;
          targets[s.origin] = t;
          markLine(`${name(t)}: container restarted; following the new one`);
          open(s, !current.previous);
        }
      }
      changed();
    },
    setRequest(next) {
      current = next;
      lines.clear();
      for (const s of streams.values()) {
        stop(s);
        s.lastKey = undefined;
        s.lastTs = undefined;
        s.sameCount = 0;
        open(s, false);
      }
      changed();
    },
    mark(text) {
      markLine(text);
      changed();
    },
    close() {
      closed = true;
      clearTimeout(timer);
      for (const s of streams.values()) stop(s);
      streams.clear();
      listeners.clear();
    },
  };
}
