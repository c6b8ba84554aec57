// What a frame watches and how it is titled: a root view follows the app's namespace (for
// namespaced kinds); a drill-down keeps watching what its target gave it.
import { findKind } from '../kinds/registry.js';
import { watchKeyId, type WatchKey } from '../kube/types.js';
import { currentFrame, type Frame, type PaneState } from './state.js';

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

/** Every pod in the cluster: what a kind that needsAllPods (Nodes' PODS column) counts. */
export const ALL_PODS: WatchKey = { kind: 'pods' };

/** The watch keys panes use: each frame's, and all pods where a pane's kind needs them. */
export function paneWatchKeys(panes: readonly PaneState[], namespace: string | undefined): WatchKey[] {
  const keys = new Map<string, WatchKey>();
  for (const pane of panes) {
    const frame = currentFrame(pane);
    const spec = findKind(frame.kind);
    if (!spec) continue;
    const key = frameWatchKey(frame, spec, namespace);
    keys.set(watchKeyId(key), key);
    if (spec.needsAllPods) keys.set(watchKeyId(ALL_PODS), ALL_PODS);
  }
  return [...keys.values()];
}
