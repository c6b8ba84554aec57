import { describe, expect, it } from 'vitest';
import { createJournal, runPlan } from '../../../src/actions/journal.js';
import { planScale } from '../../../src/actions/scale.js';
import type { ActionPlan } from '../../../src/actions/types.js';
import { scripted } from '../fakes/fake-kube.js';
import { target } from './targets.js';

function scalePlan(): ActionPlan {
  const r = planScale(target('deployments', 'web', 'prod'), '3');
  if (!r.ok) throw new Error(r.error);
  return r.plan;
}

describe('journal', () => {
  it('records a running entry, settles it, and notifies subscribers with a new array each time', () => {
    const journal = createJournal({ now: () => 42 });
    const seen: number[] = [];
    const off = journal.subscribe(() => seen.push(journal.entries().length));
    const before = journal.entries();
    const entry = journal.record(scalePlan());
    expect(entry).toEqual({
      id: 1,
      time: 42,
      action: 'scale',
      kubectl: ['kubectl scale deployment/web --replicas=3 -n prod'],
      targets: ['prod/deployment.apps/web'],
    });
    const running = journal.entries();
    expect(running).not.toBe(before);
    expect(journal.entries()).toBe(running);
    journal.settle(entry.id, { ok: true, message: 'deployment.apps/web scaled' });
    expect(journal.entries()[0]?.outcome).toEqual({ ok: true, message: 'deployment.apps/web scaled' });
    expect(running[0]?.outcome).toBeUndefined();
    off();
    journal.record(scalePlan());
    expect(seen).toEqual([1, 1]);
  });

  it('keeps the newest entries up to its limit', () => {
    const journal = createJournal({ limit: 2 });
    for (let i = 0; i < 3; i++) journal.record(scalePlan());
    expect(journal.entries().map((e) => e.id)).toEqual([2, 3]);
  });
});

describe('runPlan', () => {
  it('journals the run and returns its outcome', async () => {
    const journal = createJournal();
    const client = scripted();
    const outcome = await runPlan(scalePlan(), client, journal);
    expect(outcome).toEqual({ ok: true, message: 'deployment.apps/web scaled' });
    expect(journal.entries()[0]?.outcome).toEqual(outcome);
    expect(client.requests).toHaveLength(1);
  });

  it('turns a plan that throws into a failed outcome', async () => {
    const journal = createJournal();
    const plan: ActionPlan = { ...scalePlan(), run: () => Promise.reject(new Error('boom\nsecond line')) };
    expect(await runPlan(plan, scripted(), journal)).toEqual({ ok: false, message: 'boom second line' });
    expect(journal.entries()[0]?.outcome?.ok).toBe(false);
  });
});
