// kt must print what `kubectl get -o wide` prints: same headers, same order, same strings.
// Both read the sandbox in the same run; time columns may differ only by the seconds between the two reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINDS } from '../../src/kinds/registry.js';
import { columnsFor } from '../../src/render/columns.js';
import type { KubeObject } from '../../src/kube/types.js';
import { createPodFixtures, deletePodFixtures, kubectl } from '../helpers/pod-fixtures.js';
import { parseTable } from '../helpers/kubectl-table.js';

const TIME_COLUMNS = new Set(['AGE', 'LAST SEEN', 'FIRST SEEN']);

beforeAll(() => {
  createPodFixtures();
}, 120_000);
afterAll(() => deletePodFixtures());

describe.each(KINDS.map((k) => [k.id, k] as const))('kubectl agreement: %s', (_id, spec) => {
  it('has kubectl -o wide headers and cells', () => {
    const scope = spec.namespaced ? ['-A'] : [];
    const resource = spec.group ? `${spec.plural}.${spec.group}` : spec.plural;
    const before = Date.now();
    const table = parseTable(kubectl(['get', resource, ...scope, '-o', 'wide']));
    const list = JSON.parse(kubectl(['get', resource, ...scope, '-o', 'json'])) as { items: KubeObject[] };
    const after = Date.now();
    // kubectl printed its times somewhere between the two reads: try every half second of that span.
    const readTimes: number[] = [];
    for (let t = before - 1000; t <= after + 1000; t += 500) readTimes.push(t);

    const columns = columnsFor(spec.renderer, spec.namespaced).filter((c) => !c.ktOnly);
    expect(columns.map((c) => c.name)).toEqual(table.headers);
    expect(table.rows.length).toBeGreaterThan(0);

    const nameAt = columns.findIndex((c) => c.name === 'NAME');
    const keyOf = (cells: string[]) => (spec.namespaced ? `${cells[0]}/${cells[nameAt]}` : cells[nameAt]);
    const kubectlRows = new Map(table.rows.map((r) => [keyOf(r), r]));
    const podCountByNode = new Map<string, number>();
    let compared = 0;
    for (const obj of list.items) {
      const render = (now: number) => {
        const row = spec.renderer.render(obj, { now, allNamespaces: spec.namespaced, podCountByNode });
        const all = columnsFor(spec.renderer, spec.namespaced);
        return row.cells.filter((_, i) => !all[i]?.ktOnly);
      };
      const ours = render(before);
      const theirs = kubectlRows.get(keyOf(ours));
      if (!theirs) continue; // created between the two reads
      compared++;
      columns.forEach((col, i) => {
        const where = `${keyOf(ours)} ${col.name}`;
        // Ages, and restarts with "(5m ago)", depend on when each side looked.
        const timed = TIME_COLUMNS.has(col.name) || (col.name === 'RESTARTS' && /ago\)$/.test(theirs[i] ?? ''));
        if (timed) expect(readTimes.map((t) => render(t)[i]), where).toContain(theirs[i]);
        else expect(ours[i], where).toBe(theirs[i]);
      });
    }
    expect(compared).toBeGreaterThanOrEqual(Math.min(table.rows.length, list.items.length) - 2);
  });
});

it('covers every pod status the fixtures create', () => {
  const statuses = parseTable(kubectl(['get', 'pods', '-n', 'kt-fixtures'])).rows.map((r) => r[2]);
  for (const s of ['Running', 'Pending', 'ContainerCreating', 'CrashLoopBackOff', 'Completed', 'Terminating', 'Init:0/1', 'Unknown']) {
    expect(statuses).toContain(s);
  }
});
