// The e2e comparator itself: it accepts what timing explains and rejects everything else.
import { describe, expect, it } from 'vitest';
import { ageRange, cells, cellsAgree, missingLines } from '../../helpers/describe-compare.js';

const W = { start: Date.parse('2026-11-27T03:20:00Z'), end: Date.parse('2026-11-27T03:20:01Z') };

describe('describe comparator', () => {
  it('cuts lines into cells at runs of two or more spaces', () => {
    expect(cells('  Normal  Scheduled  5m    default-scheduler  Successfully assigned a to b')).toEqual([
      'Normal',
      'Scheduled',
      '5m',
      'default-scheduler',
      'Successfully assigned a to b',
    ]);
    expect(cells('   ')).toEqual([]);
  });

  it('reads ages as ranges', () => {
    expect(ageRange('5m')).toEqual([300_000, 360_000]);
    expect(ageRange('3m12s')).toEqual([192_000, 193_000]);
    expect(ageRange('Running')).toBeUndefined();
  });

  it('lets ages and event series differ by the read span only', () => {
    expect(cellsAgree('59s', '60s', W)).toBe(true);
    expect(cellsAgree('9m59s', '10m', W)).toBe(true);
    expect(cellsAgree('5m', '7m', W)).toBe(false);
    expect(cellsAgree('10s (x3 over 5m)', '11s (x3 over 5m)', W)).toBe(true);
    expect(cellsAgree('10s (x3 over 5m)', '11s (x4 over 5m)', W)).toBe(false);
    expect(cellsAgree('Terminating (lasts 5s)', 'Terminating (lasts 6s)', W)).toBe(true);
    expect(cellsAgree('Terminating (lasts 5s)', 'Running (lasts 5s)', W)).toBe(false);
  });

  it('lets a timestamp differ only when it was written during the reads', () => {
    expect(cellsAgree('Fri, 27 Nov 2026 03:19:55 +0000', 'Fri, 27 Nov 2026 03:20:00 +0000', W)).toBe(true);
    expect(cellsAgree('Fri, 27 Nov 2026 03:10:00 +0000', 'Fri, 27 Nov 2026 03:10:01 +0000', W)).toBe(false);
  });

  it('reports each missing kubectl line with the closest kt line', () => {
    const kubectl = 'Name:      web\nReplicas:  2 desired | 2 updated\nAge:       5m\n';
    const kt = 'Name:  web\nReplicas:  3 desired | 2 updated\nAge:  9m\n';
    expect(missingLines(kubectl, kt, W)).toEqual([
      'kubectl: Replicas:  2 desired | 2 updated\n     kt: Replicas:  3 desired | 2 updated',
      'kubectl: Age:  5m\n     kt: Age:  9m',
    ]);
    expect(missingLines(kubectl, 'Name:  web\nReplicas:  2 desired | 2 updated\nAge:  5m1s\n', W)).toEqual([]);
  });

  it('uses each kt line once', () => {
    expect(missingLines('Optional:  false\nOptional:  false\n', 'Optional:  false\n', W)).toHaveLength(1);
  });
});
