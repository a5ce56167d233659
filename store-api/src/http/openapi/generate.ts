/**
 * The OpenAPI 3.1 document, generated from the route table: every `defineRoute` (method, path,
 * access, zod schemas, error codes) plus the system probes. Nothing here is written by hand per
 * route except the examples (examples.ts) and the media types of routes that stream a file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as contracts from '@shoebox/shared/contracts';
import type { HttpMethod, RouteSpec } from '../route.ts';
import { headerParameters, pathParameters, queryParameters, requestBodyOf } from './operation-request.ts';
import { errorResponses, problemRef, successResponses } from './operation-responses.ts';
import type { Json, OpenApiDocument } from './openapi-types.ts';
import { SchemaCollector } from './schema-collector.ts';
import { isPermissionAccess, securityOf, securitySchemes } from './security.ts';
import { systemPaths } from './system-paths.ts';

export type { Json, OpenApiDocument } from './openapi-types.ts';

const methodOrder: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

const tagDescriptions: Record<string, string> = {
  'Staff auth': 'Staff sign-in and token rotation. Access tokens are JWTs sent as `Authorization: Bearer`.',
  'Customer auth': 'Shopper accounts: registration, sign-in and token rotation.',
  'API keys':
    'Keys for machine clients (ERP, accounting): `Authorization: Bearer sbk_...`, scoped to permissions.',
  Staff: 'Staff accounts and the signed-in member.',
  Audit: 'Who changed what, when, with the before and after of every staff write.',
  Catalog: 'Brands, categories, colours, products (styles), variants, images and the catalog CSV.',
  Inventory: 'Stock locations and bins, the movement ledger, stock levels and the buyer views.',
  Store: 'The public storefront surface: only active products and variants.',
  Media: 'Image renditions, immutable and cacheable.',
  Notifications: 'Mails sent to customers.',
  System: 'Liveness, readiness and Prometheus metrics; outside the versioned API contract.',
};

export interface BuildOptions {
  /** Defaults to the version in store-api/package.json. */
  version?: string;
}

/** Builds the document for `routes`; the same routes in any order give the same document. */
export function buildOpenApi(routes: readonly RouteSpec[], options: BuildOptions = {}): OpenApiDocument {
  const schemas = new SchemaCollector();
  if (schemas.output(contracts.problem).$ref !== problemRef.$ref)
    throw new Error('problem is not a named contract');
  const paths: OpenApiDocument['paths'] = {};
  const seenIds = new Map<string, string>();
  const tags = new Set<string>();

  for (const spec of routes) {
    const path = openApiPath(spec.path);
    const operationId = operationIdOf(spec.method, spec.path);
    const clash = seenIds.get(operationId);
    if (clash)
      throw new Error(`operationId ${operationId} of ${spec.method} ${spec.path} clashes with ${clash}`);
    seenIds.set(operationId, `${spec.method} ${spec.path}`);
    const item = paths[path] ?? {};
    if (item[spec.method]) throw new Error(`route declared twice: ${spec.method.toUpperCase()} ${spec.path}`);
    item[spec.method] = operationOf(spec, operationId, schemas);
    paths[path] = item;
    tags.add(spec.tag);
  }
  for (const [path, item] of Object.entries(systemPaths())) paths[path] = item;
  tags.add('System');

  return {
    openapi: '3.1.0',
    info: {
      title: 'Shoebox API',
      version: options.version ?? packageVersion(),
      summary: "The back office, storefront and integration API of Shoebox, a women's shoe shop.",
      description: [
        'Generated from the zod contracts that validate every request (`npm run openapi`); never edited by hand.',
        '',
        '- Errors are RFC 9457 `application/problem+json` documents. Branch on `code` (stable, SCREAMING_SNAKE);',
        '  each operation lists the codes it can answer with in its responses and in `x-error-codes`.',
        '  Validation failures (`VALIDATION_FAILED`) carry one entry per offending field in `errors`.',
        '- Bodies and query strings are strict: unknown fields are refused with `UNKNOWN_FIELD`.',
        '- Money is integer minor units (`priceMinor: 8900` is 89.00) with a separate currency.',
        '- Admin operations name the permission they need in `x-permission`; staff tokens and API keys',
        '  holding it may call them.',
      ].join('\n'),
    },
    // Relative: the server that serves this document (`npm start`: http://localhost:4000).
    servers: [{ url: '/', description: 'The server that serves this document' }],
    tags: [...tags].sort().map((name) => ({ name, description: tagDescriptions[name] ?? `${name} routes.` })),
    // Every operation states its own security; nothing is implied.
    security: [],
    paths: sortPaths(paths),
    components: {
      schemas: schemas.hoisted(),
      responses: {
        InternalError: {
          description: 'Unexpected server error (`INTERNAL_ERROR`); logged with the request id.',
          content: { 'application/problem+json': { schema: problemRef } },
        },
      },
      securitySchemes,
    },
  };
}

/** `/admin/products/:id` -> `/admin/products/{id}` */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

/** `post /admin/products/:id/variants/generate` -> `postAdminProductsByIdVariantsGenerate` */
export function operationIdOf(method: string, expressPath: string): string {
  const words = expressPath
    .split('/')
    .filter(Boolean)
    .flatMap((segment) =>
      segment.startsWith(':') ? ['by', ...splitWords(segment.slice(1))] : splitWords(segment),
    );
  return method.toLowerCase() + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

function splitWords(segment: string): string[] {
  return segment
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** Stable order: paths alphabetically, methods get-post-put-patch-delete. */
function sortPaths(paths: OpenApiDocument['paths']): OpenApiDocument['paths'] {
  const sorted: OpenApiDocument['paths'] = {};
  for (const path of Object.keys(paths).sort()) {
    const item = paths[path]!;
    const ordered: Partial<Record<HttpMethod, Json>> = {};
    for (const method of methodOrder) if (item[method]) ordered[method] = item[method];
    sorted[path] = ordered;
  }
  return sorted;
}

// ---- one operation ------------------------------------------------------------------------

function operationOf(spec: RouteSpec, operationId: string, schemas: SchemaCollector): Json {
  const op: Json = {
    operationId,
    summary: spec.summary,
    tags: [spec.tag],
  };
  const permission = isPermissionAccess(spec.access) ? spec.access : undefined;
  if (permission) op.description = `Needs the \`${permission}\` permission.`;
  const parameters = [
    ...pathParameters(spec, schemas),
    ...queryParameters(spec, schemas),
    ...headerParameters(spec, schemas),
  ];
  if (parameters.length) op.parameters = parameters;
  const requestBody = requestBodyOf(spec, schemas, operationId);
  if (requestBody) op.requestBody = requestBody;
  const errors = errorResponses(spec);
  op.responses = {
    ...successResponses(spec, schemas, operationId),
    ...errors.responses,
    '500': { $ref: '#/components/responses/InternalError' },
  };
  op.security = securityOf(spec);
  if (permission) op['x-permission'] = permission;
  op['x-access'] = spec.access;
  if (spec.rateLimit) op['x-rate-limited'] = true;
  op['x-error-codes'] = errors.allCodes;
  return op;
}

function packageVersion(): string {
  const file = join(import.meta.dirname, '../../../package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The checked-in form: 2-space JSON with a trailing newline. */
export function serializeOpenApi(doc: OpenApiDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
