// The HTTP client kt talks to the API server with: raw JSON in and out (timestamps stay strings),
// TLS and credentials from the kubeconfig (client certs, bearer tokens, exec plugins). With
// kubeconfig.ts this is the only file that imports @kubernetes/client-node.
import http from 'node:http';
import https from 'node:https';
import { createInterface } from 'node:readline';
import type { KubeConfig } from '@kubernetes/client-node';
import { firstLine } from '../text/first-line.js';
import type { KubeObject } from './types.js';
import { keepAliveAgents } from './agent-pool.js';
import type { TextStreamer } from './text-stream.js';
import { dialWebSocket, type WebSocketDialer } from './websocket.js';
import { ConnectionHealth } from './health.js';
import { apiErrorFromBody, apiErrorFromNode, KubeApiError, TimeoutReason, type ApiStatus } from './api-errors.js';

export type Query = Record<string, string | number | boolean | undefined>;

export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  /** The token for the next page of a list asked for with `limit`; absent on the last page. */
  continue?: string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
/** (type, object) of one watch event; for ERROR the object is the API's Status. */
export type WatchEventArgs = [type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK', obj: KubeObject] | [type: 'ERROR', obj: ApiStatus];

export interface WatchHandle {
  abort(): void;
}

export interface KubeClient {
  /** GET a collection; items keep the API's raw JSON, with apiVersion/kind filled in from the list. */
  list(path: string, query?: Query, signal?: AbortSignal, onContinue?: (token: string) => void): Promise<ListResult>;
  /**
   * Streams watch events (watch=true is added). onDone runs exactly once: with no error when the
   * server ends the stream, with a KubeApiError otherwise; never after abort(). onOpen runs when
   * the server accepted the watch (HTTP 200).
   */
  watch(
    path: string,
    query: Query,
    onEvent: (...event: WatchEventArgs) => void,
    onDone: (err?: KubeApiError) => void,
    onOpen?: () => void,
  ): WatchHandle;
  /** GET /version → gitVersion, e.g. "v1.34.1". */
  serverVersion(): Promise<string>;
  /** Any other call (delete, scale, patch...). A body that is not a string is sent as JSON. */
  request<T = unknown>(method: string, path: string, body?: unknown, contentType?: string): Promise<T>;
  /** The same client (connections, credentials, health) asking for another media type: Table, discovery. */
  withAccept(accept: string): KubeClient;
}

export interface KubeClientOptions {
  /** --request-timeout in ms for non-watch requests; 0 or undefined = none. */
  requestTimeoutMs?: number;
  userAgent?: string;
  /** The Accept header of every request; withAccept() gives a view that asks for another. */
  accept?: string;
  /**
   * Reads the kubeconfig again (same files, same context). Called on a 401: credentials rewritten
   * under kt (a rotated token, `aws eks update-kubeconfig`) are then used without a restart.
   */
  reload?: () => KubeConfig;
}

const JSON_ACCEPT = 'application/json';

/** A 401 reloads the kubeconfig at most this often. */
const RELOAD_MS = 2_000;

interface Prepared {
  url: URL;
  options: https.RequestOptions;
}

/**
 * The client kt builds; `close()` ends its kept-alive connections, `health` says how the server
 * has been answering, `ping()` is the liveness probe (GET /version, bounded by the request timeout
 * or PING_TIMEOUT_MS).
 */
export type ClosableKubeClient = KubeClient & TextStreamer & WebSocketDialer & { close(): void; readonly health: ConnectionHealth; ping(): Promise<void> };

/** The liveness probe's own bound when --request-timeout is not set. */
export const PING_TIMEOUT_MS = 10_000;

export function createKubeClient(initial: KubeConfig, options: KubeClientOptions = {}): ClosableKubeClient {
  let kc = initial;
  const server = kc.getCurrentCluster()?.server;
  if (!server) throw new Error('kt: the kubeconfig has no current cluster');
  const userAgent = options.userAgent ?? 'kt';
  const timeoutMs = options.requestTimeoutMs ?? 0;
  const sharedAgent = keepAliveAgents();
  const health = new ConnectionHealth(new URL(server).host);
  let lastReload = 0;
  /** After a 401: re-reads the kubeconfig; true when the user's credentials changed (worth one retry). */
  function reloaded(): boolean {
    if (!options.reload || Date.now() - lastReload < RELOAD_MS) return false;
    lastReload = Date.now();
    try {
      const fresh = options.reload();
      const user = (c: KubeConfig) => JSON.stringify(c.getCurrentUser() ?? null);
      const changed = user(fresh) !== user(kc) || Boolean(kc.getCurrentUser()?.authProvider || kc.getCurrentUser()?.exec);
      kc = fresh;
      return changed;
    } catch {
      return false; // a kubeconfig being rewritten may not parse yet: keep the old one
    }
  }

  /** shared: the keep-alive agent (a WebSocket takes its connection for itself, so it gets its own). */
  async function prepare(method: string, path: string, query: Query | undefined, accept: string, shared = true): Promise<Prepared> {
    const url = new URL(server + path);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const opts: https.RequestOptions = {};
    try {
      await kc.applyToHTTPSOptions(opts); // TLS material, auth headers (runs exec/oidc plugins), agent
    } catch (err) {
      throw new KubeApiError(`cannot authenticate: ${firstLine(err)}`, { code: 'EAUTH' });
    }
    const headers: http.OutgoingHttpHeaders = {
      ...(opts.headers as http.OutgoingHttpHeaders | undefined),
      Accept: accept,
      'User-Agent': userAgent,
    };
    const agent = opts.agent as http.Agent | undefined;
    return { url, options: { method, agent: shared ? sharedAgent(agent) : agent, auth: opts.auth, headers } };
  }

  function send(prep: Prepared, body: string | undefined, signal: AbortSignal, retried = false): Promise<http.IncomingMessage> {
    return new Promise((resolve, reject) => {
      const mod = prep.url.protocol === 'http:' ? http : https;
      const waiting = health.begin();
      const req = mod.request(prep.url, { ...prep.options, signal }, (res) => {
        waiting.answered(res.statusCode ?? 0);
        resolve(res);
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        // A kept-alive connection the server closed just as it was reused: a GET is safe to send again.
        if (!retried && req.reusedSocket && err.code === 'ECONNRESET' && prep.options.method === 'GET' && !signal.aborted) {
          waiting.dropped();
          send(prep, body, signal, true).then(resolve, reject);
          return;
        }
        const failure = apiErrorFromNode(err, signal, req.writableFinished);
        waiting.failed(failure);
        reject(failure);
      });
      req.on('socket', (socket) => socket.setKeepAlive(true, 30_000));
      req.end(body);
    });
  }

  /** The body; `onHead` sees its first bytes once, as they arrive. */
  async function readBody(res: http.IncomingMessage, onHead?: (head: string) => void): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res) {
      chunks.push(chunk as Buffer);
      if (onHead && (size += (chunk as Buffer).length) >= HEAD_BYTES) {
        onHead(Buffer.concat(chunks).subarray(0, HEAD_BYTES).toString('utf8'));
        onHead = undefined;
      }
    }
    const text = Buffer.concat(chunks).toString('utf8');
    onHead?.(text.slice(0, HEAD_BYTES));
    return text;
  }

  async function call(method: string, path: string, opts: CallOptions = {}): Promise<unknown> {
    const { query, body, contentType, signal: outer, onHead, accept = options.accept ?? JSON_ACCEPT } = opts;
    const controller = new AbortController();
    const onOuter = () => controller.abort(outer?.reason);
    if (outer?.aborted) onOuter();
    else outer?.addEventListener('abort', onOuter, { once: true });
    const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(new TimeoutReason(timeoutMs)), timeoutMs) : undefined;
    try {
      const prep = await prepare(method, path, query, accept);
      let payload: string | undefined;
      if (body !== undefined) {
        payload = typeof body === 'string' ? body : JSON.stringify(body);
        // Explicit length: Node sends DELETE bodies unframed otherwise.
        prep.options.headers = {
          ...prep.options.headers,
          'Content-Type': contentType ?? 'application/json',
          'Content-Length': Buffer.byteLength(payload),
        };
      }
      let res = await send(prep, payload, controller.signal);
      if (res.statusCode === 401 && reloaded()) {
        res.resume();
        const again = await prepare(method, path, query, accept);
        const sent = prep.options.headers as http.OutgoingHttpHeaders;
        const body = payload !== undefined ? { 'Content-Type': sent['Content-Type'], 'Content-Length': sent['Content-Length'] } : {};
        const headers = { ...(again.options.headers as http.OutgoingHttpHeaders), ...body };
        res = await send({ ...again, options: { ...again.options, headers } }, payload, controller.signal);
      }
      const status = res.statusCode ?? 0;
      const ok = status >= 200 && status <= 299;
      let text: string;
      try {
        text = await readBody(res, ok ? onHead : undefined);
      } catch (err) {
        throw apiErrorFromNode(err, controller.signal, true);
      }
      if (!ok) throw apiErrorFromBody(status, text);
      if (text === '') return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuter);
    }
  }

  /** The calls, each sending `accept` (one connection pool, one health and one 401 reload for all). */
  function api(accept: string): KubeClient & TextStreamer {
    return {
      async list(path, query, signal, onContinue) {
        // A list's metadata comes before its items: its continue token is known from the first bytes,
        // so the next page can be asked for while this one is still arriving.
        const onHead = onContinue && ((head: string) => {
          const itemsAt = head.indexOf('"items"');
          const token = CONTINUE.exec(itemsAt < 0 ? head : head.slice(0, itemsAt))?.[1];
          if (token) onContinue(JSON.parse(`"${token}"`) as string);
        });
        const raw = (await call('GET', path, { query, signal, onHead, accept })) as RawList | undefined;
        const items = raw?.items ?? [];
        const kind = raw?.kind?.endsWith('List') ? raw.kind.slice(0, -4) : undefined;
        if (kind) {
          for (const item of items) {
            item.apiVersion ??= raw?.apiVersion;
            item.kind ??= kind;
          }
        }
        const next = raw?.metadata?.continue;
        return { items, resourceVersion: raw?.metadata?.resourceVersion ?? '', ...(next ? { continue: next } : {}) };
      },

      watch(path, query, onEvent, onDone, onOpen) {
        const controller = new AbortController();
        let finished = false;
        const finish = (err?: KubeApiError) => {
          if (finished || controller.signal.aborted) return;
          finished = true;
          if (err?.code && err.code !== 'EPROTO') health.begin().failed(err); // the stream was cut
          controller.abort();
          onDone(err);
        };
        void (async () => {
          let res = await send(await prepare('GET', path, { ...query, watch: 'true' }, accept), undefined, controller.signal);
          if (res.statusCode === 401 && reloaded()) {
            res.resume();
            res = await send(await prepare('GET', path, { ...query, watch: 'true' }, accept), undefined, controller.signal);
          }
          if (res.statusCode !== 200) {
            finish(apiErrorFromBody(res.statusCode ?? 0, await readBody(res)));
            return;
          }
          res.on('error', (err) => finish(apiErrorFromNode(err, controller.signal)));
          onOpen?.();
          const lines = createInterface({ input: res, crlfDelay: Infinity });
          lines.on('error', (err) => finish(apiErrorFromNode(err, controller.signal)));
          lines.on('line', (line) => {
            if (finished || controller.signal.aborted || line.trim() === '') return;
            let event: { type?: WatchEventType; object?: KubeObject & ApiStatus };
            try {
              event = JSON.parse(line) as typeof event;
            } catch {
              finish(new KubeApiError(`malformed watch event: ${line.slice(0, 80)}`, { code: 'EPROTO' }));
              return;
            }
            if (!event.type || !event.object) return;
            if (event.type === 'ERROR') onEvent('ERROR', event.object);
            else onEvent(event.type, event.object);
          });
          // A stream that ends without its last chunk was cut, not closed by the server.
          lines.on('close', () => finish(res.complete ? undefined : new KubeApiError('watch connection lost', { code: 'ECONNRESET' })));
        })().catch((err: unknown) => finish(err instanceof KubeApiError ? err : apiErrorFromNode(err, controller.signal)));
        return { abort: () => controller.abort() };
      },

      stream(path, query, onText, onDone) {
        const controller = new AbortController();
        let finished = false;
        const finish = (err?: KubeApiError) => {
          if (finished || controller.signal.aborted) return;
          finished = true;
          controller.abort();
          onDone(err);
        };
        void (async () => {
          const res = await send(await prepare('GET', path, query, accept), undefined, controller.signal);
          if (res.statusCode !== 200) return finish(apiErrorFromBody(res.statusCode ?? 0, await readBody(res)));
          res.setEncoding('utf8');
          res.on('data', (text: string) => !finished && !controller.signal.aborted && onText(text));
          res.on('error', (err) => finish(apiErrorFromNode(err, controller.signal)));
          res.on('end', () => finish(res.complete ? undefined : new KubeApiError('log stream lost', { code: 'ECONNRESET' })));
        })().catch((err: unknown) => finish(err instanceof KubeApiError ? err : apiErrorFromNode(err, controller.signal)));
        return { abort: () => controller.abort() };
      },

      async serverVersion() {
        const info = (await call('GET', '/version', { accept })) as { gitVersion?: string } | undefined;
        return info?.gitVersion ?? '';
      },

      async request<T>(method: string, path: string, body?: unknown, contentType?: string) {
        return (await call(method, path, { body, contentType, accept })) as T;
      },

      withAccept: api,
    };
  }

  return {
    ...api(options.accept ?? JSON_ACCEPT),
    health,

    async dial(path, protocols) {
      const prep = await prepare('GET', path, undefined, JSON_ACCEPT, false);
      const { Accept: _accept, ...headers } = prep.options.headers as http.OutgoingHttpHeaders;
      return dialWebSocket(prep.url, { headers, agent: prep.options.agent as http.Agent | undefined, auth: prep.options.auth ?? undefined }, protocols);
    },

    async ping() {
      const bound = new AbortController();
      const ms = timeoutMs > 0 ? timeoutMs : PING_TIMEOUT_MS;
      const timer = setTimeout(() => bound.abort(new TimeoutReason(ms)), ms);
      try {
        await call('GET', '/version', { signal: bound.signal });
      } finally {
        clearTimeout(timer);
      }
    },

    close() {
      sharedAgent.destroy();
      health.dispose();
    },
  };
}

/** One call's particulars; `accept` defaults to the client's own. */
interface CallOptions {
  query?: Query;
  /** A body that is not a string is sent as JSON. */
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
  /** Sees the body's first bytes once, as they arrive (a list's continue token). */
  onHead?: (head: string) => void;
  accept?: string;
}

/** Bytes of a response read before its head is looked at (a list's metadata is well within it). */
const HEAD_BYTES = 1024;
const CONTINUE = /"metadata":\{[^{}]*?"continue":"((?:[^"\\]|\\.)*)"/;

interface RawList {
  apiVersion?: string;
  kind?: string;
  metadata?: { resourceVersion?: string; continue?: string };
  items?: KubeObject[];
}

