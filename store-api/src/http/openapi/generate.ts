/**
 * The OpenAPI 3.1 document, generated from the route table: every `defineRoute` (method, path,
 * access, zod schemas, error codes) plus the system probes. Nothing here is written by hand per
 * route except the examples (examples.ts) and the media types of routes that stream a file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as contracts from '@shoebox/shared/contracts';
import { z } from 'zod';
import type { HttpMethod, RouteSpec } from '../route.ts';
import { operationExamples } from './examples.ts';

export type Json = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: Json;
  servers: Json[];
  tags: { name: string; description: string }[];
  security: Json[];
  paths: Record<string, Partial<Record<HttpMethod, Json>>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json>; securitySchemes: Json };
}

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

/**
 * Routes that write their own response (SENT) say here what they send; anything not listed and
 * without a `response` schema is documented with a plain description.
 */
/** A second success status some handlers answer with, besides the route's `status`. */
const alternateSuccess: Record<string, { status: string; description: string }> = {
  postStoreCheckout: {
    status: '200',
    description: 'A repeated checkout of the same cart: the order made the first time, again.',
  },
};

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

/** Image formats accepted by image uploads (sniffed from the bytes; the Content-Type is not trusted). */
const imageMediaTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'application/octet-stream'];

/**
 * Raw bodies that are not image uploads (a route answering IMAGE_TYPE_UNSUPPORTED takes images;
 * any other raw route is opaque bytes unless described here), with the headers they read.
 */
const rawBodies: Record<string, { mediaType: string; description: string; headers: Json[] }> = {
  postWebhooksStripe: {
    mediaType: 'application/json',
    description: 'A Stripe event as Stripe sent it; the signature is checked over these exact bytes.',
    headers: [
      {
        name: 'stripe-signature',
        in: 'header',
        required: true,
        description: "Stripe's signature of the body with the webhook signing secret.",
        schema: { type: 'string' },
      },
    ],
  },
};

/** `problem` is a named contract, so this is where its component lands. */
const problemRef = { $ref: '#/components/schemas/Problem' };

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
      securitySchemes: {
        staffBearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'Staff access token from `POST /admin/auth/sign-in` (15 minutes; rotate with refresh).',
        },
        customerBearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Shopper access token from `POST /store/auth/sign-in` or `/store/auth/register`.',
        },
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'sbk_<prefix>_<secret>',
          description:
            'API key from `POST /admin/api-keys`, sent as `Authorization: Bearer sbk_...`; holds the permissions it was created with.',
        },
      },
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
    ...headerParameters(spec, operationId),
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

function isPermissionAccess(access: RouteSpec['access']): boolean {
  return access !== 'public' && access !== 'customer' && access !== 'staff';
}

function securityOf(spec: RouteSpec): Json[] {
  switch (spec.access) {
    case 'public':
      return [];
    case 'customer':
      return [{ customerBearer: [] }];
    default:
      // 'staff' or a permission: a staff token, or an API key (holding the permission).
      return [{ staffBearer: [] }, { apiKey: [] }];
  }
}

function pathParameters(spec: RouteSpec, schemas: SchemaCollector): Json[] {
  const names = [...spec.path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
  const object = spec.params ? schemas.inline(spec.params) : undefined;
  const properties = (object?.properties ?? {}) as Record<string, Json>;
  for (const declared of Object.keys(properties)) {
    if (!names.includes(declared))
      throw new Error(`${spec.method} ${spec.path}: params schema has "${declared}", the path has not`);
  }
  return names.map((name) => {
    const { description, ...schema } = properties[name] ?? { type: 'string' };
    return {
      name,
      in: 'path',
      required: true,
      ...(typeof description === 'string' ? { description } : {}),
      schema,
    };
  });
}

function queryParameters(spec: RouteSpec, schemas: SchemaCollector): Json[] {
  if (!spec.query) return [];
  const object = schemas.inline(spec.query);
  if (object.type !== 'object' || typeof object.properties !== 'object') {
    throw new Error(`${spec.method} ${spec.path}: the query schema must be an object`);
  }
  const required = new Set((object.required as string[] | undefined) ?? []);
  return Object.entries(object.properties as Record<string, Json>).map(([name, property]) => {
    const { description, ...schema } = property;
    const isArray = schema.type === 'array';
    return {
      name,
      in: 'query',
      required: required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      // Lists are comma-separated (`size=38,38.5`); a repeated parameter works as well.
      ...(isArray ? { style: 'form', explode: false } : {}),
      schema: Object.keys(schema).length ? schema : { type: 'string' },
    };
  });
}

/** A route that can answer CART_TOKEN_REQUIRED reads the cart token header. */
function headerParameters(spec: RouteSpec, operationId: string): Json[] {
  const described = rawBodies[operationId]?.headers ?? [];
  if (!spec.errors?.includes('CART_TOKEN_REQUIRED')) return described;
  return [
    ...described,
    {
      name: contracts.CART_TOKEN_HEADER,
      in: 'header',
      required: true,
      description: 'The cart token returned once by `POST /store/cart` (never put in a URL).',
      schema: { type: 'string' },
    },
  ];
}

function requestBodyOf(spec: RouteSpec, schemas: SchemaCollector, operationId: string): Json | undefined {
  const kind = spec.bodyKind ?? 'json';
  if (kind === 'csv') {
    return {
      required: true,
      description: 'CSV text with a header row (UTF-8).',
      content: { 'text/csv': { schema: { type: 'string' } } },
    };
  }
  if (kind === 'raw') {
    const described = rawBodies[operationId];
    if (described) {
      return {
        required: true,
        description: described.description,
        content: {
          [described.mediaType]: { schema: { type: 'string', contentMediaType: described.mediaType } },
        },
      };
    }
    const images = spec.errors?.includes('IMAGE_TYPE_UNSUPPORTED');
    return {
      required: true,
      description: images
        ? 'The image file. Its format is detected from the bytes, not from the Content-Type.'
        : 'The raw bytes.',
      content: Object.fromEntries(
        (images ? imageMediaTypes : ['application/octet-stream']).map((type) => [
          type,
          { schema: { type: 'string', contentMediaType: type } },
        ]),
      ),
    };
  }
  if (!spec.body) return undefined;
  const example = operationExamples[operationId]?.request;
  return {
    required: !spec.body.safeParse(undefined).success,
    content: {
      'application/json': {
        schema: schemas.input(spec.body),
        ...(example ? { examples: { example: { summary: example.summary, value: example.value } } } : {}),
      },
    },
  };
}

function successResponses(spec: RouteSpec, schemas: SchemaCollector, operationId: string): Json {
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

function errorResponses(spec: RouteSpec): { responses: Json; allCodes: string[] } {
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

// ---- system routes (mounted by hand in system.routes.ts) -------------------------------------

function systemPaths(): OpenApiDocument['paths'] {
  const probe = (operationId: string, summary: string, responses: Json): Json => ({
    operationId,
    summary,
    tags: ['System'],
    security: [],
    responses,
    'x-access': 'public',
  });
  const json = (schema: Json) => ({ 'application/json': { schema } });
  return {
    '/healthz': {
      get: probe('getHealthz', 'Liveness: the process answers', {
        '200': {
          description: 'Alive.',
          content: json({ type: 'object', properties: { status: { const: 'ok' } }, required: ['status'] }),
        },
      }),
    },
    '/readyz': {
      get: probe('getReadyz', 'Readiness: the database answers', {
        '200': {
          description: 'Ready to serve.',
          content: json(readiness('ready')),
        },
        '503': {
          description: 'The database does not answer.',
          content: json(readiness('unavailable')),
        },
      }),
    },
    '/metrics': {
      get: probe('getMetrics', 'Prometheus metrics (text exposition format)', {
        '200': {
          description: 'Metrics in the Prometheus text format.',
          content: { 'text/plain': { schema: { type: 'string' } } },
        },
      }),
    },
  };
}

function readiness(status: string): Json {
  return {
    type: 'object',
    properties: { status: { const: status }, database: { type: 'string', enum: ['mysql', 'sqlite'] } },
    required: ['status', 'database'],
  };
}

// ---- zod -> JSON Schema ----------------------------------------------------------------------

/**
 * Every object or array schema exported by `@shoebox/shared/contracts` becomes a named component
 * (`adminVariant` -> `AdminVariant`), so a schema used by many routes is written once and clients
 * generated from the document get readable type names. Routes' own inline schemas stay inline.
 */
function contractRegistry(): z.core.$ZodRegistry<{ id: string }> {
  const registry = z.registry<{ id: string }>();
  const named = new Set<unknown>();
  for (const name of Object.keys(contracts).sort()) {
    const value = (contracts as Record<string, unknown>)[name];
    if (!(value instanceof z.ZodType) || named.has(value)) continue;
    const type = value._zod.def.type;
    if (type !== 'object' && type !== 'array') continue;
    named.add(value);
    registry.add(value, { id: name.charAt(0).toUpperCase() + name.slice(1) });
  }
  return registry;
}

/** Request-only contracts keep their name on the input side; others get an `Input` suffix there. */
const defName = (id: string, io: 'input' | 'output') =>
  io === 'output' || /(Body|Query|Params|Input)$/.test(id) ? id : `${id}Input`;

/**
 * Converts zod schemas with zod 4's own JSON Schema output (draft 2020-12, which OpenAPI 3.1
 * uses). Request schemas use the input side (what a client sends: defaults optional, coerced
 * query numbers), responses the output side.
 */
class SchemaCollector {
  private readonly defs = new Map<string, { text: string; schema: Json }>();
  private readonly registry = contractRegistry();

  /** Bodies: named contracts become `$ref`s. */
  input(schema: z.ZodType): Json {
    return this.convert(schema, 'input', this.registry);
  }

  /** Query and path parameters are split into properties, so they stay inline. */
  inline(schema: z.ZodType): Json {
    return this.convert(schema, 'input', z.registry<{ id: string }>());
  }

  output(schema: z.ZodType): Json {
    return this.convert(schema, 'output', this.registry);
  }

  hoisted(): Record<string, Json> {
    return Object.fromEntries([...this.defs.keys()].sort().map((id) => [id, this.defs.get(id)!.schema]));
  }

  private convert(
    schema: z.ZodType,
    io: 'input' | 'output',
    metadata: z.core.$ZodRegistry<{ id: string }>,
  ): Json {
    const generated = z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      io,
      unrepresentable: 'any',
      metadata,
      // Descriptions given with .describe()/.meta() live in the global registry.
      override: ({ zodSchema, jsonSchema }) => {
        const description = z.globalRegistry.get(zodSchema)?.description;
        if (description && !jsonSchema.description) jsonSchema.description = description;
      },
    }) as Json & { $defs?: Record<string, Json> };
    const { $schema: _, $defs, ...json } = generated;
    for (const [id, def] of Object.entries($defs ?? {})) {
      const key = defName(id, io);
      // Responses may gain fields (additive changes): clients must not reject unknown ones.
      const finished = (io === 'output' ? openObjects(rewriteRefs(def, io)) : rewriteRefs(def, io)) as Json;
      const text = JSON.stringify(finished);
      const existing = this.defs.get(key);
      if (existing && existing.text !== text) throw new Error(`two different schemas are named ${key}`);
      this.defs.set(key, { text, schema: finished });
    }
    const root = rewriteRefs(json, io) as Json;
    return io === 'output' ? (openObjects(root) as Json) : root;
  }
}

function rewriteRefs(value: unknown, io: 'input' | 'output'): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, io));
  if (!value || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) {
      out[key] = `#/components/schemas/${defName(v.slice('#/$defs/'.length), io)}`;
    } else out[key] = rewriteRefs(v, io);
  }
  return out;
}

function openObjects(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(openObjects);
  if (!value || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'additionalProperties' && v === false) continue;
    out[key] = openObjects(v);
  }
  return out;
}

function packageVersion(): string {
  const file = join(import.meta.dirname, '../../../package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The checked-in form: 2-space JSON with a trailing newline. */
export function serializeOpenApi(doc: OpenApiDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
