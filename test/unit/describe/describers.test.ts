// Describers on hand-made objects: the sections the sandbox's objects do not exercise (states,
// probes, env, volumes, events with counts, old ReplicaSets, many endpoints, generic kinds).
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEvents } from '../../../src/describe/events.js';
import { rfc1123z } from '../../../src/describe/format.js';
import { camelSplit, describeGeneric, smartLabel } from '../../../src/describe/generic.js';
import { describeNode } from '../../../src/describe/node.js';
import { describePod, podQOS } from '../../../src/describe/pod.js';
import { describeService, formatEndpoints } from '../../../src/describe/service.js';
import { describeDeployment, splitReplicaSets } from '../../../src/describe/workloads.js';
import { DescribeWriter } from '../../../src/describe/writer.js';
import type { KubeObject } from '../../../src/kube/types.js';
import { inUtc } from './utc.js';

inUtc();

const NOW = Date.parse('2026-01-01T12:00:00Z');
const ago = (s: number) => new Date(NOW - s * 1000).toISOString();

function render(fn: (w: DescribeWriter) => void): string[] {
  const w = new DescribeWriter();
  fn(w);
  return w.toString().split('\n');
}

function obj(kind: string, name: string, rest: Record<string, unknown> = {}, meta: Partial<KubeObject['metadata']> = {}): KubeObject {
  return { kind, metadata: { name, namespace: 'default', uid: `${name}-uid`, creationTimestamp: ago(600), ...meta }, ...rest };
}

describe('events', () => {
  it('prints Events:  <none> in line with the fields above it', () => {
    expect(render((w) => {
      w.write(0, 'Session Affinity:\tNone\n');
      describeEvents(w, [], NOW);
    })).toEqual(['Session Affinity:  None', 'Events:            <none>', '']);
  });

  it('a table sorted by last time, with counts, series, sources and field paths', () => {
    const events = [
      obj('Event', 'e2', { type: 'Warning', reason: 'BackOff', count: 5, firstTimestamp: ago(300), lastTimestamp: ago(10), source: { component: 'kubelet' }, message: ' Back-off restarting ', involvedObject: { fieldPath: 'spec.containers{app}' } }),
      obj('Event', 'e1', { type: 'Normal', reason: 'Scheduled', eventTime: ago(400), lastTimestamp: null, reportingComponent: 'default-scheduler', message: 'Assigned' }),
      obj('Event', 'e3', { type: 'Normal', reason: 'Pulled', series: { count: 3, lastObservedTime: ago(20) }, eventTime: ago(200), lastTimestamp: ago(20), source: {}, reportingComponent: 'kubelet', message: 'ok' }),
    ];
    expect(render((w) => describeEvents(w, events, NOW))).toEqual([
      'Events:',
      '  Type     Reason     Age                  From               Message',
      '  ----     ------     ----                 ----               -------',
      '  Normal   Scheduled  6m40s                default-scheduler  Assigned',
      '  Normal   Pulled     20s (x3 over 3m20s)  kubelet            ok',
      '  Warning  BackOff    10s (x5 over 5m)     kubelet            spec.containers{app}: Back-off restarting',
      '',
    ]);
  });
});

describe('pod', () => {
  const pod = obj(
    'Pod',
    'web-0',
    {
      spec: {
        nodeName: 'n1',
        serviceAccountName: 'sa',
        initContainers: [{ name: 'init', image: 'busybox', command: ['sh', '-c', 'echo hi'] }],
        containers: [
          {
            name: 'app',
            image: 'nginx',
            ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }, { containerPort: 443, protocol: 'TCP' }],
            livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
            env: [
              { name: 'A', value: 'x' },
              { name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
              { name: 'S', valueFrom: { secretKeyRef: { name: 'sec', key: 'k' } } },
            ],
            volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'cfg', mountPath: '/cfg', readOnly: true, subPath: 'a.conf' }],
            resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } },
          },
        ],
        volumes: [
          { name: 'data', emptyDir: {} },
          { name: 'cfg', configMap: { name: 'conf' } },
          { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } },
          { name: 'claim', persistentVolumeClaim: { claimName: 'pvc1' } },
        ],
        nodeSelector: { disk: 'ssd' },
      },
      status: {
        phase: 'Running',
        hostIP: '10.0.0.1',
        podIP: '10.1.0.5',
        startTime: ago(600),
        initContainerStatuses: [{ name: 'init', ready: true, restartCount: 0, containerID: 'c://1', imageID: 'i1', state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(600), finishedAt: ago(590) } } }],
        containerStatuses: [
          {
            name: 'app', ready: false, restartCount: 2, containerID: 'c://2', imageID: 'i2',
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: ago(100), finishedAt: ago(90) } },
          },
        ],
      },
    },
    { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'u', controller: true }] },
  );
  let lines: string[] = [];
  beforeAll(() => {
    lines = render((w) => describePod(w, pod, NOW));
  });

  it('heads with the pod, its node and start time in RFC1123Z', () => {
    expect(lines.slice(0, 4)).toEqual(['Name:             web-0', 'Namespace:        default', 'Service Account:  sa', 'Node:             n1/10.0.0.1']);
    expect(lines).toContain(`Start Time:       ${rfc1123z(ago(600))}`);
    expect(lines).toContain('IPs:              <none>');
    expect(lines).toContain('Controlled By:    StatefulSet/web');
  });

  it('lists init containers with their terminated state and command', () => {
    const at = lines.indexOf('Init Containers:');
    expect(lines.slice(at, at + 18)).toEqual([
      'Init Containers:',
      '  init:',
      '    Container ID:  c://1',
      '    Image:         busybox',
      '    Image ID:      i1',
      '    Port:          <none>',
      '    Host Port:     <none>',
      '    Command:',
      '      sh',
      '      -c',
      '      echo hi',
      '    State:          Terminated',
      '      Reason:       Completed',
      '      Exit Code:    0',
      `      Started:      ${rfc1123z(ago(600))}`,
      `      Finished:     ${rfc1123z(ago(590))}`,
      '    Ready:          True',
      '    Restart Count:  0',
    ]);
  });

  it('shows ports, waiting and last state, probe, env and mounts of a container', () => {
    expect(lines).toContain('    Ports:          80/TCP (http), 443/TCP');
    expect(lines).toContain('    Host Ports:     0/TCP (http), 0/TCP');
    expect(lines).toContain('    State:          Waiting');
    expect(lines).toContain('      Reason:       CrashLoopBackOff');
    expect(lines).toContain('    Last State:     Terminated');
    expect(lines).toContain('    Liveness:  http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3');
    expect(lines).toContain('      A:    x');
    expect(lines).toContain('      POD:  web-0 (v1:metadata.name)');
    expect(lines).toContain("      S:    <set to the key 'k' in secret 'sec'>  Optional: false");
    expect(lines).toContain('      /cfg from cfg (ro,path="a.conf")');
    expect(lines).toContain('      /data from data (rw)');
  });

  it('describes volumes by source, QoS and node selectors', () => {
    const at = lines.indexOf('Volumes:');
    expect(lines.slice(at, at + 17)).toEqual([
      'Volumes:',
      '  data:',
      "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)",
      '    Medium:     ',
      '    SizeLimit:  <unset>',
      '  cfg:',
      '    Type:      ConfigMap (a volume populated by a ConfigMap)',
      '    Name:      conf',
      '    Optional:  false',
      '  host:',
      '    Type:          HostPath (bare host directory volume)',
      '    Path:          /var/log',
      '    HostPathType:  Directory',
      '  claim:',
      '    Type:        PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
      '    ClaimName:   pvc1',
      '    ReadOnly:    false',
    ]);
    // The init container sets no limits, so the pod is not Guaranteed.
    expect(lines).toContain('QoS Class:       Burstable');
    expect(lines).toContain('Node-Selectors:  disk=ssd');
    expect(lines).toContain('Tolerations:     <none>');
  });

  it('resolves resourceFieldRef env values, "node allocatable" for an unset limit', () => {
    const p = obj('Pod', 'p', {
      spec: {
        containers: [
          {
            name: 'c',
            image: 'x',
            resources: { requests: { memory: '64Mi', cpu: '250m' } },
            env: [
              { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'requests.memory', divisor: '1Mi' } } },
              { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1m' } } },
              { name: 'LIM', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
            ],
          },
        ],
      },
      status: {},
    });
    const out = render((w) => describePod(w, p, NOW));
    expect(out).toContain('      MEM:       64 (requests.memory)');
    expect(out).toContain('      CPU:       250 (requests.cpu)');
    expect(out).toContain('      LIM:       node allocatable (limits.cpu)');
  });

  it('computes the QoS class when the status has none', () => {
    const c = (resources: unknown) => obj('Pod', 'p', { spec: { containers: [{ name: 'c', resources }] } });
    expect(podQOS(c({}))).toBe('BestEffort');
    expect(podQOS(c({ requests: { cpu: '100m' } }))).toBe('Burstable');
    expect(podQOS(c({ limits: { cpu: '1', memory: '1Gi' } }))).toBe('Guaranteed');
    expect(podQOS(obj('Pod', 'p', { status: { qosClass: 'Burstable' } }))).toBe('Burstable');
  });

  it('a terminating pod says how long it has been terminating', () => {
    const dying = obj('Pod', 'p', { spec: { containers: [] }, status: { phase: 'Running' } }, { deletionTimestamp: ago(30), deletionGracePeriodSeconds: 30 } as never);
    const out = render((w) => describePod(w, dying, NOW));
    expect(out).toContain('Status:                    Terminating (lasts 30s)');
    expect(out).toContain('Termination Grace Period:  30s');
  });
});

describe('deployment', () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'web:2' }] } };
  const deploy = obj('Deployment', 'web', {
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '50%' } } },
    status: { replicas: 4, updatedReplicas: 2, availableReplicas: 3, unavailableReplicas: 1 },
  });
  const owner = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'web-uid', controller: true }];
  const rs = (name: string, image: string, created: number, replicas: number) =>
    obj('ReplicaSet', name, {
      spec: { replicas, template: { metadata: { labels: { app: 'web', 'pod-template-hash': name } }, spec: { containers: [{ name: 'c', image }] } } },
      status: { replicas },
    }, { ownerReferences: owner, creationTimestamp: ago(created) });
  const old = rs('web-1', 'web:1', 900, 1);
  const current = rs('web-2', 'web:2', 100, 2);
  const foreign = obj('ReplicaSet', 'other', { spec: { replicas: 1 } });

  it('tells the new ReplicaSet (same template, hash label aside) from the old ones', () => {
    const split = splitReplicaSets(deploy, [current, foreign, old]);
    expect(split.new?.metadata.name).toBe('web-2');
    expect(split.old.map((r) => r.metadata.name)).toEqual(['web-1']);
  });

  it('prints replicas, strategy and the ReplicaSets', () => {
    const lines = render((w) => describeDeployment(w, deploy, [current, old]));
      expect(lines).toContain('Replicas:               3 desired | 2 updated | 4 total | 3 available | 1 unavailable');
    expect(lines).toContain('RollingUpdateStrategy:  1 max unavailable, 50% max surge');
    expect(lines.slice(-3)).toEqual(['OldReplicaSets:    web-1 (1/1 replicas created)', 'NewReplicaSet:     web-2 (2/2 replicas created)', '']);
  });
});

describe('service', () => {
  const slice = (addresses: string[], ready = true) => ({
    kind: 'EndpointSlice',
    metadata: { name: 's' },
    ports: [{ name: 'http', port: 8080 }],
    endpoints: addresses.map((a) => ({ addresses: [a], conditions: { ready } })),
  });

  it('lists at most three ready endpoints, then "+ N more..."', () => {
    expect(formatEndpoints([slice(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'])], 'http')).toBe('10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 2 more...');
    expect(formatEndpoints([slice(['10.0.0.9'], false)], 'http')).toBe('');
    expect(formatEndpoints([], 'http')).toBe('<none>');
  });

  it('prints a NodePort service with named target port', () => {
    const svc = obj('Service', 'web', {
      spec: { type: 'NodePort', clusterIP: '10.96.0.10', ports: [{ port: 80, targetPort: 'http', nodePort: 30080, protocol: 'TCP' }], sessionAffinity: 'None', externalTrafficPolicy: 'Cluster' },
    });
    const lines = render((w) => describeService(w, svc, []));
    expect(lines).toContain('Port:                     <unset>  80/TCP');
    expect(lines).toContain('TargetPort:               http/TCP');
    expect(lines).toContain('NodePort:                 <unset>  30080/TCP');
    expect(lines).toContain('Endpoints:                <none>');
    expect(lines).toContain('IP Families:              <none>');
    expect(lines).toContain('External Traffic Policy:  Cluster');
  });
});

describe('node', () => {
  it('a node without allocatable prints Go\'s int64 of NaN for pod percentages, 0% for totals', () => {
    const node = obj('Node', 'bare', { spec: {}, status: {} }, { namespace: undefined });
    const p = obj('Pod', 'p1', { spec: { containers: [{ name: 'c' }] } });
    const lines = render((w) => describeNode(w, node, { pods: [p] }, NOW));
    expect(lines.find((l) => l.includes('p1'))).toMatch(/ 0 \(-9223372036854775808%\) +0 \(-9223372036854775808%\)/);
    expect(lines).toContain('  cpu                0 (0%)    0 (0%)');
  });


  it('says pods are not authorized when they cannot be listed', () => {
    const node = obj('Node', 'n1', { spec: { unschedulable: true }, status: {} }, { namespace: undefined, labels: { 'node-role.kubernetes.io/worker': '', 'kubernetes.io/role': 'edge' } });
    const lines = render((w) => describeNode(w, node, { pods: 'forbidden', lease: new Error('leases "n1" is forbidden') }, NOW));
    expect(lines).toContain('Roles:              edge,worker');
    expect(lines).toContain('Unschedulable:      true');
    expect(lines).toContain('Lease:              Failed to get lease: leases "n1" is forbidden');
    expect(lines).toContain('Pods:                         not authorized');
  });
});

describe('generic describer', () => {
  it('makes kubectl smart labels', () => {
    expect(camelSplit('podIPs')).toEqual(['pod', 'I', 'Ps']);
    expect(smartLabel('apiVersion')).toBe('API Version');
    expect(smartLabel('creationTimestamp')).toBe('Creation Timestamp');
    expect(smartLabel('uid')).toBe('UID');
    expect(smartLabel('involvedObject')).toBe('Involved Object');
    expect(smartLabel('x509')).toBe('x509');
  });

  it('prints every field sorted and nested, metadata basics first', () => {
    const cm = { apiVersion: 'v1', kind: 'Widget', metadata: { name: 'w', namespace: 'ns', uid: 'u1', labels: { a: 'b' } }, spec: { size: 3, tags: ['x', 'y'], ports: [{ port: 80 }] } };
    expect(render((w) => describeGeneric(w, cm))).toEqual([
      'Name:         w',
      'Namespace:    ns',
      'Labels:       a=b',
      'Annotations:  <none>',
      'API Version:  v1',
      'Kind:         Widget',
      'Metadata:',
      '  UID:  u1',
      'Spec:',
      '  Ports:',
      '    Port:  80',
      '  Size:    3',
      '  Tags:',
      '    x',
      '    y',
      '',
    ]);
  });
});

describe('rfc1123z', () => {
  it('formats like Go, and the zero time for a missing one', () => {
    expect(rfc1123z('2026-11-27T03:20:03Z')).toBe('Fri, 27 Nov 2026 03:20:03 +0000');
    expect(rfc1123z(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
  });

  it('uses the local time zone, as kubectl does', () => {
    process.env.TZ = 'Asia/Kolkata';
    try {
      expect(rfc1123z('2026-11-27T03:20:03Z')).toBe('Fri, 27 Nov 2026 08:50:03 +0530');
    } finally {
      process.env.TZ = 'UTC';
    }
  });
});
