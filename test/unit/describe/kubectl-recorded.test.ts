// describeObject against recorded sandbox responses gives, byte for byte, what kubectl describe
// printed for the same objects at the same instant (Pod, Node with and without taints, DaemonSet,
// Deployment, ReplicaSet, Service, Namespace). kubectl printed times in UTC, so must we.
import { describe, expect, it } from 'vitest';
import { describeObject } from '../../../src/describe/describe-object.js';
import { replaying } from '../fakes/fake-kube.js';
import { recording } from './recording.js';
import { inUtc } from './utc.js';

inUtc();

describe('describeObject matches kubectl describe on recorded sandbox objects', () => {
  for (const c of recording.cases) {
    it(`${c.kind} ${c.namespace ? `${c.namespace}/` : ''}${c.name}`, async () => {
      const text = await describeObject(replaying(recording.routes), c.kind, c.namespace, c.name, c.now);
      expect(text).toBe(c.kubectl);
    });
  }

  it('covers the kinds with their own describer', () => {
    expect(new Set(recording.cases.map((c) => c.kind))).toEqual(
      new Set(['pods', 'nodes', 'daemonsets', 'deployments', 'replicasets', 'services', 'namespaces']),
    );
  });

  it('asks for events as kubectl does: by uid, name and namespace; kind for all but pods', async () => {
    const pod = recording.cases.find((c) => c.kind === 'pods');
    const deploy = recording.cases.find((c) => c.kind === 'deployments');
    if (!pod || !deploy) throw new Error('fixture lacks a pod or a deployment');
    const client = replaying(recording.routes);
    await describeObject(client, 'pods', pod.namespace, pod.name, pod.now);
    await describeObject(client, 'deployments', deploy.namespace, deploy.name, deploy.now);
    const events = client.paths.filter((k) => k.includes('/events?'));
    expect(events[0]).toMatch(/^\/api\/v1\/namespaces\/default\/events\?fieldSelector=involvedObject\.name%3D[^&]*%2CinvolvedObject\.namespace%3Ddefault%2CinvolvedObject\.uid%3D/);
    expect(events[1]).toContain('involvedObject.kind%3DDeployment');
  });

  it('names the object in the error when it is not there', async () => {
    await expect(describeObject(replaying(recording.routes), 'pods', 'default', 'nope')).rejects.toThrow(/nope/);
  });

  it('rejects an unknown kind with a one-line error', async () => {
    await expect(describeObject(replaying(recording.routes), 'widgets', 'default', 'x')).rejects.toThrow('unknown resource kind "widgets"');
  });
});
