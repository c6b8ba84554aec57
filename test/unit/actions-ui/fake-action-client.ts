// A KubeClient for the action UI tests: answers access reviews by a policy, records every other
// request (so a test can prove that nothing was sent), and 404s GETs (expose's name check).
import { KubeApiError, type KubeClient } from '../../../src/kube/client.js';

export interface SentRequest {
  method: string;
  path: string;
  body?: unknown;
  contentType?: string;
}

/** (verb, resource, subresource) → allowed; default allows everything. */
export type Policy = (verb: string, resource: string, subresource?: string) => boolean;

export class FakeActionClient implements KubeClient {
  readonly sent: SentRequest[] = [];
  readonly reviews: { verb: string; resource: string; namespace?: string }[] = [];
  constructor(public policy: Policy = () => true) {}

  /** Requests other than access reviews. */
  get mutations(): SentRequest[] {
    return this.sent.filter((r) => r.method !== 'GET');
  }

  list(): never {
    throw new Error('the action UI does not list');
  }
  watch(): never {
    throw new Error('the action UI does not watch');
  }
  serverVersion(): Promise<string> {
    return Promise.resolve('v1.31.0');
  }
  request<T>(method: string, path: string, body?: unknown, contentType?: string): Promise<T> {
    if (path.endsWith('/selfsubjectaccessreviews')) {
      const attrs = (body as { spec: { resourceAttributes: { verb: string; resource: string; subresource?: string; namespace?: string } } }).spec.resourceAttributes;
      this.reviews.push(attrs);
      const allowed = this.policy(attrs.verb, attrs.resource, attrs.subresource);
      return Promise.resolve({ status: allowed ? { allowed: true } : { allowed: false, reason: 'RBAC: test policy says no' } } as T);
    }
    this.sent.push({ method, path, body, contentType });
    if (method === 'GET') return Promise.reject(new KubeApiError('not found', { statusCode: 404, reason: 'NotFound' }));
    return Promise.resolve({} as T);
  }
}
