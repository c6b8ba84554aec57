// The API server's channel framing over WebSocket (k8s.io/apimachinery wsstream), used by exec,
// attach (v5.channel.k8s.io, else v4.channel.k8s.io) and port-forward (v4.channel.k8s.io): every
// binary message starts with its channel byte. Exec and attach: 0 stdin, 1 stdout, 2 stderr,
// 3 the final Status (JSON), 4 terminal size (JSON); v5 adds 255, "close this channel".
import { apiErrorFromStatus, type ApiStatus } from '../kube/api-errors.js';

export const STDIN = 0;
export const STDOUT = 1;
export const STDERR = 2;
export const STATUS = 3;
export const RESIZE = 4;
/** v5 only: [255, channel] says the sender will write no more on that channel. */
export const CLOSE = 255;

export const V5 = 'v5.channel.k8s.io';
export const V4 = 'v4.channel.k8s.io';
/** What exec and attach offer, best first: the server picks the first it speaks. */
export const EXEC_PROTOCOLS = [V5, V4] as const;

export function frame(channel: number, data: Buffer | string): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return Buffer.concat([Buffer.of(channel), body]);
}

/** A received message's channel and bytes; undefined for an empty message. */
export function unframe(message: Buffer): { channel: number; data: Buffer } | undefined {
  if (message.length === 0) return undefined;
  return { channel: message[0] as number, data: message.subarray(1) };
}

/** The resize message: the terminal's size as the kubelet's TerminalSize. */
export function resizeFrame(columns: number, rows: number): Buffer {
  return frame(RESIZE, JSON.stringify({ Width: columns, Height: rows }));
}

/** How a session ended, from the Status on channel 3. */
export interface SessionEnd {
  ok: boolean;
  message: string;
  /** The command's exit code when it exited non-zero (reason NonZeroExitCode). */
  exitCode?: number;
}

/** Reads the Status the server sends on channel 3 when the command ends. */
export function statusEnd(json: string): SessionEnd {
  let status: ApiStatus;
  try {
    status = JSON.parse(json) as ApiStatus;
  } catch {
    return { ok: false, message: `unreadable status from the server: ${json.slice(0, 120)}` };
  }
  if (status.status === 'Success') return { ok: true, message: '' };
  if (status.reason === 'NonZeroExitCode') {
    const code = Number((status as { details?: { causes?: { reason?: string; message?: string }[] } }).details?.causes?.find((c) => c.reason === 'ExitCode')?.message);
    if (Number.isInteger(code)) return { ok: true, message: `exit code ${code}`, exitCode: code };
  }
  return { ok: false, message: apiErrorFromStatus(status, status.code, 'the command failed').message };
}
