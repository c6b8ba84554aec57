// The errors of calls to the API server: the API's Status, and a network failure, as one
// KubeApiError that says which (and whether the request had been sent).
import { STATUS_CODES } from 'node:http';
import { firstLine } from '../text/first-line.js';

/** The API's Status object (error bodies, and the object of a watch ERROR event). */
export interface ApiStatus {
  kind?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  /** Why, in detail: e.g. a 504 whose cause is ResourceVersionTooLarge. */
  details?: { causes?: { reason?: string; message?: string }[] };
}

/**
 * A failed call. statusCode (and reason/message from the API's Status) when the server answered;
 * code ("ECONNREFUSED", "ETIMEDOUT", a TLS error code...) when it could not be reached.
 */
export class KubeApiError extends Error {
  override name = 'KubeApiError';
  readonly statusCode?: number;
  readonly reason?: string;
  readonly code?: string;
  /** The reasons of the Status's details.causes, when it has any. */
  readonly causes?: readonly string[];
  /**
   * A network-level failure after the whole request was sent: the server may have acted on it
   * (a mutation's outcome is then unknown, not failed).
   */
  readonly afterSend?: boolean;
  constructor(
    message: string,
    info: { statusCode?: number; reason?: string; code?: string; causes?: readonly string[]; afterSend?: boolean } = {},
  ) {
    super(message);
    this.statusCode = info.statusCode;
    this.reason = info.reason;
    this.code = info.code;
    if (info.causes?.length) this.causes = info.causes;
    if (info.afterSend) this.afterSend = true;
  }
}

/** A KubeApiError from an API Status (an error body, or a watch ERROR event's object). */
export function apiErrorFromStatus(status: ApiStatus, statusCode = status.code, fallback = `watch error ${status.code ?? ''}`.trim()): KubeApiError {
  const causes = (status.details?.causes ?? []).flatMap((c) => (c.reason ? [c.reason] : []));
  return new KubeApiError(status.message || fallback, { statusCode, reason: status.reason, causes });
}

/**
 * The server cannot serve a resourceVersion that new ("Too large resource version"): a 504 whose
 * cause is ResourceVersionTooLarge, as client-go's reflector recognises it (the message too, for
 * servers that leave the cause out). The cluster's history went back (etcd restored, recreated).
 */
export function isResourceVersionTooLarge(err: KubeApiError): boolean {
  if (err.causes?.includes('ResourceVersionTooLarge')) return true;
  return err.statusCode === 504 && /too large resource version/i.test(err.message);
}

/** The abort reason used for --request-timeout, so the error can say so. */
export class TimeoutReason extends Error {
  constructor(readonly ms: number) {
    super(`request timed out after ${ms < 1000 ? `${ms}ms` : `${ms / 1000}s`}`);
  }
}

/** An error from an HTTP answer: the Status message when the body has one. */
export function apiErrorFromBody(statusCode: number, text: string): KubeApiError {
  let status: ApiStatus | undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object') status = parsed as ApiStatus;
  } catch {
    // not JSON: a proxy's or load balancer's page
  }
  const fallback = text.trim().split('\n')[0]?.slice(0, 200) || STATUS_CODES[statusCode] || 'error';
  return apiErrorFromStatus(status ?? {}, statusCode, `${statusCode} ${fallback}`);
}

/** An error from the network layer (refused, reset, TLS, timeout, abort). */
export function apiErrorFromNode(err: unknown, signal: AbortSignal, afterSend = false): KubeApiError {
  if (err instanceof KubeApiError) return err;
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    if (reason instanceof TimeoutReason) return new KubeApiError(reason.message, { code: 'ETIMEDOUT', afterSend });
    return new KubeApiError('request aborted', { code: 'EABORTED', afterSend });
  }
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return new KubeApiError(firstLine(err), { code: code ?? 'ENETWORK', afterSend });
}
