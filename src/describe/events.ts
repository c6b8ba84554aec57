// The Events section every describer ends with, and the query kubectl makes for it (events whose
// involvedObject is this object: name, namespace, uid, and kind except for pods).
import type { KubeClient } from '../kube/client.js';
import type { KubeObject } from '../kube/types.js';
import { humanDuration, parseTime } from '../render/age.js';
import { field, num, str } from './format.js';
import type { DescribeWriter } from './writer.js';

/** Go's translateTimestampSince: "<unknown>" for an unset time. */
export function since(ts: unknown, now: number): string {
  const at = parseTime(ts);
  return Number.isNaN(at) ? '<unknown>' : humanDuration(now - at);
}

function interval(e: KubeObject, now: number): string {
  const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  const series = e.series as { count?: number; lastObservedTime?: string } | undefined;
  if (series) return `${since(series.lastObservedTime, now)} (x${num(series.count)} over ${first})`;
  const count = num(e.count);
  if (count > 1) return `${since(e.lastTimestamp, now)} (x${count} over ${first})`;
  return first;
}

function lastTime(e: KubeObject): number {
  const t = parseTime(e.lastTimestamp);
  return Number.isNaN(t) ? -Infinity : t;
}

/** "Events:\t<none>", or (after a flush, as kubectl) the Type/Reason/Age/From/Message table. */
export function describeEvents(w: DescribeWriter, events: readonly KubeObject[] | undefined, now: number): void {
  if (!events) return;
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = [...events].sort((a, b) => lastTime(a) - lastTime(b));
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.line(1, '----', '------', '----', '----', '-------');
  for (const e of sorted) {
    const source = str(field(e, 'source', 'component')) || str(e.reportingComponent);
    let message = str(e.message).trim();
    const fieldPath = str(field(e, 'involvedObject', 'fieldPath'));
    if (fieldPath) message = `${fieldPath}: ${message}`;
    w.line(1, str(e.type), str(e.reason), interval(e, now), source, message);
  }
}

export interface EventRef {
  name: string;
  namespace: string;
  kind?: string;
  uid?: string;
}

/** kubectl's event field selector (keys sorted as fields.Set does). */
export function eventFieldSelector(ref: EventRef): string {
  const parts: string[] = [];
  if (ref.kind) parts.push(`involvedObject.kind=${ref.kind}`);
  parts.push(`involvedObject.name=${ref.name}`, `involvedObject.namespace=${ref.namespace}`);
  if (ref.uid) parts.push(`involvedObject.uid=${ref.uid}`);
  return parts.join(',');
}

/** Events about one object; a cluster-scoped object's are searched in every namespace. */
export async function searchEvents(client: KubeClient, ref: EventRef): Promise<KubeObject[]> {
  const path = ref.namespace ? `/api/v1/namespaces/${encodeURIComponent(ref.namespace)}/events` : '/api/v1/events';
  const { items } = await client.list(path, { fieldSelector: eventFieldSelector(ref) });
  return items;
}

/** The reference kubectl searches with: the object's kind (not for pods), name, namespace, uid. */
export function eventRef(obj: KubeObject, withKind = true): EventRef {
  return {
    name: obj.metadata.name,
    namespace: obj.metadata.namespace ?? '',
    kind: withKind ? str(obj.kind) || undefined : undefined,
    uid: obj.metadata.uid,
  };
}
