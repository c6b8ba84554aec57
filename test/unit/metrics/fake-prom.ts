// A scriptable Prometheus behind the PromTransport interface: answers the engine's queries with
// made-up series (values grow by one on every call), or fails the way a real one does.
import type { PromTransport } from '../../../src/metrics/transport.js';

export type Mode = 'ok' | 'down' | 'hang' | 'promql-error' | 'garbage';

export interface Call {
  endpoint: string;
  query: string;
  at: number;
}

export class FakeProm implements PromTransport {
  mode: Mode = 'ok';
  calls: Call[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** Which metric families exist: kubelet resource metrics, node-exporter (with or without a node label). */
  families = { kubelet: true, nodeExporter: false, nodeLabel: false };
  pods = ['default/web-1', 'default/web-2', 'kube-system/proxy-1'];
  nodes = ['n1', 'n2'];
  allocatable = true;
  private tick = 0;

  constructor(readonly source = 'http://prom.test') {}

  queries(match: string | RegExp): Call[] {
    return this.calls.filter((c) => (typeof match === 'string' ? c.query.includes(match) : match.test(c.query)));
  }

  get(endpoint: string, params: Readonly<Record<string, string>>, signal: AbortSignal): Promise<unknown> {
    const query = params.query ?? '';
    this.calls.push({ endpoint, query, at: Date.now() });
    if (this.mode === 'down') return Promise.reject(new Error(`cannot reach ${this.source}: ECONNREFUSED`));
    if (this.mode === 'hang') {
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      return new Promise((_, reject) =>
        signal.addEventListener('abort', () => {
          this.inFlight--;
          reject(signal.reason as Error);
        }),
      );
    }
    if (this.mode === 'garbage') return Promise.resolve('<html>oops</html>');
    if (this.mode === 'promql-error') return Promise.resolve({ status: 'error', errorType: 'bad_data', error: 'parse error at char 3' });
    this.tick++;
    return Promise.resolve(endpoint === 'query_range' ? this.matrix(query, params) : this.vector(query));
  }

  private series(query: string): Record<string, string>[] {
    if (query.startsWith('count(')) {
      const has =
        (query.includes('node_cpu_seconds_total{node!=""}') && this.families.nodeLabel) ||
        (query.includes('node_uname_info') && this.families.nodeExporter) ||
        (query.includes('node_cpu_usage_seconds_total') && this.families.kubelet);
      return has ? [{}] : [];
    }
    if (query.includes('kube_node_status_allocatable')) return this.allocatable ? [{ resource: 'cpu' }, { resource: 'memory' }] : [];
    if (query.includes('vector(1)')) return [{}];
    if (query.includes('container_')) {
      const ns = /namespace="([^"]*)"/.exec(query)?.[1];
      const pod = /pod="([^"]*)"/.exec(query)?.[1];
      // Regex matchers as Prometheus reads them: the PromQL string unescaped, the regex anchored.
      const regex = (label: string) => {
        const m = new RegExp(`${label}=~"((?:[^"\\\\]|\\\\.)*)"`).exec(query)?.[1];
        return m === undefined ? undefined : new RegExp(`^(?:${m.replace(/\\\\(.)/g, '$1')})$`);
      };
      const nsRe = regex('namespace');
      const podRe = regex('pod');
      return this.pods
        .map((p) => p.split('/') as [string, string])
        .filter(([n, p]) => (ns === undefined || n === ns) && (pod === undefined || p === pod))
        .filter(([n, p]) => (!nsRe || nsRe.test(n)) && (!podRe || podRe.test(p)))
        .map(([namespace, p]) => ({ namespace, pod: p }));
    }
    const nodeExporterQuery = query.includes('node_cpu_seconds_total') || query.includes('node_memory_MemAvailable_bytes');
    const kubeletQuery = query.includes('node_cpu_usage_seconds_total') || query.includes('node_memory_working_set_bytes');
    if ((nodeExporterQuery && this.families.nodeExporter) || (kubeletQuery && this.families.kubelet)) return this.nodes.map((node) => ({ node }));
    return [];
  }

  private value(labels: Record<string, string>, query: string): number {
    if (labels.resource === 'cpu') return 8;
    if (labels.resource === 'memory') return 32e9;
    const base = query.includes('cpu') ? 0.1 : 1000;
    return base + this.tick;
  }

  private vector(query: string) {
    const result = this.series(query).map((metric) => ({ metric, value: [Date.now() / 1000, String(this.value(metric, query))] }));
    return { status: 'success', data: { resultType: 'vector', result } };
  }

  private matrix(query: string, params: Readonly<Record<string, string>>) {
    const start = Number(params.start);
    const end = Number(params.end);
    const step = Number(params.step);
    const result = this.series(query).map((metric) => {
      const values: [number, string][] = [];
      for (let t = start, i = 0; t <= end; t += step, i++) values.push([t, String(this.value(metric, query) + i / 100)]);
      return { metric, values };
    });
    return { status: 'success', data: { resultType: 'matrix', result } };
  }
}
