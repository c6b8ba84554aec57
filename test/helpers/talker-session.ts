// For a test file that drives kt around the talker pod: a namespace of its own holding the pod
// (created before the file's tests, deleted after them), and kt runs against the sandbox's
// Prometheus, each ended after its test.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createKubeClient } from '../../src/kube/client.js';
import { spawnKt, type KtPty } from './pty.js';
import { kubeconfigPath, prometheusUrl, sandboxKubeConfig } from './sandbox.js';
import { createTalker } from './talker-pod.js';

export function talkerSession(prefix: string) {
  const client = createKubeClient(sandboxKubeConfig());
  const namespace = `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
  const running: KtPty[] = [];
  beforeAll(async () => {
    await createTalker(client, namespace);
  }, 90_000);
  afterEach(async () => {
    for (const t of running.splice(0)) await t.dispose();
  });
  afterAll(async () => {
    await client.request('DELETE', `/api/v1/namespaces/${namespace}`).catch(() => undefined);
  });
  /** kt with metrics from the sandbox's Prometheus, refreshed every 2 s. */
  const kt = (args: string[], cols = 200, rows = 50): KtPty => {
    const t = spawnKt(['--kubeconfig', kubeconfigPath, '--prometheus-url', prometheusUrl, '--metrics-interval', '2s', ...args], { cols, rows });
    running.push(t);
    return t;
  };
  return { client, namespace, kt };
}
