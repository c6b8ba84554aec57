import { describe, expect, it } from 'vitest';
import { errorLine, runEach } from '../../../src/actions/outcome.js';
import { KubeApiError } from '../../../src/kube/api-errors.js';
import { target } from './targets.js';

describe('runEach', () => {
  it('runs a few targets at a time and reports in the order given', async () => {
    const targets = Array.from({ length: 20 }, (_, i) => target('pods', `p${i}`, 'default'));
    let inFlight = 0;
    let most = 0;
    const outcome = await runEach(
      targets,
      async (t) => {
        inFlight++;
        most = Math.max(most, inFlight);
        // Later targets finish first: the report must still follow the input order.
        await new Promise((r) => setTimeout(r, 20 - Number(t.name.slice(1))));
        inFlight--;
        if (t.name === 'p3' || t.name === 'p17') throw new KubeApiError(`pods "${t.name}" not found`, { statusCode: 404, reason: 'NotFound' });
        return `pod/${t.name} labeled`;
      },
      { verb: 'labeled', noun: 'pods' },
    );
    expect(most).toBe(8);
    expect(outcome).toEqual({
      ok: false,
      message:
        'failed on 2 of 20 (the other 18 labeled): pod/p3: Error from server (NotFound): pods "p3" not found; ' +
        'pod/p17: Error from server (NotFound): pods "p17" not found',
    });
  });
});

describe('errorLine', () => {
  it("prints a server error as kubectl does, on one line; a network error as it is", () => {
    expect(errorLine(new KubeApiError('a\n  b', { statusCode: 409, reason: 'Conflict' }))).toBe('Error from server (Conflict): a b');
    expect(errorLine(new KubeApiError('bad', { statusCode: 500 }))).toBe('Error from server: bad');
    expect(errorLine(new KubeApiError('connect ECONNREFUSED', { code: 'ECONNREFUSED' }))).toBe('connect ECONNREFUSED');
    expect(errorLine('plain')).toBe('plain');
  });
});
