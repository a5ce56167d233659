/** The client's errors: problem+json answers (and unreachable servers) as `ShoeboxApiError`. */
import type { z } from 'zod';
import * as c from '../contracts/index.ts';
import { DomainError, type ErrorCode, type ErrorKind, type FieldError } from '../errors.ts';

export type ProblemDocument = z.output<typeof c.problem>;

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
  const doc = c.problem.safeParse(parsed);
  if (doc.success) {
    const p = doc.data;
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
