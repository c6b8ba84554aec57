// Objects and API errors for the informer and store tests (served by fakes/fake-kube.ts).
import { KubeApiError } from '../../../src/kube/api-errors.js';
import type { KubeObject } from '../../../src/kube/types.js';

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
