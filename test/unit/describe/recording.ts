// Recorded sandbox responses and kubectl's output for them (test/fixtures/describe/sandbox.json),
// replayed by fakes/fake-kube.ts's replaying().
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RecordedCase {
  kind: string;
  namespace?: string;
  name: string;
  /** The instant kubectl's ages were computed at (epoch ms). */
  now: number;
  kubectl: string;
}

interface Recording {
  routes: Record<string, unknown>;
  cases: RecordedCase[];
}

export const recording = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/describe/sandbox.json'), 'utf8')) as Recording;
