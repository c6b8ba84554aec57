// Where kt's Prometheus settings come from: flags first, then the environment, then the per-context
// config (conf: contexts.<name>.prometheus = { url, tokenFile, interval }). Errors are one line.
import { readFileSync } from 'node:fs';
import type { KubeClient } from '../kube/client.js';
import { createMetricsSource, type MetricsEngine } from './engine.js';
import { fetchTransport } from './transport.js';

import type { PrometheusPrefs } from './types.js';

export type { PrometheusPrefs };

export interface MetricsFlags {
  prometheus?: string;
  prometheusTokenFile?: string;
  metricsIntervalMs?: number;
}

export interface MetricsSettings {
  url?: string;
  token?: string;
  intervalMs?: number;
}

export const TOKEN_ENV = 'KT_PROMETHEUS_TOKEN';
export const MIN_INTERVAL_MS = 1000;

/** A Go-style duration ("15s", "1m30s", "500ms") or bare seconds, in ms; undefined when malformed. */
export function parseDurationMs(value: string): number | undefined {
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const re = /(\d+(?:\.\d*)?|\.\d+)(ms|s|m|h)/gy;
  let total = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value)) !== null) {
    total += Number(m[1]) * (units[m[2] as string] as number);
    pos = re.lastIndex;
  }
  return pos === 0 || pos !== value.length ? undefined : Math.round(total);
}

function readToken(path: string, what: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`kt: cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const token = text.trim();
  if (!token) throw new Error(`kt: ${what} ${path} is empty; put the bearer token in it`);
  return token;
}

export function resolveMetricsSettings(
  flags: MetricsFlags,
  prefs: PrometheusPrefs | undefined,
  env: Record<string, string | undefined> = process.env,
): MetricsSettings {
  const url = flags.prometheus ?? prefs?.url?.replace(/\/+$/, '');
  if (url !== undefined && flags.prometheus === undefined) {
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(url).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw new Error(`kt: the config's prometheus.url "${url}" is not an http(s) URL; fix it or pass --prometheus-url`);
  }
  let token: string | undefined;
  if (flags.prometheusTokenFile) token = readToken(flags.prometheusTokenFile, '--prometheus-token-file');
  else if (env[TOKEN_ENV]?.trim()) token = env[TOKEN_ENV]?.trim();
  else if (prefs?.tokenFile) token = readToken(prefs.tokenFile, "the config's prometheus.tokenFile");

  let intervalMs = flags.metricsIntervalMs;
  if (intervalMs === undefined && prefs?.interval !== undefined) {
    intervalMs = parseDurationMs(prefs.interval);
    if (intervalMs === undefined || intervalMs < MIN_INTERVAL_MS) {
      throw new Error(`kt: the config's prometheus.interval "${prefs.interval}" is not a duration of 1s or more, like 15s`);
    }
  }
  return { url, token, intervalMs };
}

/** The metrics source kt runs with: the configured URL when there is one, else discovery through `client`. */
export function startMetrics(settings: MetricsSettings, client: KubeClient | undefined): MetricsEngine {
  const direct = settings.url ? fetchTransport(settings.url, { token: settings.token }) : undefined;
  return createMetricsSource({ client, direct }, settings.intervalMs ? { intervalMs: settings.intervalMs } : {});
}
