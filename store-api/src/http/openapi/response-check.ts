/**
 * Checks real answers against the generated OpenAPI document, the one integrators read: the test
 * harness runs every answer of the HTTP suite through `check`, so a status, media type, body
 * field or error code the document does not promise fails the test that provoked it.
 *
 * - The operation is found by method and path template (a literal segment beats a parameter, as
 *   `/store/orders/lookup` beats `/store/orders/{number}`).
 * - The status must be documented for the operation (`default` covers problem+json answers).
 * - JSON bodies validate against the documented schema (ajv, draft 2020-12, formats checked).
 * - problem+json answers carry a `code` listed under that status, or a transport code.
 * - Files (CSV, images) and empty answers (204, 304): status and media type only.
 * - Requests outside the document: `404 ROUTE_NOT_FOUND` (unknown path or method) and the
 *   undocumented doc pages (/docs, /openapi.json) pass unchecked; any other answer is a violation.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Json, OpenApiDocument } from './openapi-types.ts';

/** Answered by the HTTP layer before or outside routing, so valid on any operation. */
const transportCodes: Record<number, readonly string[]> = {
  400: ['MALFORMED_REQUEST'],
  431: ['REQUEST_HEADERS_TOO_LARGE'],
};

/** Served by the app but deliberately not part of the API contract. */
const undocumentedPaths = [/^\/openapi\.json$/, /^\/docs(\/.*)?$/];

const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);

export interface Answer {
  method: string;
  /** Path and query as sent, e.g. `/admin/products?status=active`. */
  url: string;
  status: number;
  headers: Headers;
  text: string;
}

export type CheckOutcome =
  | { kind: 'validated'; operation: string }
  | { kind: 'unrouted' | 'transport' | 'undocumented-path' }
  | { kind: 'violation'; message: string };

interface Template {
  method: string;
  path: string;
  pattern: RegExp;
  /** One flag per segment: literal (true) or parameter, for picking the most specific match. */
  literals: boolean[];
  op: Json;
}

export class ResponseChecker {
  private readonly templates: Template[];
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly ajv: Ajv2020;

  constructor(private readonly doc: OpenApiDocument) {
    this.templates = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => {
        const segments = path.split('/').slice(1);
        const source = segments.map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : escapeRegExp(s))).join('/');
        return {
          method,
          path,
          pattern: new RegExp(`^/${source}$`),
          literals: segments.map((s) => !/^\{.+\}$/.test(s)),
          op: op as Json,
        };
      }),
    );
    // strict off: zod's JSON Schema carries annotations ajv does not know (contentMediaType...),
    // and the document itself is linted by redocly. allErrors: report every mismatch at once.
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'shoebox:components', $defs: rewriteRefs(doc.components.schemas) as Json });
  }

  check(answer: Answer): CheckOutcome {
    const { pathname } = new URL(answer.url, 'http://x');
    const method = answer.method.toLowerCase() === 'head' ? 'get' : answer.method.toLowerCase();
    const problem = parseProblem(answer);
    if (problem && transportCodes[answer.status]?.includes(problem.code)) return { kind: 'transport' };
    const template = methods.has(method) ? this.find(method, pathname) : undefined;
    if (!template) {
      if (answer.status === 404 && problem?.code === 'ROUTE_NOT_FOUND') return { kind: 'unrouted' };
      if (undocumentedPaths.some((p) => p.test(pathname))) return { kind: 'undocumented-path' };
      // CORS preflights and other methods outside the document: nothing to check against.
      if (!methods.has(method)) return { kind: 'unrouted' };
      return this.violation(answer, `${answer.method} ${pathname}`, 'no documented operation answers this');
    }
    const label = `${method.toUpperCase()} ${template.path} (${template.op.operationId})`;
    const responses = template.op.responses as Record<string, Json>;
    const documented = responses[String(answer.status)] ?? (problem ? responses.default : undefined);
    if (!documented) {
      const listed = Object.keys(responses).join(', ');
      return this.violation(
        answer,
        label,
        `status ${answer.status} is not documented (documented: ${listed})`,
      );
    }
    const response = this.resolve(documented);
    const content = response.content as Record<string, Json> | undefined;
    const mediaType = (answer.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!content) {
      if (answer.text === '' || answer.method.toLowerCase() === 'head')
        return { kind: 'validated', operation: label };
      return this.violation(answer, label, `a ${mediaType || 'untyped'} body where the document has none`);
    }
    if (answer.status === 304 && answer.text === '') return { kind: 'validated', operation: label };
    const media = content[mediaType];
    if (!media) {
      const listed = Object.keys(content).join(', ');
      return this.violation(
        answer,
        label,
        `media type "${mediaType}" is not documented (documented: ${listed})`,
      );
    }
    if (!mediaType.endsWith('json') || answer.method.toLowerCase() === 'head')
      return { kind: 'validated', operation: label };
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      return this.violation(answer, label, 'the body is not valid JSON');
    }
    const validate = this.validator(media.schema as Json);
    if (!validate(body)) {
      const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
      return this.violation(answer, label, `the body does not match its schema: ${errors}`);
    }
    if (problem) {
      const codes = (response['x-error-codes'] as string[] | undefined) ?? ['INTERNAL_ERROR'];
      if (!codes.includes(problem.code))
        return this.violation(
          answer,
          label,
          `code ${problem.code} is not documented under ${answer.status} (documented: ${codes.join(', ')})`,
        );
    }
    return { kind: 'validated', operation: label };
  }

  /** The matching template with this method; literal segments win over parameters, left to right. */
  private find(method: string, pathname: string): Template | undefined {
    const matches = this.templates.filter((t) => t.method === method && t.pattern.test(pathname));
    matches.sort((a, b) => {
      for (let i = 0; i < a.literals.length; i++)
        if (a.literals[i] !== b.literals[i]) return a.literals[i] ? -1 : 1;
      return 0;
    });
    return matches[0];
  }

  private resolve(response: Json): Json {
    const ref = response.$ref;
    if (typeof ref !== 'string') return response;
    const name = ref.replace('#/components/responses/', '');
    const found = this.doc.components.responses[name];
    if (!found) throw new Error(`unresolved response ${ref}`);
    return found;
  }

  private validator(schema: Json): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(rewriteRefs(schema) as Json);
      this.validators.set(key, validate);
    }
    return validate;
  }

  private violation(answer: Answer, label: string, what: string): CheckOutcome {
    const body = answer.text.length > 600 ? `${answer.text.slice(0, 600)}...` : answer.text;
    return {
      kind: 'violation',
      message: `Answer outside the OpenAPI document: ${answer.method} ${answer.url} -> ${label} ${answer.status}: ${what}\n  body: ${body}`,
    };
  }
}

function parseProblem(answer: Answer): { code: string } | undefined {
  if (!(answer.headers.get('content-type') ?? '').startsWith('application/problem+json')) return undefined;
  try {
    const body = JSON.parse(answer.text) as { code?: unknown };
    return typeof body.code === 'string' ? { code: body.code } : undefined;
  } catch {
    return undefined;
  }
}

/** `#/components/schemas/X` -> the components schema registered with ajv. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (!value || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')
        ? `shoebox:components#/$defs/${v.slice('#/components/schemas/'.length)}`
        : rewriteRefs(v);
  }
  return out;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
