// kubectl's humanised durations (apimachinery duration.HumanDuration) and the AGE-style cells
// built on them (printers' translateTimestampSince).

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * A duration in ms, as kubectl prints it: "45s", "3m12s", "15m", "5h7m", "20h", "3d4h", "200d",
 * "3y12d", "9y". Up to a second in the future still reads "0s" (clock skew); beyond that "<invalid>".
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const d = days % 365;
    return d === 0 ? `${years}y` : `${years}y${d}d`;
  }
  return `${years}y`;
}

/** Epoch ms of an RFC 3339 timestamp; NaN when absent or unparsable. */
export function parseTime(ts: unknown): number {
  return typeof ts === 'string' && ts !== '' ? Date.parse(ts) : NaN;
}

/** Time since an epoch-ms instant, as kubectl prints it; "<unknown>" for a missing time (NaN). */
export function since(at: number, now: number): string {
  return Number.isNaN(at) ? '<unknown>' : humanDuration(now - at);
}

/** Time since an RFC 3339 timestamp (kubectl's AGE); "<unknown>" when absent. */
export function age(ts: unknown, now: number): string {
  return since(parseTime(ts), now);
}
