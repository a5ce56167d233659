/** The response side of an operation: success bodies and the problem+json error codes by status. */
import { type ErrorCode, statusOfErrorCode } from '@shoebox/shared/contracts';
import type { RouteError, RouteSpec } from '../route.ts';
import { operationExamples } from './examples.ts';
import type { Json } from './openapi-types.ts';
import type { SchemaCollector } from './schema-collector.ts';

/** `problem` is a named contract, so this is where its component lands. */
export const problemRef = { $ref: '#/components/schemas/Problem' };

/**
 * Routes that write their own response (SENT) say here what they send; anything not listed and
 * without a `response` schema is documented with a plain description.
 */
const pdf = { type: 'string', contentMediaType: 'application/pdf' };
const streamedResponses: Record<
  string,
  { mediaType: string; schema: Json; description: string; alternatives?: Record<string, Json> }
> = {
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
  getFeedsProductsXml: {
    mediaType: 'application/xml',
    schema: { type: 'string' },
    description:
      'RSS 2.0 with the `g:` namespace (Google Merchant Center, Meta catalog): one `<item>` per active size.',
  },
  getFeedsProductsCsv: {
    mediaType: 'text/csv',
    schema: { type: 'string' },
    description: 'The same items as CSV; the header row names the channels’ attributes.',
  },
  getSyncEvents: {
    mediaType: 'text/event-stream',
    schema: { type: 'string' },
    description:
      'An event stream: `event: changes` / `data: {"headSeq":N}` when there is something to pull (and once on connect); `: heartbeat` every 15 s.',
  },
  getMediaImagesByIdByFile: {
    mediaType: 'image/webp',
    schema: { type: 'string', contentMediaType: 'image/webp' },
    description: 'The WebP rendition.',
  },
  getAdminOrdersByIdPackingSlip: {
    mediaType: 'application/pdf',
    schema: pdf,
    description: 'The packing slip PDF.',
  },
  getAdminShipmentsByIdLabel: {
    mediaType: 'application/pdf',
    schema: pdf,
    description: 'The 4x6 in label PDF, or ZPL II text with `format=zpl`.',
    alternatives: { 'application/zpl': { schema: { type: 'string' } } },
  },
  getAdminPickBatchesByIdLabels: {
    mediaType: 'application/pdf',
    schema: pdf,
    description: 'Every live label of the batch, one 4x6 in page each.',
  },
};

export function successResponses(spec: RouteSpec, schemas: SchemaCollector, operationId: string): Json {
  const status = String(spec.status ?? 200);
  const others = spec.otherAnswers ?? [];
  const streamed = streamedResponses[operationId];
  let content: Json | undefined;
  let description = spec.summary;
  if (status === '204') description = 'Done; no content.';
  else if (streamed) {
    description = streamed.description;
    content = { [streamed.mediaType]: { schema: streamed.schema }, ...streamed.alternatives };
  } else if (spec.response) {
    description = status === '201' ? 'Created.' : 'OK.';
    content = { 'application/json': { schema: schemas.output(spec.response) } };
  }
  const example = operationExamples[operationId]?.response;
  const responses: Json = {
    [status]: {
      description,
      ...(content
        ? {
            content:
              example && content['application/json']
                ? {
                    'application/json': {
                      ...(content['application/json'] as Json),
                      examples: { example: { summary: example.summary, value: example.value } },
                    },
                  }
                : content,
          }
        : {}),
    },
  };
  for (const other of others) {
    const empty = other.status === 204 || other.status === 304;
    responses[String(other.status)] = {
      description: other.description,
      ...(content && !empty ? { content } : {}),
    };
  }
  return responses;
}

// ---- errors ----------------------------------------------------------------------------------

const statusText: Record<string, string> = {
  '400': 'The request is malformed or fails validation',
  '401': 'Missing, invalid or expired credentials',
  '403': 'Signed in, but not allowed',
  '413': 'The body is larger than the limit',
  '415': 'The body has the wrong media type',
  '404': 'Not found',
  '409': 'Conflicts with the current state',
  '422': 'Well-formed, but refused by a business rule',
  '429': 'Too many attempts; wait a minute',
  '502': 'The payment provider failed or refused',
  '503': 'The database cannot be reached; nothing was changed, retry after the Retry-After seconds',
};

/** A signed token whose sign-in ended (modules/auth/session-check.ts). */
const sessionCodes = ['SESSION_REVOKED', 'ACCOUNT_DELETED', 'ACCOUNT_DISABLED'];

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
    for (const code of ['CUSTOMER_SIGN_IN_REQUIRED', 'TOKEN_INVALID', 'TOKEN_EXPIRED', ...sessionCodes])
      add('401', code);
  } else if (spec.access !== 'public') {
    for (const code of [
      'SIGN_IN_REQUIRED',
      'TOKEN_INVALID',
      'TOKEN_EXPIRED',
      'API_KEY_INVALID',
      'API_KEY_REVOKED',
      ...sessionCodes,
    ])
      add('401', code);
    add('403', 'STAFF_ONLY');
    if (spec.access !== 'staff') add('403', 'PERMISSION_DENIED');
  }
  if (spec.rateLimit) add('429', 'RATE_LIMITED');
  // Any route may need the database (the store reads answer from memory while it is away).
  add('503', 'DATABASE_UNAVAILABLE');
  // Each code under the status it is answered with: the catalogue's, or the one the route states.
  for (const error of spec.errors ?? []) {
    const { code, status } = statusOf(error);
    add(String(status), code);
  }
  return byStatus;
}

/** The code of a route's error entry and its status (the catalogue's unless the route says). */
export function statusOf(error: RouteError): { code: ErrorCode; status: number } {
  if (typeof error !== 'string') return error;
  const status = statusOfErrorCode(error);
  if (status === undefined)
    throw new Error(`error code ${error} is not in shared/src/contracts/error-codes.ts`);
  return { code: error, status };
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
