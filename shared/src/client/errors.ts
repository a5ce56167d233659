/** The client's errors: problem+json answers (and unreachable servers) as `ShoeboxApiError`. */
import type { z } from 'zod';
import type { problem } from '../contracts/common.ts';
import { DomainError, type ErrorCode, type ErrorKind, type FieldError } from '../errors.ts';

export type ProblemDocument = z.output<typeof problem>;

/**
 * Whether a parsed body is a problem document. Checked by hand, not with the zod contract, so that
 * reading an error builds no schema (the storefront loads none at start).
 */
function isProblemDocument(value: unknown): value is ProblemDocument {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const strings = ['type', 'title', 'code', 'detail', 'instance', 'requestId'] as const;
  if (!strings.every((key) => typeof v[key] === 'string') || !Number.isInteger(v.status)) return false;
  const errorsOk =
    v.errors === undefined ||
    (Array.isArray(v.errors) &&
      v.errors.every(
        (e: unknown) =>
          typeof e === 'object' &&
          e !== null &&
          typeof (e as Record<string, unknown>).path === 'string' &&
          typeof (e as Record<string, unknown>).message === 'string',
      ));
  const detailsOk = v.details === undefined || (typeof v.details === 'object' && v.details !== null);
  return errorsOk && detailsOk;
}

const kindByStatus: Record<number, ErrorKind> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'validation',
  415: 'validation',
  422: 'business_rule',
  429: 'rate_limited',
  502: 'external',
  503: 'external',
  504: 'external',
};

/** The error kind an HTTP status stands for (the inverse of the server's `statusOfKind`). */
export function kindOfStatus(status: number): ErrorKind {
  return kindByStatus[status] ?? (status >= 500 || status === 0 ? 'internal' : 'validation');
}

/** An error answer of the API (or a failure to reach it: status 0, code NETWORK_ERROR). */
export class ShoeboxApiError extends DomainError {
  readonly status: number;
  /** The server's request id (x-request-id), to quote when reporting a problem. */
  readonly requestId: string | undefined;
  /** The problem document as received, when the server sent one. */
  readonly problem: ProblemDocument | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: {
      requestId?: string | undefined;
      problem?: ProblemDocument | undefined;
      details?: Record<string, unknown> | undefined;
      errors?: FieldError[] | undefined;
    } = {},
  ) {
    // The server's code as sent: a newer server may answer codes this client's catalogue lacks.
    super(status === 0 ? 'external' : kindOfStatus(status), code as ErrorCode, message, {
      ...(extra.details ? { details: extra.details } : {}),
      ...(extra.errors ? { errors: extra.errors } : {}),
    });
    this.name = 'ShoeboxApiError';
    this.status = status;
    this.requestId = extra.requestId;
    this.problem = extra.problem;
  }
}

export const isShoeboxApiError = (e: unknown): e is ShoeboxApiError => e instanceof ShoeboxApiError;

export async function errorOf(res: Response, requestId: string | undefined): Promise<ShoeboxApiError> {
  const text = await res.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (isProblemDocument(parsed)) {
    const p = parsed;
    return new ShoeboxApiError(res.status, p.code, p.detail, {
      requestId: p.requestId || requestId,
      problem: p,
      details: p.details,
      errors: p.errors,
    });
  }
  return new ShoeboxApiError(
    res.status,
    `HTTP_${res.status}`,
    `Unexpected ${res.status} answer${text ? `: ${text.slice(0, 200)}` : ''}`,
    { requestId },
  );
}
