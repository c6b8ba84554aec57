// A KubeClient that records every request and answers from a script (for the planners' tests).
import { KubeApiError, type KubeClient, type ListResult } from '../../../src/kube/client.js';
import type { KubeObject } from '../../../src/kube/types.js';
import type { ActionTarget } from '../../../src/actions/types.js';

export interface Call {
  method: string;
  path: string;
  body?: unknown;
  contentType?: string;
}

export type Responder = (call: Call) => unknown;

export class RecordingClient implements KubeClient {
  calls: Call[] = [];
  constructor(private respond: Responder = () => ({})) {}

  list(): Promise<ListResult> {
    return Promise.reject(new Error('list is not expected'));
  }
  watch(): never {
    throw new Error('watch is not expected');
  }
  serverVersion(): Promise<string> {
    return Promise.resolve('v1.36.3');
  }
  async request<T>(method: string, path: string, body?: unknown, contentType?: string): Promise<T> {
    const call: Call = { method, path, ...(body !== undefined ? { body } : {}), ...(contentType ? { contentType } : {}) };
    this.calls.push(call);
    await Promise.resolve();
    return this.respond(call) as T;
  }
}

export const notFound = (what: string) => new KubeApiError(`${what} not found`, { statusCode: 404, reason: 'NotFound' });

export function target(kind: string, name: string, namespace: string | undefined, extra: Partial<KubeObject> = {}): ActionTarget {
  const { metadata, ...rest } = extra;
  return {
    kind,
    name,
    ...(namespace ? { namespace } : {}),
    object: { metadata: { name, ...(namespace ? { namespace } : {}), resourceVersion: '7', ...metadata }, ...rest },
  };
}

export function node(name: string, labels: Record<string, string> = {}, taints?: unknown[]): ActionTarget {
  return target('nodes', name, undefined, { metadata: { name, labels }, spec: taints ? { taints } : {} });
}
