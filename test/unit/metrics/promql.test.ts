import { describe, expect, it } from 'vitest';
import { queryOf, subjectQueries } from '../../../src/metrics/catalog.js';
import { cpu } from '../../../src/metrics/descriptors/cpu.js';
import { memory } from '../../../src/metrics/descriptors/memory.js';
import type { MetricDescriptor, PodSelection } from '../../../src/metrics/metric.js';
import * as q from '../../../src/metrics/promql.js';

const podQuery = (m: MetricDescriptor, pods: PodSelection = {}, opts = q.DEFAULT_QUERY_OPTIONS) => queryOf(m, 'pods', 'kubelet', opts, { pods });
const nodeQuery = (m: MetricDescriptor, family: q.NodeFamily, node?: string) => queryOf(m, 'nodes', family, q.DEFAULT_QUERY_OPTIONS, { node });
const byId = (queries: [string, string][]) => Object.fromEntries(queries);

describe('PromQL of the CPU and memory descriptors', () => {
  it('asks for pod CPU once per namespace, grouped by (namespace, pod), without pod-level and pause series', () => {
    expect(podQuery(cpu, { namespace: 'default' })).toBe(
      'sum by (namespace, pod) (max by (namespace, pod, container) ' +
        '(rate(container_cpu_usage_seconds_total{container!="",container!="POD",namespace="default"}[2m])))',
    );
    expect(podQuery(cpu, {}, { rateWindow: '1m' })).toContain('{container!="",container!="POD"}[1m]');
  });

  it('asks for pod memory working set, narrowed to one pod for the metrics view', () => {
    expect(podQuery(memory, { namespace: 'kube-system', pod: 'kube-proxy-abc' })).toBe(
      'sum by (namespace, pod) (max by (namespace, pod, container) ' +
        '(container_memory_working_set_bytes{container!="",container!="POD",namespace="kube-system",pod="kube-proxy-abc"}))',
    );
  });

  it('quotes label values', () => {
    expect(q.promString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(podQuery(memory, { namespace: 'x"y' })).toContain('namespace="x\\"y"');
  });

  it('asks node-exporter for busy CPU and MemTotal - MemAvailable by node', () => {
    expect(nodeQuery(cpu, 'node-exporter')).toBe('sum by (node) (rate(node_cpu_seconds_total{mode!="idle",mode!="iowait",mode!="steal"}[2m]))');
    expect(nodeQuery(memory, 'node-exporter', 'n1')).toBe(
      'sum by (node) (node_memory_MemTotal_bytes{node="n1"} - node_memory_MemAvailable_bytes{node="n1"})',
    );
  });

  it('maps node-exporter instances to nodes through node_uname_info when the series have no node label', () => {
    const c = nodeQuery(cpu, 'node-exporter-uname') ?? '';
    expect(c).toContain('* on (instance) group_left(node)');
    expect(c).toContain('label_replace(node_uname_info, "node", "$1", "nodename", "(.+)")');
    expect(nodeQuery(memory, 'node-exporter-uname')).toContain('(node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes) * on (instance)');
  });

  it('falls back to the kubelet resource metrics', () => {
    expect(nodeQuery(cpu, 'kubelet')).toBe('max by (node) (rate(node_cpu_usage_seconds_total{node!=""}[2m]))');
    expect(nodeQuery(memory, 'kubelet', 'k8snode01')).toBe('max by (node) (node_memory_working_set_bytes{node!="",node="k8snode01"})');
  });
});

describe('the queries of a subject', () => {
  it('one query per metric with a column in the pane (or on the header, for nodes)', () => {
    const pods = byId(subjectQueries({ target: 'pods' }, 'kubelet', q.DEFAULT_QUERY_OPTIONS));
    expect(Object.keys(pods)).toEqual(['cpu', 'mem', 'restarts']);
    expect(pods.cpu).toBe(podQuery(cpu));
    expect(pods.mem).toBe(podQuery(memory));
    expect(byId(subjectQueries({ target: 'nodes', namespace: 'ignored' }, 'node-exporter', q.DEFAULT_QUERY_OPTIONS))).toEqual({
      cpu: nodeQuery(cpu, 'node-exporter'),
      mem: nodeQuery(memory, 'node-exporter'),
    });
  });

  it('a page of pods: names as an escaped regex, namespaces too when the subject has none', () => {
    const page = byId(subjectQueries({ target: 'pods', pods: ['a/web.1', 'b/web.1', 'b/db'] }, 'kubelet', q.DEFAULT_QUERY_OPTIONS));
    expect(page.cpu).toContain('{container!="",container!="POD",pod=~"web\\\\.1|db",namespace=~"a|b"}[2m]');
    const inNs = byId(subjectQueries({ target: 'pods', namespace: 'a', pods: ['a/web.1'] }, 'kubelet', q.DEFAULT_QUERY_OPTIONS));
    expect(inNs.mem).toContain('{container!="",container!="POD",namespace="a",pod=~"web\\\\.1"}');
  });
});

describe('PromQL helpers', () => {
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
