// Small value formats kubectl's describers share: RFC1123Z times, Go's %v of JSON values,
// True/False, "<none>" for empty strings.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Go's zero time.Time in RFC1123Z, which kubectl prints for an unset timestamp. */
export const ZERO_TIME = 'Mon, 01 Jan 0001 00:00:00 +0000';

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** Go's time.RFC1123Z in the local time zone ("Fri, 27 Nov 2026 03:20:03 +0000"), as kubectl prints. */
export function rfc1123z(ts: unknown): string {
  if (typeof ts !== 'string' || ts === '') return ZERO_TIME;
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return ZERO_TIME;
  const offset = -d.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const zone = `${sign}${two(Math.trunc(abs / 60))}${two(abs % 60)}`;
  return `${DAYS[d.getDay()]}, ${two(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())} ${zone}`;
}

/** Go's %v of a decoded JSON value. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return JSON.stringify(v);
}

export function printBool(v: unknown): string {
  return v === true ? 'True' : 'False';
}

export function stringOrNone(s: string | undefined): string {
  return s ? s : '<none>';
}

// The describers read raw objects' fields through these.
export { arr, field, num, str } from '../kube/fields.js';
