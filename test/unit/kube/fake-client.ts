// An in-memory KubeClient for informer and store tests: a scriptable list and watches the test drives.
import { KubeApiError, type KubeClient, type ListResult, type Query, type WatchEventArgs } from '../../../src/kube/client.js';
import type { KubeObject } from '../../../src/kube/types.js';

export interface FakeWatch {
  path: string;
  query: Query;
  aborted: boolean;
  done: boolean;
  emit(...event: WatchEventArgs): void;
  /** The server ends the stream (err undefined) or it fails. */
  end(err?: KubeApiError): void;
}

export class FakeClient implements KubeClient {
  objects: KubeObject[] = [];
  rv = '100';
  /** Errors the next list calls fail with, in order. */
  listErrors: KubeApiError[] = [];
  /** Errors the next watch calls fail with right away, in order. */
  watchErrors: KubeApiError[] = [];
  /** When false, watches are accepted but onOpen is not called (a hanging connect). */
  openWatches = true;
  lists: { path: string; query?: Query }[] = [];
  watches: FakeWatch[] = [];
  maxConcurrentWatches = 0;

  get active(): FakeWatch[] {
    return this.watches.filter((w) => !w.aborted && !w.done);
  }

  get last(): FakeWatch {
    const w = this.watches.at(-1);
    if (!w) throw new Error('no watch started');
    return w;
  }

  list(path: string, query?: Query, _signal?: AbortSignal, onContinue?: (token: string) => void): Promise<ListResult> {
    this.lists.push({ path, query });
    const err = this.listErrors.shift();
    if (err) return Promise.reject(err);
    // Fresh copies, like JSON off the wire; in pages of `limit` with a continue token (an index here).
    const from = Number(query?.continue ?? 0);
    const limit = Number(query?.limit ?? 0) || this.objects.length;
    const page = this.objects.slice(from, from + limit);
    const more = from + limit < this.objects.length;
    if (more) onContinue?.(String(from + limit)); // as the real client does from a page's first bytes
    return Promise.resolve({ items: structuredClone(page), resourceVersion: this.rv, ...(more ? { continue: String(from + limit) } : {}) });
  }

  watch(
    path: string,
    query: Query,
    onEvent: (...event: WatchEventArgs) => void,
    onDone: (err?: KubeApiError) => void,
    onOpen?: () => void,
  ) {
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
    return Promise.resolve('v1.34.1');
  }

  request<T>(): Promise<T> {
    return Promise.reject(new Error('not faked'));
  }
}

export function pod(name: string, namespace = 'default', rv = '1', extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: `uid-${namespace}-${name}`, resourceVersion: rv, managedFields: [{ manager: 'kubectl' }] },
    ...extra,
  };
}

export const refused = (): KubeApiError => new KubeApiError('connect ECONNREFUSED 127.0.0.1:6443', { code: 'ECONNREFUSED' });
export const httpError = (statusCode: number, message = `status ${statusCode}`): KubeApiError =>
  new KubeApiError(message, { statusCode });
