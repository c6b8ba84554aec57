// Loads the hand-written API-server JSON under test/fixtures/render and renders it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { columnsFor } from '../../../src/render/columns.js';
import type { KubeObject } from '../../../src/kube/types.js';
import type { RenderContext, Renderer, Row } from '../../../src/render/types.js';

/** "now" for every fixture: creation times are written relative to it. */
export const NOW = Date.parse('2025-06-01T12:00:00Z');

export function loadItems(file: string): KubeObject[] {
  const url = new URL(`../../fixtures/render/${file}`, import.meta.url);
  return (JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as { items: KubeObject[] }).items;
}

export function byName(items: KubeObject[], name: string): KubeObject {
  const obj = items.find((o) => o.metadata.name === name);
  if (!obj) throw new Error(`no fixture named ${name}`);
  return obj;
}

/** Renders and returns the row plus its cells keyed by header. */
export function renderNamed(
  renderer: Renderer,
  obj: KubeObject,
  ctx: Partial<RenderContext> = {},
): { row: Row; cell: Record<string, string> } {
  const full: RenderContext = { now: NOW, allNamespaces: false, ...ctx };
  const row = renderer.render(obj, full);
  const cols = columnsFor(renderer, full.allNamespaces);
  const cell: Record<string, string> = {};
  cols.forEach((c, i) => (cell[c.name] = row.cells[i] as string));
  return { row, cell };
}
