// Services and errors for the discovery and engine tests (served by fakes/fake-kube.ts).
import { KubeApiError } from '../../../src/kube/api-errors.js';
import type { KubeObject } from '../../../src/kube/types.js';

export const forbidden = () => new KubeApiError('services is forbidden: User "x" cannot list resource "services"', { statusCode: 403, reason: 'Forbidden' });

export function service(namespace: string, name: string, ports: { name?: string; port: number }[], extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { namespace, name }, spec: { ports, ...extra } };
}
