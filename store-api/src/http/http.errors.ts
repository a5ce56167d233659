import { DomainError, type FieldError, forbidden, unauthenticated } from '@shoebox/shared';

/** Stable error codes of the HTTP edge: routing, bodies, sign-in and permissions, rate limits. */
export const httpErrors = {
  validationFailed: (where: string, summary: string, errors: FieldError[]) =>
    new DomainError('validation', 'VALIDATION_FAILED', `Invalid ${where}: ${summary}`, { errors }),
  malformedJson: () => new DomainError('validation', 'MALFORMED_JSON', 'The request body is not valid JSON.'),
  payloadTooLarge: () => new DomainError('validation', 'PAYLOAD_TOO_LARGE', 'The request body is too large.'),
  unsupportedEncoding: () =>
    new DomainError('validation', 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding.'),
  unsupportedMediaType: (expected: string, received: string | null) =>
    new DomainError('validation', 'UNSUPPORTED_MEDIA_TYPE', `Send the body as ${expected}.`, {
      details: { expected, received },
    }),
  badRequest: (message: string | undefined) =>
    new DomainError('validation', 'BAD_REQUEST', message ?? 'Bad request.'),
  unexpectedBody: () => new DomainError('validation', 'UNEXPECTED_BODY', 'This route takes no request body.'),
  internal: () => new DomainError('internal', 'INTERNAL_ERROR', 'Something went wrong on our side.'),
  routeNotFound: (method: string, path: string) =>
    new DomainError('not_found', 'ROUTE_NOT_FOUND', `No route ${method} ${path}.`),
  rateLimited: (message: string) => new DomainError('rate_limited', 'RATE_LIMITED', message),
  customerSignInRequired: () =>
    unauthenticated('CUSTOMER_SIGN_IN_REQUIRED', 'Sign in to your account first.'),
  signInRequired: () => unauthenticated('SIGN_IN_REQUIRED', 'Staff sign-in required.'),
  staffOnly: () => forbidden('STAFF_ONLY', 'This route is for shop staff only.'),
  /** The caller's role lacks a permission (route access, or a field only some roles may write). */
  permissionDenied: (permission: string) =>
    forbidden('PERMISSION_DENIED', `Your role does not allow ${permission}.`),
};
