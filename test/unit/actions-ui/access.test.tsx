import { afterEach, describe, expect, it } from 'vitest';
import { BINDINGS, setActiveBindings } from '../../../src/keys/bindings.js';
import { applyKeyOverrides } from '../../../src/keys/overrides.js';
import { KEYS, mountApp } from '../views/harness.js';
import { FakeKube } from '../fakes/fake-kube.js';
import { command, mountWithClient, seeded } from './objects.js';

const CTRL_D = '\u0004';
const footer = (frame: string) => frame.split('\n').at(-1) ?? '';

describe('readonly and no client', () => {
  it('--readonly: no action key works, none is in the footer, help says so', async () => {
    const client = new FakeKube();
    const app = mountApp({ source: seeded(), client, readonly: true });
    await app.waitFor((f) => f.includes('web-1'));
    expect(footer(app.frame())).not.toMatch(/delete|label|expose|mark/);
    for (const key of [CTRL_D, 'L', 'x', ' ']) await app.press(key);
    await command(app, 'deploy');
    await app.waitFor((f) => f.includes('Deployments(default)[1]'));
    await app.press('s');
    const frame = await app.settled();
    expect(frame).not.toMatch(/Delete pod|Label pod|Expose|Scale deployment|marked/);
    expect(footer(frame)).not.toMatch(/scale|delete/);
    expect(client.sent).toHaveLength(0);
    expect(client.reviews).toHaveLength(0);
    await app.press('?');
    const help = await app.waitFor((f) => f.includes('Help'));
    expect(help).toContain('readonly: mutating actions are off');
    expect(help).not.toContain('Delete the marked rows');
    expect(help).not.toContain('Mark the row');
    app.unmount();
  });

  it('without an API client the actions are unavailable', async () => {
    const app = mountApp({ source: seeded() });
    await app.waitFor((f) => f.includes('web-1'));
    expect(footer(app.frame())).not.toMatch(/delete|label/);
    await app.press(CTRL_D, 'L');
    expect(await app.settled()).not.toMatch(/Delete pod|Label pod/);
    app.unmount();
  });
});

describe('access checks', () => {
  it('asks the server (SSAR) for the focused kind and namespace, and a denied key flashes the reason', async () => {
    const client = new FakeKube({ policy: (verb, resource) => !(verb === 'delete' && resource === 'pods') });
    const app = mountWithClient({}, client);
    await app.waitFor((f) => f.includes('web-1'));
    await app.until(() => client.reviews.some((r) => r.verb === 'delete' && r.resource === 'pods' && r.namespace === 'default'), 'the delete review');
    await app.waitFor((f) => footer(f).includes('<shift-l> label') && footer(f).includes('<ctrl-d> delete'));
    await app.press(CTRL_D);
    const flashed = await app.waitFor((f) => f.includes('not allowed:'), 'flash');
    expect(footer(flashed)).toMatch(/not allowed: cannot delete resource "pods" in API group "" in the namespace "default": RBAC: test policy says no/);
    expect(flashed).not.toContain('Delete pod/web-1?');
    expect(client.mutations).toHaveLength(0);
    // Another kind is checked when it gets the focus.
    await command(app, 'deploy');
    await app.until(() => client.reviews.some((r) => r.resource === 'deployments' && r.verb === 'update'), 'the scale review');
    app.unmount();
  });

  it('offers only the actions that apply to the focused kind', async () => {
    const app = mountWithClient();
    await app.waitFor((f) => footer(f).includes('<shift-l> label'));
    expect(footer(app.frame())).not.toMatch(/taint|scale/);
    await app.press(KEYS.shiftTab);
    await app.waitFor((f) => footer(f).includes('taint'), 'nodes offer taint');
    expect(footer(app.frame())).not.toMatch(/scale|expose/);
    app.unmount();
  });
});

describe('rebinding', () => {
  afterEach(() => setActiveBindings(BINDINGS));

  it("the config keys move an action to another key: footer, help and the key itself follow", async () => {
    const { bindings, warning } = applyKeyOverrides(BINDINGS, { 'action.scale': ['S'], 'action.delete': ['ctrl+x'] });
    expect(warning).toBeUndefined();
    setActiveBindings(bindings);
    // Wide enough for help to show the actions' section beside the table's keys.
    const app = mountWithClient({ columns: 260, rows: 60 });
    await app.waitFor((f) => f.includes('web-1'));
    await command(app, 'deploy');
    let frame = await app.waitFor((f) => footer(f).includes('<shift-s> scale'));
    expect(footer(frame)).toContain('<ctrl-x> delete');
    await app.press('s'); // the old key does nothing now
    expect(await app.settled()).not.toContain('Scale deployment/web');
    await app.press('S'); // and S no longer sorts by status: it scales
    frame = await app.waitFor((f) => f.includes('Scale deployment/web'));
    await app.press(KEYS.esc);
    await app.press('\u0018'); // ctrl+x
    await app.waitFor((f) => f.includes('Delete deployment/web?'));
    await app.press('n');
    await app.press('?');
    const help = await app.waitFor((f) => f.includes('Help'));
    expect(help).toMatch(/\(unbound\)\s+Sort by status/);
    // The actions' section is further down: scroll to it (one chunk of keys).
    await app.press('j'.repeat(150));
    await app.waitFor((f) => /<shift-s>\s+Scale/.test(f), 'Scale on <shift-s> in help');
    app.unmount();
  }, 20_000);

  it('names bad entries in one warning line and keeps the defaults for them', () => {
    const { bindings, warning } = applyKeyOverrides(BINDINGS, { 'action.nope': ['x'], 'action.label': 'L', 'action.taint': ['ctrl+'], 'action.expose': ['X'] }, '/c/config.json');
    expect(warning?.split('\n')).toHaveLength(1);
    expect(warning).toContain('kt: ignoring keys in /c/config.json');
    expect(warning).toContain('action.nope (no such command');
    expect(warning).toContain('action.label (want a non-empty list of keys');
    expect(warning).toContain('action.taint ("ctrl+" is not a key');
    expect(bindings.find((b) => b.id === 'action.taint')?.keys).toEqual(['T']);
    expect(bindings.find((b) => b.id === 'action.expose')?.keys).toEqual(['X']);
    expect(applyKeyOverrides(BINDINGS, [1, 2]).warning).toMatch(/not an object/);
    expect(applyKeyOverrides(BINDINGS, undefined)).toEqual({ bindings: BINDINGS });
  });

  it('a key taken by an override leaves commands in scopes that are never live together alone', () => {
    const { bindings } = applyKeyOverrides(BINDINGS, { 'mark.toggle': ['m'] });
    expect(bindings.find((b) => b.id === 'mark.toggle')?.keys).toEqual(['m']);
    expect(bindings.find((b) => b.id === 'confirm.toggle')?.keys).toEqual(['space']); // other scope: untouched
  });
});
