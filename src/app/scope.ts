// What a frame watches and how it is titled: a root view follows the app's namespace (for
// namespaced kinds); a drill-down keeps the scope its target gave it.
import type { WatchKey } from '../kube/types.js';
import type { Frame } from './state.js';

/** The parts of a registry entry these helpers read. */
export interface KindInfo {
  id: string;
  title: string;
  namespaced: boolean;
}

export function frameWatchKey(frame: Frame, kind: KindInfo, namespace: string | undefined): WatchKey {
  const key: WatchKey = { kind: kind.id };
  const drill = frame.drill;
  const ns = drill ? drill.namespace : namespace;
  if (kind.namespaced && ns) key.namespace = ns;
  if (drill?.labelSelector) key.labelSelector = drill.labelSelector;
  if (drill?.fieldSelector) key.fieldSelector = drill.fieldSelector;
  return key;
}

/** Rows of a namespaced kind watched across namespaces get a NAMESPACE column, as `kubectl get -A`. */
export function showsAllNamespaces(kind: KindInfo, key: WatchKey): boolean {
  return kind.namespaced && key.namespace === undefined;
}

/** "Pods(default)", "Pods(all)", "Nodes", or for a drill-down the target's title ("Pods(node k8snode01)"). */
export function frameTitle(frame: Frame, kind: KindInfo, namespace: string | undefined): string {
  if (frame.drill) return frame.drill.title || `${kind.title}(${frame.drill.from})`;
  if (!kind.namespaced) return kind.title;
  return `${kind.title}(${namespace ?? 'all'})`;
}

/** "nodes > k8snode01 > pods": each kind, and the row each drill-down came from. */
export function breadcrumbs(stack: readonly Frame[]): string[] {
  const parts: string[] = [];
  for (const frame of stack) {
    if (frame.drill) parts.push(frame.drill.from);
    parts.push(frame.kind);
  }
  return parts;
}
