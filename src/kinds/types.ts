// What a kind is and what it can do. A hand-written spec (kinds/builtin.ts) or API discovery
// supplies it; actions, keys and panes ask the spec, never a list of kind names.
import type { KubeClient } from '../kube/client.js';
import type { KubeObject } from '../kube/types.js';
import type { Renderer } from '../render/types.js';
import type { DescribeWriter } from '../describe/writer.js';

/** A view to open from a row: a kind, narrowed by namespace and selectors. */
export interface DrillTarget {
  kind: string; // registry id
  namespace?: string; // undefined = all namespaces
  labelSelector?: string;
  fieldSelector?: string;
  /** Only the objects this uid owns (ownerReferences; no selector says so): CronJob → Jobs. */
  ownerUid?: string;
  /** Human title for the crumb, e.g. "pods of deployment/web". */
  title: string;
}

/** How `kubectl describe` text is made for a kind: its body, then its Events section. */
export interface Describer {
  body(w: DescribeWriter, obj: KubeObject, client: KubeClient, now: number): Promise<void>;
  /** Where the Events section's events come from; 'none' for no section (kubectl's namespace describer). */
  events?: 'none' | ((client: KubeClient, obj: KubeObject) => Promise<KubeObject[]>);
  /** The decoded view (`x` on a Secret): values kt never shows otherwise. */
  decoded?(obj: KubeObject): string;
}

/**
 * Actions a kind offers beyond what its verbs and subresources imply.
 * - logs: `l` streams the pod's own logs, or those of the pods the kind's drill-down selects;
 * - portForward: `Shift-F` forwards a local port to a ready pod of it;
 * - drain: node maintenance (cordon, uncordon, drain);
 * - restart: `kubectl rollout restart` (a pod template with a restartedAt annotation);
 * - image: `kubectl set image` on its pod template's containers;
 * - rollout: `:rollout history` (revisions kept as ReplicaSets);
 * - rollback: a revision of a Deployment (a ReplicaSet): `kubectl rollout undo --to-revision`.
 */
export type KindOffer = 'taint' | 'expose' | 'decode' | 'logs' | 'portForward' | 'drain' | 'restart' | 'image' | 'rollout' | 'rollback';

export interface KindSpec {
  /** Registry id: the lowercase plural ("pods"), qualified by group for discovered kinds ("prometheuses.monitoring.coreos.com"). */
  id: string;
  title: string;
  /** The API kind, e.g. "Pod". */
  kind: string;
  /** Other names findKind accepts: the singular and kubectl's short names. */
  aliases: string[];
  /** API group; "" for the core group. */
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
  /** The API verbs the server allows on the resource (get, list, watch, delete, patch, …). */
  verbs: readonly string[];
  /** Subresources it serves: scale, status, log, … */
  subresources: readonly string[];
  categories?: readonly string[];
  /** kubectl's SHORTNAMES as the server lists them (discovery); aliases holds them with the singular. */
  shortNames?: readonly string[];
  /** Hand-written columns; absent: the server's Table columns. */
  renderer?: Renderer;
  /** Hand-written describer; absent: kubectl's generic layout. */
  describer?: Describer;
  /** Where Enter leads from a row; undefined when it selects nothing (a Service without a selector). */
  drill?: (obj: KubeObject) => DrillTarget | undefined;
  offers?: readonly KindOffer[];
  /** Its pane counts every pod in the cluster (the Nodes pane's PODS column). */
  needsAllPods?: boolean;
}

/** The verbs a built-in resource serves (as discovery lists them for pods, deployments, …). */
export const STANDARD_VERBS: readonly string[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export function allows(spec: Pick<KindSpec, 'verbs'>, verb: string): boolean {
  return spec.verbs.includes(verb);
}

export function serves(spec: Pick<KindSpec, 'subresources'>, subresource: string): boolean {
  return spec.subresources.includes(subresource);
}
