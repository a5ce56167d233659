/** The response side of an operation: success bodies and the problem+json error codes by status. */
import type { RouteSpec } from '../route.ts';
import { operationExamples } from './examples.ts';
import type { Json } from './openapi-types.ts';
import type { SchemaCollector } from './schema-collector.ts';

/** `problem` is a named contract, so this is where its component lands. */
export const problemRef = { $ref: '#/components/schemas/Problem' };

/** A second success status some handlers answer with, besides the route's `status`. */
const alternateSuccess: Record<string, { status: string; description: string }> = {
  postStoreCheckout: {
    status: '200',
    description: 'A repeated checkout of the same cart: the order made the first time, again.',
  },
};

/**
 * Routes that write their own response (SENT) say here what they send; anything not listed and
 * without a `response` schema is documented with a plain description.
 */
const streamedResponses: Record<string, { mediaType: string; schema: Json; description: string }> = {
  getAdminCatalogExportCsv: {
    mediaType: 'text/csv',
    schema: { type: 'string' },
    description: 'The catalog as CSV, one row per variant (attachment `catalog.csv`).',
  },
  getAdminInventoryLevelsCsv: {
    mediaType: 'text/csv',
    schema: { type: 'string' },
    description: 'Stock levels as CSV (attachment `stock-levels.csv`).',
  },
  getMediaImagesByIdByFile: {
    mediaType: 'image/webp',
    schema: { type: 'string', contentMediaType: 'image/webp' },
    description: 'The WebP rendition; `304` when If-None-Match names its ETag.',
  },
};

export function successResponses(spec: RouteSpec, schemas: SchemaCollector, operationId: string): Json {
  const status = String(spec.status ?? 200);
  if (status === '204') return { '204': { description: 'Done; no content.' } };
  const streamed = streamedResponses[operationId];
  if (streamed) {
    return {
      [status]: {
        description: streamed.description,
        content: { [streamed.mediaType]: { schema: streamed.schema } },
      },
      ...(streamed.mediaType.startsWith('image/') ? { '304': { description: 'Not modified.' } } : {}),
    };
  }
  if (!spec.response) return { [status]: { description: spec.summary } };
  const example = operationExamples[operationId]?.response;
  const schema = schemas.output(spec.response);
  const responses: Json = {
    [status]: {
      description: status === '201' ? 'Created.' : 'OK.',
      content: {
        'application/json': {
          schema,
          ...(example ? { examples: { example: { summary: example.summary, value: example.value } } } : {}),
        },
      },
    },
  };
  const alternate = alternateSuccess[operationId];
  if (alternate) {
    responses[alternate.status] = {
      description: alternate.description,
      content: { 'application/json': { schema } },
    };
  }
  return responses;
}

// ---- errors ----------------------------------------------------------------------------------

/** Codes whose status is fixed by the HTTP layer (mount.ts, problem.ts, authorize.ts). */
const fixedStatus: Record<string, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNEXPECTED_BODY: 400,
  BAD_REQUEST: 400,
  SIGN_IN_REQUIRED: 401,
  CUSTOMER_SIGN_IN_REQUIRED: 401,
  TOKEN_INVALID: 401,
  TOKEN_EXPIRED: 401,
  API_KEY_INVALID: 401,
  API_KEY_REVOKED: 401,
  STAFF_ONLY: 403,
  PERMISSION_DENIED: 403,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMAGE_TYPE_UNSUPPORTED: 415,
  RATE_LIMITED: 429,
};

const statusText: Record<string, string> = {
  '400': 'The request is malformed or fails validation',
  '401': 'Missing, invalid or expired credentials',
  '403': 'Signed in, but not allowed',
  '413': 'The body is larger than the limit',
  '415': 'The body has the wrong media type',
  '429': 'Too many attempts; wait a minute',
  default:
    "This operation's own errors; the status follows the code's kind (404 not found, 409 conflict, 422 business rule, 502 an external provider failed)",
};

/** The codes each status can carry for this route: those the HTTP layer adds plus the route's own. */
function errorCodesOf(spec: RouteSpec): Map<string, Set<string>> {
  const byStatus = new Map<string, Set<string>>();
  const add = (status: string, code: string) => {
    const set = byStatus.get(status) ?? new Set<string>();
    set.add(code);
    byStatus.set(status, set);
  };
  const kind = spec.bodyKind ?? 'json';
  if (kind === 'json') {
    if (spec.body) {
      add('400', 'VALIDATION_FAILED');
      add('400', 'MALFORMED_JSON');
      add('400', 'BAD_REQUEST');
      add('413', 'PAYLOAD_TOO_LARGE');
      add('415', 'UNSUPPORTED_MEDIA_TYPE');
    } else {
      add('400', 'UNEXPECTED_BODY');
    }
  } else {
    add('400', 'BAD_REQUEST');
    add('413', 'PAYLOAD_TOO_LARGE');
    if (kind === 'csv') add('415', 'UNSUPPORTED_MEDIA_TYPE');
  }
  if (spec.query || spec.params) add('400', 'VALIDATION_FAILED');
  if (spec.access === 'customer') {
    for (const code of ['CUSTOMER_SIGN_IN_REQUIRED', 'TOKEN_INVALID', 'TOKEN_EXPIRED']) add('401', code);
  } else if (spec.access !== 'public') {
    for (const code of [
      'SIGN_IN_REQUIRED',
      'TOKEN_INVALID',
      'TOKEN_EXPIRED',
      'API_KEY_INVALID',
      'API_KEY_REVOKED',
    ])
      add('401', code);
    add('403', 'STAFF_ONLY');
    if (spec.access !== 'staff') add('403', 'PERMISSION_DENIED');
  }
  if (spec.rateLimit) add('429', 'RATE_LIMITED');
  // A route's `errors` name codes, not statuses (BRAND_NOT_FOUND is 404 for the URL's brand and 422
  // for a body's brandId), so the codes the HTTP layer does not fix are documented under `default`.
  for (const code of spec.errors ?? []) add(String(fixedStatus[code] ?? 'default'), code);
  return byStatus;
}

export function errorResponses(spec: RouteSpec): { responses: Json; allCodes: string[] } {
  const byStatus = errorCodesOf(spec);
  const responses: Json = {};
  const all = new Set<string>();
  for (const status of [...byStatus.keys()].sort()) {
    const codes = [...byStatus.get(status)!].sort();
    for (const code of codes) all.add(code);
    responses[status] = {
      description: `${statusText[status] ?? 'Error'}: ${codes.map((c) => `\`${c}\``).join(', ')}.`,
      content: { 'application/problem+json': { schema: problemRef } },
      'x-error-codes': codes,
    };
  }
  return { responses, allCodes: [...all].sort() };
}
