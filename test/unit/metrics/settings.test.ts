import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args.js';
import { helpText } from '../../../src/cli/help.js';
import { openPrefs } from '../../../src/config/prefs.js';
import { parseDurationMs, resolveMetricsSettings } from '../../../src/metrics/settings.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kt-metrics-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('metrics flags', () => {
  it('parses --prometheus-url (and the --prometheus alias), --prometheus-token-file, --metrics-interval', () => {
    expect(parseArgs(['--prometheus-url', 'http://127.0.0.1:9090/', '--prometheus-token-file=/t', '--metrics-interval', '2s'])).toMatchObject({
      prometheus: 'http://127.0.0.1:9090',
      prometheusTokenFile: '/t',
      metricsIntervalMs: 2000,
    });
    expect(parseArgs(['--prometheus=https://p.example/prom']).prometheus).toBe('https://p.example/prom');
    expect(parseArgs(['--metrics-interval=1m']).metricsIntervalMs).toBe(60_000);
  });

  it('refuses bad values in one line', () => {
    expect(() => parseArgs(['--prometheus-url', 'localhost:9090'])).toThrow(/^kt: invalid value "localhost:9090" for "--prometheus-url"/);
    expect(() => parseArgs(['--metrics-interval', '500ms'])).toThrow(
      'kt: invalid value "500ms" for "--metrics-interval": want a duration of 1s or more, like 15s or 1m (see kt --help)',
    );
    expect(() => parseArgs(['--metrics-interval', 'often'])).toThrow(/want a duration of 1s or more/);
    expect(() => parseArgs(['--prometheus-token-file'])).toThrow('kt: flag "--prometheus-token-file" needs a value (see kt --help)');
  });

  it('are in kt --help', () => {
    for (const flag of ['--prometheus-url URL', '--prometheus-token-file F', '--metrics-interval D', 'KT_PROMETHEUS_TOKEN']) expect(helpText()).toContain(flag);
  });
});

describe('resolveMetricsSettings', () => {
  it('takes flags over the environment over the per-context config', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'flag-token'), 'from-flag\n');
    writeFileSync(join(dir, 'conf-token'), 'from-conf');
    const prefs = { url: 'http://conf:9090/', tokenFile: join(dir, 'conf-token'), interval: '30s' };
    expect(resolveMetricsSettings({}, prefs, {})).toEqual({ url: 'http://conf:9090', token: 'from-conf', intervalMs: 30_000 });
    expect(resolveMetricsSettings({}, prefs, { KT_PROMETHEUS_TOKEN: ' from-env ' }).token).toBe('from-env');
    expect(
      resolveMetricsSettings({ prometheus: 'http://flag:9090', prometheusTokenFile: join(dir, 'flag-token'), metricsIntervalMs: 2000 }, prefs, {
        KT_PROMETHEUS_TOKEN: 'from-env',
      }),
    ).toEqual({ url: 'http://flag:9090', token: 'from-flag', intervalMs: 2000 });
    expect(resolveMetricsSettings({}, undefined, {})).toEqual({ url: undefined, token: undefined, intervalMs: undefined });
  });

  it('says in one line what is wrong with a token file or the config', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty'), '\n');
    expect(() => resolveMetricsSettings({ prometheusTokenFile: join(dir, 'nope') }, undefined, {})).toThrow(
      `kt: cannot read --prometheus-token-file ${join(dir, 'nope')}: ENOENT`,
    );
    expect(() => resolveMetricsSettings({ prometheusTokenFile: join(dir, 'empty') }, undefined, {})).toThrow(/is empty; put the bearer token in it/);
    expect(() => resolveMetricsSettings({}, { url: 'prometheus:9090' }, {})).toThrow(/prometheus.url "prometheus:9090" is not an http\(s\) URL/);
    expect(() => resolveMetricsSettings({}, { interval: 'fast' }, {})).toThrow(/prometheus.interval "fast" is not a duration/);
  });

  it('parses durations', () => {
    expect(['15s', '1m30s', '500ms', '2', 'x', '5s!'].map(parseDurationMs)).toEqual([15_000, 90_000, 500, 2000, undefined, undefined]);
  });
});

describe('per-context prometheus settings in the config file', () => {
  it('are read and survive kt remembering a namespace', () => {
    const dir = tempDir();
    const file = join(dir, 'config.json');
    const settings = { url: 'http://prom.example:9090', tokenFile: '/tokens/prom', interval: '10s' };
    writeFileSync(file, JSON.stringify({ contexts: { prod: { favourites: [], prometheus: { ...settings, junk: 1 } }, dev: { favourites: [] } } }));
    const { store } = openPrefs({ env: { KT_CONFIG_DIR: dir } });
    expect(store.get('prod').prometheus).toEqual(settings);
    store.set('prod', { namespace: 'web' });
    store.set('dev', { namespace: 'x' });
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as { contexts: Record<string, { prometheus?: unknown }> };
    expect(onDisk.contexts.prod?.prometheus).toEqual(settings);
    expect(onDisk.contexts.dev?.prometheus).toBeUndefined();
  });
});
