import { describe, expect, it } from 'vitest';
import { findKind } from '../../../src/kinds/registry.js';
import { objectKey, type KubeObject } from '../../../src/kube/types.js';
import type { RenderContext, Renderer } from '../../../src/render/types.js';
import { RowPipeline, type PipelineInput } from '../../../src/store/row-pipeline.js';
import { filterRows, sortRows } from '../../../bench/rows.js';
import { compileFilter, type RowItem, type SortKey } from '../../../src/store/select.js';
import { patchItems, sortedItems } from '../../../src/store/sorted-items.js';
import type { ResourceSnapshot } from '../../../src/store/types.js';

const pods = findKind('pods')?.renderer as Renderer;
const NOW = Date.parse('2026-01-01T00:00:00Z');

/** mulberry32 */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PHASES = ['Running', 'Pending', 'Succeeded', 'Failed'];
function makePod(r: () => number, ns: string, name: string, rv: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, resourceVersion: String(rv), creationTimestamp: new Date(NOW - Math.floor(r() * 1e9)).toISOString() },
    spec: { nodeName: `node-${Math.floor(r() * 5)}`, containers: [{ name: 'app' }] },
    status: { phase: PHASES[Math.floor(r() * PHASES.length)], containerStatuses: [{ name: 'app', ready: r() > 0.3, restartCount: Math.floor(r() * 4), state: {} }] },
  };
}

/** The rows as the pre-pipeline useRows computed them: render all, filter, sort. */
function reference(items: readonly KubeObject[], filter: string, by: SortKey, desc: boolean, now: number): string[] {
  const ctx: RenderContext = { now, allNamespaces: true };
  const rows: RowItem[] = items.map((obj) => ({ row: pods.render(obj, ctx), obj }));
  return sortRows(filterRows(rows, compileFilter(filter)), { by, desc }).map((i) => `${i.row.key}|${i.row.cells.join(',')}`);
}
const shown = (items: readonly RowItem[]) => items.map((i) => `${i.row.key}|${i.row.cells.join(',')}`);

/** A store-like sequence of snapshots: a map of objects, patched or re-sorted as the store does. */
class Snapshots {
  readonly map = new Map<string, KubeObject>();
  snap: ResourceSnapshot = { key: { kind: 'pods' }, items: [], version: 0, status: { state: 'live', stale: false } };
  private changed = new Set<string>();
  set(obj: KubeObject) {
    this.map.set(objectKey(obj), obj);
    this.changed.add(objectKey(obj));
  }
  delete(key: string) {
    this.map.delete(key);
    this.changed.add(key);
  }
  publish(full = false): ResourceSnapshot {
    const version = this.snap.version + 1;
    if (full || this.snap.version === 0) {
      this.snap = { ...this.snap, items: sortedItems(this.map), version, changes: undefined };
    } else {
      const { items, changes } = patchItems(this.snap.items, this.map, this.changed);
      this.snap = { ...this.snap, items, changes, version };
    }
    this.changed = new Set();
    return this.snap;
  }
}

function counting(): { renderer: Renderer; calls: () => number } {
  let n = 0;
  return { renderer: { ...pods, render: (obj, ctx) => (n++, pods.render(obj, ctx)) }, calls: () => n };
}

describe('sorted items (store)', () => {
  it('patching a sorted array gives the same order as sorting, and names what changed', () => {
    const r = rng(1);
    const s = new Snapshots();
    for (let i = 0; i < 300; i++) s.set(makePod(r, `ns-${i % 7}`, `pod-${Math.floor(r() * 1e6)}`, i));
    s.publish();
    for (let round = 0; round < 30; round++) {
      const before = s.snap.items;
      const keys = [...s.map.keys()];
      const gone = keys[Math.floor(r() * keys.length)] as string;
      s.delete(gone);
      const old = s.map.get(keys[Math.floor(r() * keys.length)] as string);
      if (old) s.set({ ...old, metadata: { ...old.metadata, resourceVersion: `m${round}` } });
      s.set(makePod(r, `ns-${round % 9}`, `new-${round}`, 1000 + round));
      const snap = s.publish();
      expect(snap.items).toEqual(sortedItems(s.map));
      expect(snap.changes?.base).toBe(before);
      const removed = new Set(snap.changes?.removed);
      const kept = before.filter((o) => !removed.has(o));
      expect(new Set([...kept, ...(snap.changes?.added ?? [])])).toEqual(new Set(snap.items));
    }
  });
});

describe('RowPipeline', () => {
  it('matches render → filter → sort through random changes, filters, sorts and clock ticks', () => {
    const r = rng(7);
    const s = new Snapshots();
    for (let i = 0; i < 400; i++) s.set(makePod(r, `ns-${i % 5}`, `web-${i}`, i));
    const pipeline = new RowPipeline();
    const filters = ['', 'web-1', 'Running', '!Pending', '^web-2', 'ns-3 web', '-l nope'];
    const sorts: SortKey[] = ['name', 'age', 'status', 'namespace'];
    let filter = '';
    let compiled = compileFilter(filter);
    let by: SortKey = 'name';
    let desc = false;
    let now = NOW;
    let snap = s.publish();
    const input = (): PipelineInput => ({ items: snap.items, changes: snap.changes, renderer: pods, allNamespaces: true, now, filter: compiled, sort: { by, desc } });
    for (let step = 0; step < 200; step++) {
      const roll = r();
      if (roll < 0.6) {
        const keys = [...s.map.keys()];
        for (let k = 0; k < 1 + Math.floor(r() * 4); k++) {
          const key = keys[Math.floor(r() * keys.length)] as string;
          const old = s.map.get(key);
          if (r() < 0.3) s.delete(key);
          else if (old) s.set(makePod(r, old.metadata.namespace ?? '', old.metadata.name, 5000 + step));
          else s.set(makePod(r, `ns-${step % 5}`, `web-x${step}-${k}`, 6000 + step));
        }
        snap = s.publish(r() < 0.1);
      } else if (roll < 0.75) {
        filter = filters[Math.floor(r() * filters.length)] as string;
        compiled = compileFilter(filter);
      } else if (roll < 0.9) {
        by = sorts[Math.floor(r() * sorts.length)] as SortKey;
        desc = r() < 0.5;
      } else {
        now += 30_000;
      }
      const out = pipeline.update(input());
      // Rows keep the clock they were rendered at; current() brings them to `now` (the pane does
      // this for the rows on screen).
      const atNow = out.items.map((item) => pipeline.current(item, now));
      expect(shown(atNow), `step ${step}: filter "${filter}" sort ${by}${desc ? ' desc' : ''}`).toEqual(reference(snap.items, filter, by, desc, now));
      expect(out.total).toBe(snap.items.length);
    }
  });

  it('renders only the changed objects when the snapshot says what changed', () => {
    const r = rng(3);
    const s = new Snapshots();
    for (let i = 0; i < 1000; i++) s.set(makePod(r, 'default', `p-${i}`, i));
    const { renderer, calls } = counting();
    const pipeline = new RowPipeline();
    const compiled = compileFilter('p-1');
    const run = (snap: ResourceSnapshot) =>
      pipeline.update({ items: snap.items, changes: snap.changes, renderer, allNamespaces: true, now: NOW, filter: compiled, sort: { by: 'age', desc: false } });
    run(s.publish());
    expect(calls()).toBe(1000);
    s.set(makePod(r, 'default', 'p-10', 2000));
    s.delete('default/p-11');
    s.set(makePod(r, 'default', 'p-1000', 2001));
    const out = run(s.publish());
    expect(calls()).toBe(1002);
    expect(shown(out.items)).toEqual(reference(s.snap.items, 'p-1', 'age', false, NOW));
  });

  it('a clock tick renders nothing until asked, then only the rows asked for', () => {
    const r = rng(13);
    const s = new Snapshots();
    for (let i = 0; i < 1000; i++) s.set(makePod(r, 'default', `p-${i}`, i));
    const snap = s.publish();
    const { renderer, calls } = counting();
    const pipeline = new RowPipeline();
    const input = (now: number): PipelineInput => ({ items: snap.items, renderer, allNamespaces: true, now, filter: undefined, sort: { by: 'age', desc: false } });
    const first = pipeline.update(input(NOW));
    expect(calls()).toBe(1000);
    const later = NOW + 3 * 3_600_000;
    const out = pipeline.update(input(later));
    expect(out).toBe(first); // same rows, same order: ages all shift alike
    expect(calls()).toBe(1000);
    const visible = out.items.slice(0, 45);
    expect(pipeline.changeAt(visible, NOW, later, 0)).toBe('coarse');
    expect(pipeline.changeAt(visible, later, later + 1, 0)).toBe('none');
    const fresh = visible.map((item) => pipeline.current(item, later));
    expect(shown(fresh)).toEqual(reference(snap.items, '', 'age', false, later).slice(0, 45));
    visible.forEach((item) => pipeline.current(item, later)); // asked again: cached
    expect(calls()).toBeLessThanOrEqual(1000 + 45 * 4);
    // A new object is rendered at the latest clock, not at the first one.
    s.set(makePod(r, 'default', 'p-new', 3000));
    const next = s.publish();
    const added = pipeline.update({ ...input(later), items: next.items, changes: next.changes }).items.find((i) => i.row.key === 'default/p-new');
    expect(added && pipeline.current(added, later)).toBe(added);
  });

  it('typing more of a plain filter narrows the last matches and stays equal to a full filter', () => {
    const r = rng(11);
    const s = new Snapshots();
    for (let i = 0; i < 500; i++) s.set(makePod(r, `ns-${i % 4}`, `web-${i}`, i));
    const snap = s.publish();
    const pipeline = new RowPipeline();
    for (const typed of ['', 'w', 'we', 'web', 'web-1', 'web-12', 'web-1', 'WEB-3', 'ns-2 web-3', 'ns-2 web-3.']) {
      const out = pipeline.update({ items: snap.items, renderer: pods, allNamespaces: true, now: NOW, filter: compileFilter(typed), sort: { by: 'status', desc: true } });
      expect(shown(out.items), typed).toEqual(reference(snap.items, typed, 'status', true, NOW));
    }
  });

  it('returns the same output object when nothing it depends on changed', () => {
    const r = rng(5);
    const s = new Snapshots();
    for (let i = 0; i < 20; i++) s.set(makePod(r, 'default', `p-${i}`, i));
    const snap = s.publish();
    const pipeline = new RowPipeline();
    const input: PipelineInput = { items: snap.items, renderer: pods, allNamespaces: false, now: NOW, filter: undefined, sort: { by: 'name', desc: false } };
    const a = pipeline.update(input);
    expect(pipeline.update({ ...input, sort: { by: 'name', desc: false } })).toBe(a);
    expect(pipeline.update({ ...input, items: [] }).items).toEqual([]);
  });

  it('tells a tick that moves a seconds-counting AGE from one that only steps minutes', () => {
    const podAged = (name: string, ageMs: number): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', resourceVersion: '1', creationTimestamp: new Date(NOW - ageMs).toISOString() },
      spec: { containers: [{ name: 'app' }] },
      status: { phase: 'Running' },
    });
    const STEP = 5_000;
    const pipeline = new RowPipeline();
    const view = (objs: KubeObject[]) =>
      pipeline.update({ items: objs, renderer: pods, allNamespaces: false, now: NOW, filter: undefined, sort: { by: 'name', desc: false } }).items;
    // 45m57s old: AGE reads "45m", and "46m" 3 s later.
    const old = view([podAged('old', 45 * 60_000 + 57_000)]);
    expect(pipeline.changeAt(old, NOW, NOW + 3_000, STEP)).toBe('coarse');
    expect(pipeline.changeAt(old, NOW, NOW + 2_000, STEP)).toBe('none');
    // 90 s old: "90s", then "95s".
    const young = view([podAged('old', 45 * 60_000 + 57_000), podAged('young', 90_000)]);
    expect(pipeline.changeAt(young, NOW, NOW + STEP, STEP)).toBe('fine');
    // 5m30s, within kubectl's ten minutes of "XmYs".
    expect(pipeline.changeAt(view([podAged('mid', 330_000)]), NOW, NOW + STEP, STEP)).toBe('fine');
  });
});
