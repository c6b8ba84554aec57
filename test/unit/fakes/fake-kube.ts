// The one fake KubeClient of the unit tests. It records every request, answers from routes
// (recorded responses: "path", "path?sorted-query" or "METHOD path" → body, error or function),
// answers access reviews by a policy, serves lists of `objects` in pages, and lets a test script
// watch events. Unrouted GETs fail as the API server does (404); other unrouted requests get {}.
import { type KubeClient, type ListResult, type Query, type WatchEventArgs } from '../../../src/kube/client.js';
import { KubeApiError } from '../../../src/kube/api-errors.js';
import type { KubeObject } from '../../../src/kube/types.js';

export interface Call {
  method: string;
  path: string;
  body?: unknown;
  contentType?: string;
}

export type Reply = unknown;
/** An answer computed per call; throwing (or returning a KubeApiError) fails the request. */
export type Responder = (call: Call) => unknown;

/** (verb, resource, subresource) → allowed. */
export type Policy = (verb: string, resource: string, subresource?: string) => boolean;

export interface FakeWatch {
  path: string;
  query: Query;
  aborted: boolean;
  done: boolean;
  emit(...event: WatchEventArgs): void;
  /** The server ends the stream (err undefined) or it fails. */
  end(err?: KubeApiError): void;
}

export interface FakeKubeOptions {
  routes?: Record<string, Reply>;
  /** Served to lists no route answers; without it such a list is a 404. */
  objects?: KubeObject[];
  respond?: Responder;
  policy?: Policy;
  version?: string;
}

/** "path" or "path?k=v&…" with the query sorted: how routes and `paths` name a GET. */
export function routeKey(path: string, query?: Query): string {
  const entries = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => [k, String(v)]);
  return entries.length ? `${path}?${new URLSearchParams(entries).toString()}` : path;
}

export const notFound = (what = 'the server could not find the requested resource') => new KubeApiError(what, { statusCode: 404, reason: 'NotFound' });

const REVIEWS = '/selfsubjectaccessreviews';

interface ReviewAttributes {
  verb: string;
  resource: string;
  subresource?: string;
  namespace?: string;
}

export class FakeKube implements KubeClient {
  routes: Record<string, Reply>;
  objects: KubeObject[] | undefined;
  respond: Responder | undefined;
  policy: Policy | undefined;
  version: string;
  rv = '100';
  /** Errors the next list calls fail with, in order. */
  listErrors: KubeApiError[] = [];
  /** Errors the next watch calls fail with right away, in order. */
  watchErrors: KubeApiError[] = [];
  /** When false, watches are accepted but onOpen is not called (a hanging connect). */
  openWatches = true;

  /** Every request() call, access reviews included, in order. */
  readonly requests: Call[] = [];
  readonly lists: { path: string; query?: Query }[] = [];
  readonly watches: FakeWatch[] = [];
  /** The resource attributes of every access review. */
  readonly reviews: ReviewAttributes[] = [];
  /** Every list and GET as routeKey names it, and other requests as "METHOD path". */
  readonly paths: string[] = [];
  maxConcurrentWatches = 0;
  /** The media types asked for through withAccept(), in order. */
  readonly accepts: string[] = [];

  constructor(options: FakeKubeOptions = {}) {
    this.routes = options.routes ?? {};
    this.objects = options.objects;
    this.respond = options.respond;
    this.policy = options.policy;
    this.version = options.version ?? 'v1.36.3';
  }

  /** One fake serves every media type: the test's routes say what the server answers. */
  withAccept(accept: string): KubeClient {
    this.accepts.push(accept);
    return this;
  }

  /** Requests other than access reviews. */
  get sent(): Call[] {
    return this.requests.filter((r) => !r.path.endsWith(REVIEWS));
  }

  /** Requests that would change the cluster (not GETs, not access reviews). */
  get mutations(): Call[] {
    return this.sent.filter((r) => r.method !== 'GET');
  }

  get active(): FakeWatch[] {
    return this.watches.filter((w) => !w.aborted && !w.done);
  }

  get last(): FakeWatch {
    const w = this.watches.at(-1);
    if (!w) throw new Error('no watch started');
    return w;
  }

  /** The route for a key, falling back to its path without the query. */
  private route(key: string): { found: boolean; reply?: Reply } {
    if (key in this.routes) return { found: true, reply: this.routes[key] };
    const bare = key.split('?')[0] as string;
    if (bare in this.routes) return { found: true, reply: this.routes[bare] };
    return { found: false };
  }

  private static settle(reply: Reply, call: Call): unknown {
    if (reply instanceof Error) throw reply;
    const value = typeof reply === 'function' ? (reply as Responder)(call) : structuredClone(reply);
    if (value instanceof Error) throw value;
    return value;
  }

  async list(path: string, query?: Query, _signal?: AbortSignal, onContinue?: (token: string) => void): Promise<ListResult> {
    this.lists.push({ path, query });
    const key = routeKey(path, query);
    this.paths.push(key);
    const err = this.listErrors.shift();
    if (err) throw err;
    const { found, reply } = this.route(key);
    if (found) {
      const body = (await FakeKube.settle(reply, { method: 'GET', path: key })) as Partial<ListResult>;
      return { ...body, items: body.items ?? [], resourceVersion: body.resourceVersion ?? this.rv };
    }
    if (!this.objects) throw notFound();
    // Fresh copies, like JSON off the wire; in pages of `limit` with a continue token (an index here).
    const from = Number(query?.continue ?? 0);
    const limit = Number(query?.limit ?? 0) || this.objects.length;
    const page = this.objects.slice(from, from + limit);
    const more = from + limit < this.objects.length;
    if (more) onContinue?.(String(from + limit)); // as the real client does from a page's first bytes
    return { items: structuredClone(page), resourceVersion: this.rv, ...(more ? { continue: String(from + limit) } : {}) };
  }

  watch(path: string, query: Query, onEvent: (...event: WatchEventArgs) => void, onDone: (err?: KubeApiError) => void, onOpen?: () => void) {
    const w: FakeWatch = {
      path,
      query,
      aborted: false,
      done: false,
      emit: (...event) => {
        if (!w.aborted && !w.done) onEvent(...event);
      },
      end: (err) => {
        if (w.aborted || w.done) return;
        w.done = true;
        onDone(err);
      },
    };
    this.watches.push(w);
    this.maxConcurrentWatches = Math.max(this.maxConcurrentWatches, this.active.length);
    const err = this.watchErrors.shift();
    if (err) queueMicrotask(() => w.end(err));
    else if (this.openWatches) queueMicrotask(() => !w.aborted && onOpen?.());
    return {
      abort: () => {
        w.aborted = true;
      },
    };
  }

  serverVersion(): Promise<string> {
    return Promise.resolve(this.version);
  }

  async request<T>(method: string, path: string, body?: unknown, contentType?: string): Promise<T> {
    const call: Call = { method, path, ...(body !== undefined ? { body } : {}), ...(contentType ? { contentType } : {}) };
    this.requests.push(call);
    const key = method === 'GET' ? routeKey(path) : `${method} ${path}`;
    this.paths.push(key);
    if (path.endsWith(REVIEWS)) {
      const attrs = (body as { spec: { resourceAttributes: ReviewAttributes } }).spec.resourceAttributes;
      this.reviews.push(attrs);
      if (this.policy) {
        const allowed = this.policy(attrs.verb, attrs.resource, attrs.subresource);
        return { status: allowed ? { allowed: true } : { allowed: false, reason: 'RBAC: test policy says no' } } as T;
      }
    }
    await Promise.resolve(); // an answer never comes back within the call
    const { found, reply } = this.route(key);
    if (found) return FakeKube.settle(reply, call) as T;
    if (this.respond) return FakeKube.settle(this.respond, call) as T;
    if (path.endsWith(REVIEWS)) return { status: { allowed: true } } as T;
    if (method === 'GET') throw notFound();
    return {} as T;
  }
}

/** A KubeClient over recorded API responses ({ error, statusCode } entries fail as recorded). */
export function replaying(recorded: Record<string, unknown>): FakeKube {
  const routes: Record<string, Reply> = {};
  for (const [key, value] of Object.entries(recorded)) {
    const failure = value as { error?: string; statusCode?: number };
    routes[key] = typeof failure.error === 'string' ? () => new KubeApiError(failure.error as string, { statusCode: failure.statusCode }) : value;
  }
  // Describe only reads: any other request fails the test.
  return new FakeKube({ routes, respond: (call) => (call.method === 'GET' ? notFound(`not recorded: ${call.path}`) : new Error(`describe sent ${call.method} ${call.path}`)) });
}

/** A fake that answers every request with `respond` (default {}): the planners' tests script it. */
export function scripted(respond: Responder = () => ({})): FakeKube {
  return new FakeKube({ respond });
}
