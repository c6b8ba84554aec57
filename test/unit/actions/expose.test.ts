import { describe, expect, it } from 'vitest';
import { exposeDefaults, planExpose } from '../../../src/actions/expose.js';
import type { ExposeForm } from '../../../src/actions/types.js';
import { KubeApiError } from '../../../src/kube/api-errors.js';
import { notFound, scripted } from '../fakes/fake-kube.js';
import { target } from './targets.js';

const template = {
  metadata: { labels: { app: 'nginx' } },
  spec: { containers: [{ name: 'sidecar' }, { name: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443 }] }] },
};
const deploy = target('deployments', 'nginx-deployment', 'default', {
  metadata: { name: 'nginx-deployment', labels: { app: 'nginx', tier: 'web' } },
  spec: { selector: { matchLabels: { app: 'nginx' } }, template },
});

function form(over: Partial<ExposeForm> = {}): ExposeForm {
  const d = exposeDefaults(deploy);
  if ('error' in d) throw new Error(d.error);
  return { ...d, ...over };
}

function plan(t = deploy, f: ExposeForm = form()) {
  const result = planExpose(t, f);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

describe('exposeDefaults', () => {
  it("takes the first container port and the object's name, as kubectl expose", () => {
    expect(exposeDefaults(deploy)).toEqual({ port: '80', targetPort: '80', protocol: 'TCP', type: 'ClusterIP', nodePort: '', name: 'nginx-deployment' });
  });

  it("uses a pod's own containers, a service's port and protocol, and cuts names to 63", () => {
    const pod = target('pods', 'p'.repeat(70), 'default', { metadata: { name: 'p', labels: { a: 'b' } }, spec: { containers: [{ ports: [{ containerPort: 53, protocol: 'UDP' }] }] } });
    expect(exposeDefaults(pod)).toMatchObject({ port: '53', protocol: 'UDP', name: 'p'.repeat(63) });
    const svc = target('services', 's', 'default', { spec: { selector: { app: 'x' }, ports: [{ port: 8080, protocol: 'SCTP', targetPort: 80 }] } });
    expect(exposeDefaults(svc)).toMatchObject({ port: '8080', targetPort: '8080', protocol: 'SCTP' });
  });

  it('leaves the port empty to type when the object has none', () => {
    const rs = target('replicasets', 'r', 'default', { spec: { selector: { matchLabels: { a: 'b' } }, template: { spec: { containers: [{}] } } } });
    expect(exposeDefaults(rs)).toMatchObject({ port: '', targetPort: '' });
  });

  it('refuses what kubectl cannot expose', () => {
    const exprs = target('deployments', 'd', 'default', {
      spec: { selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['a', 'b'] }] }, template },
    });
    expect(exposeDefaults(exprs)).toEqual({ error: 'couldn\'t convert expressions - "[{Key:app Operator:In Values:[a b]}]" to map-based selector format' });
    expect(exposeDefaults(target('pods', 'p', 'default'))).toEqual({ error: 'the pod has no labels and cannot be exposed' });
    expect(exposeDefaults(target('services', 's', 'default', { spec: {} }))).toEqual({ error: 'the service has no pod selector set' });
    expect(exposeDefaults(target('daemonsets', 'd', 'default'))).toEqual({
      error: 'cannot expose daemonsets; expose applies to pods, deployments, replicasets, replicationcontrollers, services',
    });
  });
});

describe('planExpose', () => {
  it('checks the name is free, then creates the Service with strict validation', async () => {
    const p = plan(deploy, form({ type: 'NodePort', name: 'web-np' }));
    expect(p.kubectl).toEqual(['kubectl expose deployment nginx-deployment --port=80 --type=NodePort --name=web-np -n default']);
    expect(p.confirm).toBe(false);
    const client = scripted((call) => {
      if (call.method === 'GET') throw notFound('services "web-np"');
      return {};
    });
    expect(await p.run(client)).toEqual({ ok: true, message: 'service/web-np exposed' });
    expect(client.requests).toEqual([
      { method: 'GET', path: '/api/v1/namespaces/default/services/web-np' },
      {
        method: 'POST',
        path: '/api/v1/namespaces/default/services?fieldValidation=Strict',
        body: {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'web-np', namespace: 'default', labels: { app: 'nginx', tier: 'web' } },
          spec: { selector: { app: 'nginx' }, type: 'NodePort', ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] },
        },
      },
    ]);
  });

  it('refuses a name that is taken without creating anything', async () => {
    const client = scripted(() => ({ kind: 'Service' }));
    expect(await plan().run(client)).toEqual({
      ok: false,
      message: 'service "nginx-deployment" already exists in namespace default; pick another name',
    });
    expect(client.requests.map((c) => c.method)).toEqual(['GET']);
  });

  it('names a target port, a node port (as an override on the kubectl line), UDP, and normalises case', async () => {
    const p = plan(deploy, form({ port: '8080', targetPort: 'http', protocol: 'udp', type: 'loadbalancer', nodePort: '30080' }));
    expect(p.kubectl).toEqual([
      'kubectl expose deployment nginx-deployment --port=8080 --target-port=http --protocol=UDP --type=LoadBalancer' +
        ` --overrides='{"spec":{"ports":[{"port":8080,"targetPort":"http","protocol":"UDP","nodePort":30080}]}}' -n default`,
    ]);
    const client = scripted((call) => {
      if (call.method === 'GET') throw notFound('x');
      return {};
    });
    await p.run(client);
    expect((client.requests[1]?.body as { spec: unknown }).spec).toEqual({
      selector: { app: 'nginx' },
      type: 'LoadBalancer',
      ports: [{ port: 8080, targetPort: 'http', protocol: 'UDP', nodePort: 30080 }],
    });
  });

  it("reports the server's refusal of the create", async () => {
    const client = scripted((call) => {
      if (call.method === 'GET') throw notFound('x');
      throw new KubeApiError('Service "nginx-deployment" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated', {
        statusCode: 422,
        reason: 'Invalid',
      });
    });
    expect((await plan().run(client)).message).toBe(
      'Error from server (Invalid): Service "nginx-deployment" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
  });

  it.each<[Partial<ExposeForm>, string]>([
    [{ port: '' }, 'invalid port "": type a port number from 1 to 65535'],
    [{ port: '0' }, 'invalid port "0"'],
    [{ port: '65536' }, 'invalid port "65536"'],
    [{ targetPort: '70000' }, 'invalid target port "70000": type a port number from 1 to 65535 or a container port name'],
    [{ targetPort: 'HTTP' }, "invalid target port \"HTTP\": a port name must contain only alphanumeric characters (a-z, 0-9) and '-'"],
    [{ targetPort: 'web-server-port-x' }, 'must be no more than 15 characters'],
    [{ protocol: 'HTTP' }, 'invalid protocol "HTTP": use TCP, UDP, SCTP'],
    [{ type: 'ExternalName' }, 'invalid type "ExternalName": use ClusterIP, NodePort, LoadBalancer'],
    [{ nodePort: '30080' }, 'a node port needs type NodePort or LoadBalancer; clear the node port or change the type'],
    [{ type: 'NodePort', nodePort: '80' }, 'invalid node port "80": type a number from 30000 to 32767, or leave it empty to let the server pick'],
    [{ name: 'Web' }, 'invalid service name "Web": must consist of lower case alphanumeric characters'],
    [{ name: '1web' }, 'start with an alphabetic character'],
    [{ name: '' }, 'invalid service name "": must not be empty'],
  ])('refuses %j', (over, error) => {
    const result = planExpose(deploy, form(over));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(error);
  });
});
