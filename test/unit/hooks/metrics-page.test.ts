import { describe, expect, it } from 'vitest';
import { NEW_POD_MS, pageAround } from '../../../src/hooks/useMetricsPage.js';
import { makeRow } from '../../../src/render/row.js';
import type { RowItem } from '../../../src/store/select.js';

const NOW = Date.parse('2026-11-27T10:00:00Z');

function pod(name: string, ageMs: number | undefined): RowItem {
  const obj = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: ageMs === undefined ? undefined : new Date(NOW - ageMs).toISOString() },
  };
  return { obj, row: makeRow(obj, [name], 'ok', 'Running') };
}

describe('pageAround', () => {
  it('takes a screen above and below the screen, and marks pods under a minute old as new', () => {
    const items = Array.from({ length: 100 }, (_, i) => pod(`p-${i}`, i === 45 ? 5_000 : i === 46 ? NEW_POD_MS + 1_000 : 3_600_000));
    items[47] = pod('p-47', undefined); // no creation time: not new
    const page = pageAround(items, 40, 10, NOW);
    expect(page.keys[0]).toBe('default/p-30');
    expect(page.keys.at(-1)).toBe('default/p-59');
    expect(page.fresh).toEqual(['default/p-45']);
  });
});
