import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { KubeObject, WatchStatus } from '../../../src/kube/types.js';
import type { Column, Row } from '../../../src/render/types.js';
import type { RowItem } from '../../../src/store/select.js';
import { fitColumns } from '../../../src/views/fit-columns.js';
import { ResourcePane, type ResourcePaneProps } from '../../../src/views/ResourcePane.js';

const COLUMNS: Column[] = [
  { name: 'NAME', priority: 100 },
  { name: 'STATUS', priority: 90 },
  { name: 'RESTARTS', priority: 70, align: 'right' },
  { name: 'AGE', priority: 80 },
  { name: 'IP', wide: true, priority: 20 },
  { name: 'NOMINATED NODE', wide: true, priority: 10 },
];

function item(name: string, health: Row['health'] = 'ok'): RowItem {
  const obj: KubeObject = { metadata: { name, namespace: 'default' } };
  return {
    obj,
    row: {
      key: `default/${name}`,
      cells: [name, 'Running', '0', '5m', '10.244.0.17', '<none>'],
      health,
      sort: { name, namespace: 'default', since: 0, status: 'Running' },
    },
  };
}

const LIVE: WatchStatus = { state: 'live', stale: false };

function pane(over: Partial<ResourcePaneProps> = {}) {
  const props: ResourcePaneProps = {
    title: 'Pods(default)',
    columns: COLUMNS,
    items: [item('web-1'), item('web-2')],
    total: 2,
    filter: '',
    status: LIVE,
    sort: { by: 'name', desc: false },
    cursor: 0,
    scroll: 0,
    focused: true,
    width: 80,
    height: 8,
    plain: true,
    ...over,
  };
  const { lastFrame, unmount } = render(<ResourcePane {...props} />);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

describe('ResourcePane', () => {
  it('draws exactly width x height with a titled border and the sort arrow', () => {
    const frame = pane();
    const lines = frame.split('\n');
    expect(lines).toHaveLength(8);
    expect(lines.every((l) => l.length === 80)).toBe(true);
    expect(lines[0]).toMatch(/^╔═ Pods\(default\)\[2\] ═+╗$/);
    expect(lines[1]).toContain('NAME↑');
    expect(lines[2]).toContain('>web-1');
  });

  it('drops low-priority columns first when narrow, never NAME, and keeps the rest whole', () => {
    const frame = pane({ width: 40 });
    expect(frame).not.toContain('NOMINATED');
    expect(frame).toContain('NAME');
    expect(frame).toContain('STATUS');
    expect(frame).toContain('Running');
    expect(frame).not.toContain('…');
  });

  it('only draws the visible rows, scrolled to the cursor', () => {
    const items = Array.from({ length: 50 }, (_, i) => item(`pod-${String(i).padStart(2, '0')}`));
    const frame = pane({ items, total: 50, cursor: 30, scroll: 0 });
    expect(frame).toContain('>pod-30');
    expect(frame).not.toContain('pod-00');
    expect(frame).not.toContain('pod-31');
  });

  it('shows forbidden and error lines, the stale marker, loading and empty states', () => {
    expect(pane({ items: [], total: 0, status: { state: 'forbidden', message: 'forbidden: cannot list pods in namespace x', stale: false } })).toContain(
      'forbidden: cannot list pods in namespace x',
    );
    const since = new Date(2026, 11, 7, 11, 2, 3).getTime();
    expect(pane({ status: { state: 'reconnecting', stale: true, staleSince: since } })).toContain('[stale since 11:02:03]');
    expect(pane({ status: { state: 'reconnecting', stale: true, staleSince: since }, connection: { state: 'reconnecting' } })).toContain(
      '[reconnecting · stale since 11:02:03]',
    );
    expect(pane({ status: { state: 'live', stale: false }, connection: { state: 'live' } })).not.toMatch(/Pods\(default\)\[\d+\] \[/);
    expect(pane({ items: [], total: 0, status: { state: 'loading', stale: false } })).toContain('loading…');
    expect(pane({ items: [], total: 0 })).toContain('no resources');
    expect(pane({ items: [], total: 2, filter: 'zzz' })).toContain('no rows match /zzz');
    expect(pane({ items: [item('web-1')], filter: 'web-1' })).toContain('[1/2] </web-1>');
  });

  it('marks the cursor with ">" only without colour (inverse video shows it otherwise)', () => {
    expect(pane({ plain: false })).not.toContain('>web-1');
  });

  it('marks focus with double borders and the cursor only in the focused pane', () => {
    const frame = pane({ focused: false });
    expect(frame.startsWith('┌')).toBe(true);
    expect(frame).not.toContain('>web-1');
  });
});

describe('fitColumns', () => {
  it('sizes columns by the visible rows and headers', () => {
    const fitted = fitColumns(COLUMNS, COLUMNS.map((c) => c.name), [item('a').row], 200);
    expect(fitted.map((c) => c.width)).toEqual([4, 7, 8, 3, 11, 14]);
  });
  it('cuts NAME only when nothing else can go', () => {
    const fitted = fitColumns([COLUMNS[0]!], ['NAME'], [item('a-very-long-pod-name-indeed').row], 10);
    expect(fitted).toEqual([{ index: 0, header: 'NAME', width: 10, align: 'left' }]);
  });
});
