// Nothing lost: a failed action says so in one line; a lost response is an unknown outcome with the
// kubectl command to check; the journal is appended to its file as each action starts and ends.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalPath } from '../../../src/actions/journal-file.js';
import { createJournal, runPlan } from '../../../src/actions/journal.js';
import { planScale } from '../../../src/actions/scale.js';
import { KubeApiError } from '../../../src/kube/api-errors.js';
import { scripted } from '../fakes/fake-kube.js';
import { target } from './targets.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kt-journal-'));
  mkdirSync(dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function plan<T>(r: { ok: true; plan: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.plan;
}

const reset = () => new KubeApiError('socket hang up', { code: 'ECONNRESET', afterSend: true });
const refused = () => new KubeApiError('connect ECONNREFUSED 127.0.0.1:6443', { code: 'ECONNREFUSED' });

describe('an action whose connection fails', () => {
  it('before the request was sent: a failure in one line', async () => {
    const client = scripted(() => {
      throw refused();
    });
    const outcome = await runPlan(plan(planScale(target('deployments', 'web', 'prod'), '3')), client, createJournal());
    expect(outcome).toEqual({ ok: false, message: 'connect ECONNREFUSED 127.0.0.1:6443' });
  });

  it('after the request was sent: an unknown outcome, with the kubectl command to check', async () => {
    const client = scripted(() => {
      throw reset();
    });
    const outcome = await runPlan(plan(planScale(target('deployments', 'web', 'prod'), '3')), client, createJournal());
    expect(outcome).toEqual({ ok: false, unknown: true, message: 'unknown outcome (socket hang up): check with kubectl get deployment.apps/web -n prod' });
  });

});

describe('the journal file', () => {
  it('is under $KT_STATE_DIR, else $XDG_STATE_HOME/kt, else ~/.local/state/kt', () => {
    expect(journalPath({ KT_STATE_DIR: '/s' }, '/home/u')).toBe('/s/journal.jsonl');
    expect(journalPath({ XDG_STATE_HOME: '/x' }, '/home/u')).toBe('/x/kt/journal.jsonl');
    expect(journalPath({}, '/home/u')).toBe('/home/u/.local/state/kt/journal.jsonl');
  });

  it('gets a line as an action starts and another as it ends, written before runPlan returns', async () => {
    const file = join(dir, 'state', 'journal.jsonl');
    const journal = createJournal({ file, now: () => 42 });
    await runPlan(plan(planScale(target('deployments', 'web', 'prod'), '3')), scripted(), journal);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ id: 1, time: 42, action: 'scale', kubectl: ['kubectl scale deployment/web --replicas=3 -n prod'], pid: process.pid });
    expect(lines[0]).not.toHaveProperty('outcome');
    expect(lines[1]).toMatchObject({ id: 1, outcome: { ok: true } });
  });

  it('a file that cannot be written leaves the journal working in memory', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    const journal = createJournal({ file: join(blocker, 'journal.jsonl') }); // its directory is a file
    await runPlan(plan(planScale(target('deployments', 'web', 'prod'), '3')), scripted(), journal);
    expect(journal.entries()).toHaveLength(1);
  });
});
