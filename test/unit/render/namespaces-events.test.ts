import { describe, expect, it } from 'vitest';
import { columnsFor } from '../../../src/render/columns.js';
import { events } from '../../../src/render/events.js';
import { namespaces } from '../../../src/render/namespaces.js';
import { byName, loadItems, NOW, renderNamed } from './fixture.js';

describe('namespaces', () => {
  const items = loadItems('namespaces.json');
  it('render NAME STATUS AGE, without NAMESPACE even in all-namespaces mode', () => {
    expect(columnsFor(namespaces, true).map((c) => c.name)).toEqual(['NAME', 'STATUS', 'AGE']);
    const row = namespaces.render(byName(items, 'default'), { now: NOW, allNamespaces: true });
    expect(row.cells).toEqual(['default', 'Active', '151d']);
    expect(row.health).toBe('ok');
  });
  it('show a terminating namespace as deleting', () => {
    const { row } = renderNamed(namespaces, byName(items, 'going'));
    expect(row.cells[1]).toBe('Terminating');
    expect(row.health).toBe('deleting');
  });
});

describe('events', () => {
  const items = loadItems('events.json');
  const ev = (name: string) => renderNamed(events, byName(items, name));

  it('have kubectl get events -o wide columns, wide ones interleaved as kubectl prints them', () => {
    expect(events.columns.map((c) => c.name)).toEqual([
      'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME',
    ]);
    expect(events.columns.filter((c) => !c.wide).map((c) => c.name)).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
    expect(columnsFor(events, true)[0]?.name).toBe('NAMESPACE');
  });

  it('render a classic event', () => {
    expect(ev('web-1.a').row.cells).toEqual([
      '5m', 'Normal', 'Scheduled', 'pod/web-1', '', 'default-scheduler', 'Successfully assigned default/web-1 to worker-1', '10m', '1', 'web-1.a',
    ]);
  });

  it('render a repeated warning with subobject and host; message trimmed', () => {
    const { row } = ev('web-1.b');
    expect(row.cells).toEqual([
      '30s', 'Warning', 'BackOff', 'pod/web-1', 'spec.containers{app}', 'kubelet, worker-1',
      'Back-off restarting failed container app in pod web-1_default(u1)', '120m', '42', 'web-1.b',
    ]);
    expect(row.health).toBe('warn');
    expect(NOW - row.sort.since).toBe(30_000); // last seen 30 s ago
  });

  it('fall back to eventTime and reporting fields (events.k8s.io style); cut multi-line messages', () => {
    expect(ev('new-api').cell).toMatchObject({
      'LAST SEEN': '119s', 'FIRST SEEN': '119s', OBJECT: 'node/worker-2', SOURCE: 'karpenter, karpenter-7c9', MESSAGE: 'multi...', COUNT: '1',
    });
  });

  it('take LAST SEEN and COUNT from a series; OBJECT is the kind alone without a name', () => {
    expect(ev('series').cell).toMatchObject({ 'LAST SEEN': '59s', 'FIRST SEEN': '120m', COUNT: '7', OBJECT: 'deployment', SOURCE: 'kubelet' });
  });

  it('show <unknown> without any time and escape ESC as kubectl does', () => {
    expect(ev('timeless').cell).toMatchObject({ 'LAST SEEN': '<unknown>', 'FIRST SEEN': '<unknown>', MESSAGE: '^[[31mred^[[0m' });
  });
});
