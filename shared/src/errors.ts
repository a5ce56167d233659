import type { ErrorCode } from './contracts/error-codes.ts';

export type { ErrorCode } from './contracts/error-codes.ts';

/**
 * One error vocabulary for every boundary (HTTP, IPC, sync).
 * `kind` is a closed list that decides the HTTP status; `code` is stable forever
 * and is what clients branch on.
 */
export const errorKinds = [
  'validation',
  'not_found',
  'conflict',
  'forbidden',
  'unauthenticated',
  'business_rule',
  'rate_limited',
  'external',
  'internal',
] as const;
export type ErrorKind = (typeof errorKinds)[number];

export interface FieldError {
  /** Dotted path of the offending field, e.g. `variants.3.sku` or `row 12: gtin`. */
  path: string;
  message: string;
  code?: string;
}

export interface SerializedError {
  kind: ErrorKind;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  errors?: FieldError[];
}

export class DomainError extends Error {
  readonly kind: ErrorKind;
  /** A catalogued code (contracts/error-codes.ts): an unlisted one does not compile. */
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly errors: FieldError[] | undefined;

  constructor(
    kind: ErrorKind,
    code: ErrorCode,
    message: string,
    extra: { details?: Record<string, unknown>; errors?: FieldError[] } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.details = extra.details;
    this.errors = extra.errors;
  }

  toJSON(): SerializedError {
    return {
      kind: this.kind,
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }

  static from(e: SerializedError): DomainError {
    // A code from the wire is trusted as catalogued: a newer peer may know codes this build does not.
    return new DomainError(e.kind, e.code as ErrorCode, e.message, { details: e.details, errors: e.errors });
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

/** HTTP status for each kind: the one place this mapping lives. */
export const statusOfKind: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  business_rule: 422,
  rate_limited: 429,
  external: 502,
  internal: 500,
};

export const validationError = (code: ErrorCode, message: string, errors?: FieldError[]) =>
  new DomainError('validation', code, message, { errors });
export const notFound = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  new DomainError('not_found', code, message, { details });
export const conflict = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  new DomainError('conflict', code, message, { details });
export const businessRule = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  new DomainError('business_rule', code, message, { details });
export const forbidden = (code: ErrorCode, message: string) => new DomainError('forbidden', code, message);
export const unauthenticated = (code: ErrorCode, message: string) =>
  new DomainError('unauthenticated', code, message);
