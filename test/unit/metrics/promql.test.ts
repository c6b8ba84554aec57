import { describe, expect, it } from 'vitest';
import * as q from '../../../src/metrics/promql.js';

describe('PromQL builders', () => {
  it('asks for pod CPU once per namespace, grouped by (namespace, pod), without pod-level and pause series', () => {
    expect(q.podCpuQuery('default')).toBe(
      'sum by (namespace, pod) (max by (namespace, pod, container) ' +
        '(rate(container_cpu_usage_seconds_total{container!="",container!="POD",namespace="default"}[2m])))',
    );
    expect(q.podCpuQuery(undefined, { rateWindow: '1m' })).toContain('{container!="",container!="POD"}[1m]');
  });

  it('asks for pod memory working set, narrowed to one pod for the metrics view', () => {
    expect(q.podMemQuery('kube-system', 'kube-proxy-abc')).toBe(
      'sum by (namespace, pod) (max by (namespace, pod, container) ' +
        '(container_memory_working_set_bytes{container!="",container!="POD",namespace="kube-system",pod="kube-proxy-abc"}))',
    );
  });

  it('quotes label values', () => {
    expect(q.promString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(q.podMemQuery('x"y')).toContain('namespace="x\\"y"');
  });

  it('asks node-exporter for busy CPU and MemTotal - MemAvailable by node', () => {
    expect(q.nodeCpuQuery('node-exporter')).toBe(
      'sum by (node) (rate(node_cpu_seconds_total{mode!="idle",mode!="iowait",mode!="steal"}[2m]))',
    );
    expect(q.nodeMemQuery('node-exporter', 'n1')).toBe(
      'sum by (node) (node_memory_MemTotal_bytes{node="n1"} - node_memory_MemAvailable_bytes{node="n1"})',
    );
  });

  it('maps node-exporter instances to nodes through node_uname_info when the series have no node label', () => {
    const cpu = q.nodeCpuQuery('node-exporter-uname');
    expect(cpu).toContain('* on (instance) group_left(node)');
    expect(cpu).toContain('label_replace(node_uname_info, "node", "$1", "nodename", "(.+)")');
    expect(q.nodeMemQuery('node-exporter-uname')).toContain('(node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes) * on (instance)');
  });

  it('falls back to the kubelet resource metrics', () => {
    expect(q.nodeCpuQuery('kubelet')).toBe('max by (node) (rate(node_cpu_usage_seconds_total{node!=""}[2m]))');
    expect(q.nodeMemQuery('kubelet', 'k8snode01')).toBe('max by (node) (node_memory_working_set_bytes{node!="",node="k8snode01"})');
  });

  it('gives one pair of queries per subject', () => {
    expect(q.subjectQueries({ target: 'pods' }, 'kubelet')).toEqual({ cpu: q.podCpuQuery(undefined), mem: q.podMemQuery(undefined) });
    // A page of pods: names as an escaped regex, namespaces too when the subject has none.
    const page = q.subjectQueries({ target: 'pods', pods: ['a/web.1', 'b/web.1', 'b/db'] }, 'kubelet');
    expect(page.cpu).toContain('{container!="",container!="POD",pod=~"web\\\\.1|db",namespace=~"a|b"}[2m]');
    const inNs = q.subjectQueries({ target: 'pods', namespace: 'a', pods: ['a/web.1'] }, 'kubelet');
    expect(inNs.mem).toContain('{container!="",container!="POD",namespace="a",pod=~"web\\\\.1"}');
    expect(q.subjectQueries({ target: 'nodes', namespace: 'ignored' }, 'node-exporter')).toEqual({
      cpu: q.nodeCpuQuery('node-exporter'),
      mem: q.nodeMemQuery('node-exporter'),
    });
  });

  it('keys series like rows', () => {
    expect(q.seriesKey('pods', { namespace: 'default', pod: 'web-1' })).toBe('default/web-1');
    expect(q.seriesKey('pods', { pod: 'web-1' })).toBeUndefined();
    expect(q.seriesKey('nodes', { node: 'n1', instance: '10.0.0.1:9100' })).toBe('n1');
    expect(q.seriesKey('nodes', {})).toBeUndefined();
  });

  it('probes the node families in order of preference', () => {
    expect(q.NODE_FAMILY_PROBES.map(([f]) => f)).toEqual(['node-exporter', 'node-exporter-uname', 'kubelet']);
  });
});
