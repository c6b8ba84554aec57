// kubectl describe prints times in the local zone; the expected texts are written in UTC.
import { afterAll, beforeAll } from 'vitest';

/** Runs this file's tests with TZ=UTC and puts the caller's TZ back afterwards. */
export function inUtc(): void {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'UTC';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
}
