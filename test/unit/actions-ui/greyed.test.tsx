// With colour on (forced before Ink and chalk load): a denied action's hint is drawn grey and dim.
/* eslint-disable no-control-regex -- the test reads ANSI colour codes */
import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
  delete process.env.NO_COLOR;
});

const { FakeKube } = await import('../fakes/fake-kube.js');
const { mountWithClient } = await import('./objects.js');

const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
const footer = (frame: string) => frame.split('\n').at(-1) ?? '';

describe('denied actions', () => {
  it('are greyed in the footer; allowed ones keep the key colour', async () => {
    const client = new FakeKube({ policy: (verb, resource) => !(verb === 'delete' && resource === 'pods') });
    const app = mountWithClient({}, client);
    const frame = await app.waitFor((f) => strip(footer(f)).includes('<shift-l> label') && client.reviews.length >= 3);
    await app.until(() => /\u001b\[90m/.test(footer(app.frame())), 'a grey hint');
    const raw = footer(app.frame());
    expect(strip(frame)).toContain('<ctrl-d> delete');
    // The grey (90) and dim (2) run holds "<ctrl-d> delete"; "<shift-l>" is magenta (35).
    expect(raw).toMatch(/\u001b\[90m(\u001b\[2m)?<ctrl-d> delete/);
    expect(raw).toMatch(/\u001b\[35m<shift-l>/);
    expect(raw).not.toMatch(/\u001b\[90m(\u001b\[2m)?<shift-l>/);
    app.unmount();
  });
});
