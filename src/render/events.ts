// Core v1 Events, as `kubectl get events -o wide`. kubectl interleaves the wide columns
// (SUBOBJECT, SOURCE before MESSAGE), and the order is kept: hide `wide` ones for plain `get`.
import { parseTime, since } from './age.js';
import { textCell, trimmedText } from './cells.js';
import { PRIORITY } from './columns.js';
import { makeRow, startCells } from './row.js';
import type { KubeObject } from '../kube/types.js';
import type { Renderer } from './types.js';

interface EventShape {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  series?: { count?: number; lastObservedTime?: string };
  involvedObject?: { kind?: string; name?: string; fieldPath?: string };
  source?: { component?: string; host?: string };
  reportingComponent?: string;
  reportingInstance?: string;
}

/** OBJECT: "pod/web-1" (kind lowercased), or just the kind when the name is empty. */
export function eventObject(ev: EventShape): string {
  const kind = (ev.involvedObject?.kind ?? '').toLowerCase();
  const name = ev.involvedObject?.name;
  return name ? `${kind}/${name}` : kind;
}

/** SOURCE: "component, host", falling back to reportingComponent / reportingInstance. */
export function eventSource(ev: EventShape): string {
  const component = ev.source?.component || ev.reportingComponent || '';
  const instance = ev.source?.host || ev.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

/** Epoch ms of FIRST SEEN and LAST SEEN with kubectl's fallbacks (NaN = "<unknown>"), and COUNT. */
export function eventTimes(ev: EventShape): { first: number; last: number; count: number } {
  let first = parseTime(ev.firstTimestamp);
  if (Number.isNaN(first)) first = parseTime(ev.eventTime);
  let last = parseTime(ev.lastTimestamp);
  if (Number.isNaN(last)) last = first;
  let count = ev.count ?? 0;
  if (ev.series) {
    last = parseTime(ev.series.lastObservedTime);
    count = ev.series.count ?? 0;
  } else if (count === 0) {
    count = 1; // singleton events from the events.k8s.io API carry no count
  }
  return { first, last, count };
}

export const events: Renderer = {
  columns: [
    { name: 'LAST SEEN', priority: PRIORITY.age },
    { name: 'TYPE', priority: PRIORITY.high },
    { name: 'REASON', priority: PRIORITY.status },
    { name: 'OBJECT', priority: PRIORITY.ready },
    { name: 'SUBOBJECT', wide: true, priority: PRIORITY.wideLow },
    { name: 'SOURCE', wide: true, priority: PRIORITY.wideLow },
    { name: 'MESSAGE', priority: PRIORITY.medium },
    { name: 'FIRST SEEN', wide: true, priority: PRIORITY.wide },
    { name: 'COUNT', wide: true, align: 'right', priority: PRIORITY.wide },
    { name: 'NAME', wide: true, priority: PRIORITY.wideLow }, // wide-only here, so it may go
  ],
  render(obj: KubeObject, ctx) {
    const ev = obj as unknown as EventShape;
    const { first, last, count } = eventTimes(ev);
    const type = textCell(ev.type);
    const cells = startCells(obj, ctx);
    cells.push(
      since(last, ctx.now),
      type,
      textCell(ev.reason),
      textCell(eventObject(ev)),
      textCell(ev.involvedObject?.fieldPath),
      textCell(eventSource(ev)),
      trimmedText(ev.message),
      since(first, ctx.now),
      String(count),
      obj.metadata.name,
    );
    const health = type === 'Warning' ? 'warn' : 'ok';
    return makeRow(obj, cells, health, type, last);
  },
};
