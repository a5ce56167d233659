import { DomainError, type FieldError, isDomainError, statusOfKind } from '@shoebox/shared';
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, unavailableReason } from '../db/unavailable.ts';
import { httpErrors } from './http.errors.ts';

/** Codes whose HTTP status is more specific than their kind's. */
const statusOfCode: Record<string, number> = {
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMAGE_TYPE_UNSUPPORTED: 415,
  ROUTE_NOT_FOUND: 404,
  DATABASE_UNAVAILABLE: 503,
};

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
  details?: Record<string, unknown>;
}

/** Turns a zod failure into the one validation error shape, one entry per offending field. */
export function fromZodError(error: z.ZodError, where: 'body' | 'query' | 'params'): DomainError {
  const errors: FieldError[] = error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: base ? `${base}.${key}` : key,
        message: 'Unknown field',
        code: 'UNKNOWN_FIELD',
      }));
    }
    const code = fieldCode(issue);
    return [{ path: base || where, message: code === 'REQUIRED' ? 'Required' : issue.message, code }];
  });
  const summary = errors
    .slice(0, 3)
    .map((e) => `${e.path}: ${e.message}`)
    .join('; ');
  return httpErrors.validationFailed(where, summary, errors);
}

/** Needs issues parsed with `reportInput: true`, so a missing field can be told from a wrong one. */
function fieldCode(issue: z.core.$ZodIssue): string {
  const custom = (issue as { params?: { code?: string } }).params?.code;
  if (custom) return custom;
  if ('input' in issue && issue.input === undefined && issue.code !== 'custom') return 'REQUIRED';
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'NOT_INTEGER' : 'INVALID_TYPE';
    case 'too_small':
      return 'TOO_SMALL';
    case 'too_big':
      return 'TOO_BIG';
    case 'invalid_format':
      return 'INVALID_FORMAT';
    case 'invalid_value':
      return 'INVALID_VALUE';
    case 'not_multiple_of':
      return 'NOT_MULTIPLE_OF';
    default:
      return 'INVALID';
  }
}

/** Errors thrown by express' own body parsers, in our vocabulary. */
function fromFrameworkError(e: { type?: string; status?: number; message?: string }): DomainError | null {
  if (e.type === 'entity.parse.failed') {
    return httpErrors.malformedJson();
  }
  if (e.type === 'entity.too.large') {
    return httpErrors.payloadTooLarge();
  }
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    return httpErrors.unsupportedEncoding();
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    return httpErrors.badRequest(e.message);
  }
  return null;
}

export function sendProblem(res: Response, error: DomainError, instance: string, requestId: string): void {
  const status = statusOfCode[error.code] ?? statusOfKind[error.kind];
  const body: ProblemDocument = {
    type: `urn:shoebox:problem:${error.code}`,
    title: error.code,
    status,
    code: error.code,
    detail: error.message,
    instance,
    requestId,
    ...(error.errors ? { errors: error.errors } : {}),
    ...(error.details ? { details: error.details } : {}),
  };
  if (status === 503) res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
  res.status(status).type('application/problem+json').send(JSON.stringify(body));
}

/** The answer to a request the database could not serve: retry shortly, nothing was written. */
export const databaseUnavailable = (error: unknown) =>
  new DomainError(
    'external',
    'DATABASE_UNAVAILABLE',
    'The database cannot be reached right now; nothing was changed. Try again in a few seconds.',
    { details: { reason: unavailableReason(error) } },
  );

/** The one HTTP error mapper: every error leaves as RFC 9457 problem+json. */
export function problemHandler(log: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const requestId = String(res.locals.requestId ?? '');
    const known = isDomainError(error) ? error : fromFrameworkError(error);
    if (known) {
      if (known.kind === 'internal') log.error({ err: error, requestId }, 'internal error');
      return sendProblem(res, known, req.originalUrl, requestId);
    }
    if (isDatabaseUnavailable(error)) {
      log.warn({ err: error, requestId, url: req.originalUrl }, 'database unavailable');
      return sendProblem(res, databaseUnavailable(error), req.originalUrl, requestId);
    }
    log.error({ err: error, requestId, url: req.originalUrl }, 'unhandled error');
    sendProblem(res, httpErrors.internal(), req.originalUrl, requestId);
  };
}
