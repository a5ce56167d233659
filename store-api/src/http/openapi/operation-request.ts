/** The request side of an operation: path, query and header parameters and the request body. */
import type { RouteSpec } from '../route.ts';
import { operationExamples } from './examples.ts';
import type { Json } from './openapi-types.ts';
import type { SchemaCollector } from './schema-collector.ts';

/** Image formats accepted by image uploads (sniffed from the bytes; the Content-Type is not trusted). */
const imageMediaTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'application/octet-stream'];

/**
 * Raw bodies that are not image uploads (a route answering IMAGE_TYPE_UNSUPPORTED takes images;
 * any other raw route is opaque bytes unless described here).
 */
const rawBodies: Record<string, { mediaType: string; description: string }> = {
  postWebhooksStripe: {
    mediaType: 'application/json',
    description: 'A Stripe event as Stripe sent it; the signature is checked over these exact bytes.',
  },
};

export function pathParameters(spec: RouteSpec, schemas: SchemaCollector): Json[] {
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

export function queryParameters(spec: RouteSpec, schemas: SchemaCollector): Json[] {
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

/** The request headers the route declares (`headers`), one parameter each. */
export function headerParameters(spec: RouteSpec, schemas: SchemaCollector): Json[] {
  if (!spec.headers) return [];
  const object = schemas.inline(spec.headers);
  const required = new Set((object.required as string[] | undefined) ?? []);
  return Object.entries((object.properties ?? {}) as Record<string, Json>).map(([name, property]) => {
    const { description, ...schema } = property;
    return {
      name,
      in: 'header',
      required: required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema,
    };
  });
}

export function requestBodyOf(
  spec: RouteSpec,
  schemas: SchemaCollector,
  operationId: string,
): Json | undefined {
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
