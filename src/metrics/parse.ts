// Readers for Prometheus's /api/v1/query and /api/v1/query_range answers. They never throw: an
// error answer or an unexpected shape comes back as { error } with one line saying what was wrong.

export interface VectorSample {
  labels: Record<string, string>;
  value: number;
}

export interface MatrixSeries {
  labels: Record<string, string>;
  /** [unix seconds, value], oldest first. */
  values: [number, number][];
}

export type Parsed<T> = { ok: T } | { error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneLine(text: string, max = 160): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The `data` of a success answer of the wanted resultType, or why there is none. */
function dataOf(body: unknown, want: 'vector' | 'matrix'): Parsed<unknown[]> {
  if (!isRecord(body)) return { error: 'unexpected answer from Prometheus (not a JSON object)' };
  if (body.status === 'error') {
    const kind = typeof body.errorType === 'string' ? `${body.errorType}: ` : '';
    return { error: oneLine(`PromQL ${kind}${typeof body.error === 'string' ? body.error : 'error'}`) };
  }
  if (body.status !== 'success' || !isRecord(body.data)) return { error: 'unexpected answer from Prometheus (no data)' };
  const { resultType, result } = body.data;
  if (resultType !== want) return { error: `unexpected answer from Prometheus (${String(resultType)}, want ${want})` };
  if (!Array.isArray(result)) return { error: 'unexpected answer from Prometheus (result is not a list)' };
  return { ok: result };
}

function labelsOf(metric: unknown): Record<string, string> | undefined {
  if (!isRecord(metric)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(metric)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** A [time, "value"] pair; NaN and ±Inf (division by zero, absent counters) are dropped. */
function pointOf(raw: unknown): [number, number] | undefined {
  if (!Array.isArray(raw) || raw.length !== 2) return undefined;
  const [t, v] = raw as unknown[];
  if (typeof t !== 'number' || typeof v !== 'string') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? [t, n] : undefined;
}

export function parseVector(body: unknown): Parsed<VectorSample[]> {
  const data = dataOf(body, 'vector');
  if ('error' in data) return data;
  const out: VectorSample[] = [];
  for (const item of data.ok) {
    const labels = isRecord(item) ? labelsOf(item.metric) : undefined;
    if (!labels || !isRecord(item)) return { error: 'unexpected answer from Prometheus (sample without metric)' };
    if (!Array.isArray(item.value)) return { error: 'unexpected answer from Prometheus (sample without value)' };
    const point = pointOf(item.value);
    if (point) out.push({ labels, value: point[1] });
  }
  return { ok: out };
}

export function parseMatrix(body: unknown): Parsed<MatrixSeries[]> {
  const data = dataOf(body, 'matrix');
  if ('error' in data) return data;
  const out: MatrixSeries[] = [];
  for (const item of data.ok) {
    const labels = isRecord(item) ? labelsOf(item.metric) : undefined;
    if (!labels || !isRecord(item) || !Array.isArray(item.values)) {
      return { error: 'unexpected answer from Prometheus (series without metric or values)' };
    }
    const values: [number, number][] = [];
    for (const raw of item.values as unknown[]) {
      const point = pointOf(raw);
      if (point) values.push(point);
    }
    out.push({ labels, values });
  }
  return { ok: out };
}
