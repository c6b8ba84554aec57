// The `:` line over discovered kinds: Tab completes, a typo gets a suggestion, :api-resources lists
// every kind and Enter opens one.
import { afterEach, describe, expect, it } from 'vitest';
import { registry } from '../../../src/kinds/registry.js';
import { specFromDiscovery } from '../../../src/kinds/discovery.js';
import { KEYS, mountApp } from '../views/harness.js';

const footer = (frame: string) => frame.split('\n').at(-1) ?? '';

const secrets = specFromDiscovery({
  group: '', version: 'v1', plural: 'secrets', singular: 'secret', kind: 'Secret', namespaced: true,
  verbs: ['get', 'list', 'watch', 'delete', 'patch'], shortNames: [], categories: [], subresources: [],
});
const smon = specFromDiscovery({
  group: 'monitoring.coreos.com', version: 'v1', plural: 'servicemonitors', singular: 'servicemonitor', kind: 'ServiceMonitor',
  namespaced: true, verbs: ['get', 'list', 'watch'], shortNames: ['smon'], categories: [], subresources: [],
});

afterEach(() => {
  registry.setDiscovered([]);
  registry.markAnswered();
});

describe('the command line with discovered kinds', () => {
  it('Tab completes a kind name; a typo names the closest kind', async () => {
    registry.setDiscovered([secrets, smon]);
    const app = mountApp();
    await app.press(':');
    await app.type('servicem');
    await app.press(KEYS.tab);
    await app.waitFor((f) => footer(f).includes(':servicemonitor'), 'the completed name');
    await app.press(KEYS.esc, ':');
    await app.type('secret5');
    await app.press(KEYS.enter);
    await app.waitFor((f) => footer(f).includes('unknown resource "secret5": did you mean secrets?'));
    app.unmount();
  }, 15_000);

  it(':api-resources lists the kinds with kubectl columns and Enter opens the one chosen', async () => {
    registry.setDiscovered([secrets, smon]);
    const app = mountApp();
    await app.press(':');
    await app.type('api-resources');
    await app.press(KEYS.enter);
    const list = await app.waitFor((f) => f.includes('API resources['));
    expect(list).toMatch(/NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND/);
    expect(list).toMatch(/servicemonitors +smon +monitoring\.coreos\.com\/v1 +true +ServiceMonitor/);
    const rows = list.split('\n').filter((l) => /^║ [ >]?\S/.test(l));
    const at = rows.findIndex((l) => l.includes('servicemonitors'));
    expect(at).toBeGreaterThan(0);
    for (let i = 1; i < at; i++) await app.press('j');
    await app.press(KEYS.enter);
    await app.waitFor((f) => f.includes('ServiceMonitors(default)'), 'the ServiceMonitors pane');
    app.unmount();
  }, 15_000);

  it('a kind typed before the server first answers discovery opens when it answers', async () => {
    registry.beginSession();
    const app = mountApp();
    await app.press(':');
    await app.type('smon');
    await app.press(KEYS.enter);
    await app.waitFor((f) => footer(f).includes('looking for "smon" in the server\'s resources…'));
    registry.setDiscovered([secrets, smon]);
    registry.markAnswered();
    const frame = await app.waitFor((f) => f.includes('ServiceMonitors(default)'), 'the ServiceMonitors pane');
    expect(footer(frame)).not.toContain('looking for');
    app.unmount();
  }, 15_000);

  it('a name the server does not serve either is refused once it has answered', async () => {
    registry.beginSession();
    const app = mountApp();
    await app.press(':');
    await app.type('secret5');
    await app.press(KEYS.enter);
    await app.waitFor((f) => footer(f).includes('looking for "secret5"'));
    registry.setDiscovered([secrets, smon]);
    registry.markAnswered();
    await app.waitFor((f) => footer(f).includes('unknown resource "secret5": did you mean secrets?'));
    app.unmount();
  }, 15_000);
});
