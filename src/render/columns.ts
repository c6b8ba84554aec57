// The column list that goes with render() for a given namespace mode, and the columns every
// kind shares. kubectl's -o wide order is kept, so hiding the `wide` columns gives plain `get`.
import type { Column, Renderer } from './types.js';

/** Column priorities: higher stays longer when the terminal is narrow. NAME is never dropped. */
export const PRIORITY = {
  name: 100,
  status: 90,
  ready: 85,
  age: 80,
  namespace: 75,
  high: 70,
  medium: 50,
  low: 30,
  wide: 20,
  wideLow: 10,
} as const;

export const NAMESPACE_COLUMN: Column = { name: 'NAMESPACE', priority: PRIORITY.namespace };
export const NAME_COLUMN: Column = { name: 'NAME', priority: PRIORITY.name };
export const AGE_COLUMN: Column = { name: 'AGE', priority: PRIORITY.age };
/** The -o wide pair every workload kind ends with; cells from containerCells(). */
export const CONTAINER_COLUMNS: readonly Column[] = [
  { name: 'CONTAINERS', wide: true, priority: PRIORITY.wide },
  { name: 'IMAGES', wide: true, priority: PRIORITY.wide },
];
/** A workload's -o wide SELECTOR (spec.selector), dropped first. */
export const WORKLOAD_SELECTOR_COLUMN: Column = { name: 'SELECTOR', wide: true, priority: PRIORITY.wideLow };

const withNamespace = new WeakMap<Renderer, Column[]>();

/**
 * The columns matching `renderer.render(obj, { allNamespaces })`: kubectl's `get -o wide`
 * headers, with NAMESPACE first for a namespaced kind in all-namespaces mode (as `kubectl get -A`).
 * Filter out `wide` columns (and their cells, by index) for plain `kubectl get`.
 */
export function columnsFor(renderer: Renderer, allNamespaces: boolean): Column[] {
  if (!allNamespaces || renderer.clusterScoped) return renderer.columns;
  let cols = withNamespace.get(renderer);
  if (!cols) {
    cols = [NAMESPACE_COLUMN, ...renderer.columns];
    withNamespace.set(renderer, cols);
  }
  return cols;
}
