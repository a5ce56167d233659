import fc from 'fast-check';
import { junkPathSegments, nastyValue, type RawBody } from './fuzz-hostile.ts';
import { brokenValue, csvBodies, junkBytes, queryString, transportFault } from './fuzz-inputs.ts';
import { arbitraryOf, type GeneratorContext, type JsonSchema } from './fuzz-schema.ts';
import type { Json, OpenApiDocument } from './generate.ts';

export const SEED = 20261125;
export const CASES_PER_OPERATION = 24;
export const BODY_LIMIT = 20_000;
/** Longest query value sent: Node refuses request heads over 16 kB before the app sees them. */
const MAX_QUERY_VALUE = 4_000;

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;
export const callers = ['anonymous', 'owner', 'manager', 'warehouse', 'customer'] as const;
export type Caller = (typeof callers)[number];

/**
 * Operations whose success would need something the fuzzer must not or cannot make: only broken
 * input is generated for them (reported with the figures).
 */
export const invalidOnly: Record<string, string> = {
  postStoreCheckoutDemoPay: 'a valid card would pay the fixture order',
  postAdminProductsByIdImages: 'a real image upload needs real image bytes',
  postWebhooksStripe: 'a valid event needs a Stripe signature',
};

export interface Operation {
  method: (typeof methods)[number];
  path: string;
  op: Json;
}

export interface FuzzCase {
  fault: 'none' | 'params' | 'query' | 'body' | 'transport' | 'header';
  params: Record<string, string>;
  query: [string, string][];
  cartToken: string | undefined;
  json?: { value: unknown } | undefined;
  raw?: RawBody | undefined;
}

export interface Fixtures {
  [name: string]: string[];
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    methods.filter((m) => item[m]).map((method) => ({ method, path, op: item[method] as Json })),
  );
}

/** Real values for a path parameter, by the path segment before it. */
function realPathValues(path: string, name: string, fx: Fixtures): string[] {
  const before = path.split('/').at(path.split('/').indexOf(`{${name}}`) - 1) ?? '';
  if (name === 'variantId') return fx.variantId ?? [];
  if (name === 'slug') return fx.slug ?? [];
  if (name === 'file') return ['320.webp', '640.webp', '1280.webp', 'original.png'];
  if (name === 'number') return fx.orderNumber ?? [];
  const byCollection: Record<string, string> = {
    products: 'productId',
    variants: 'variantId',
    'stock-locations': 'locationId',
    orders: 'orderId',
    brands: 'brandId',
    categories: 'categoryId',
    colours: 'colourId',
    coupons: 'couponId',
    staff: 'staffId',
    'api-keys': 'apiKeyId',
    mail: 'mailId',
  };
  return fx[byCollection[before] ?? ''] ?? [];
}

export function caseArbitrary(o: Operation, doc: OpenApiDocument, fx: Fixtures): fc.Arbitrary<FuzzCase> {
  const resolve = (ref: string) => doc.components.schemas[ref.replace('#/components/schemas/', '')];
  const bodyNames: Record<string, string> = {
    variantId: 'variantId',
    locationId: 'locationId',
    fromLocationId: 'locationId',
    toLocationId: 'locationId',
    binId: 'binId',
    productId: 'productId',
    brandId: 'brandId',
    categoryId: 'categoryId',
    colourId: 'colourId',
    colourIds: 'colourId',
    orderNumber: 'orderNumber',
    refreshToken: 'refreshToken',
  };
  const ctx: GeneratorContext = { resolve, realValues: (name) => fx[bodyNames[name] ?? ''] ?? [] };
  const parameters = (o.op.parameters ?? []) as Json[];
  const pathParams = parameters.filter((p) => p.in === 'path');
  const queryParams = parameters.filter((p) => p.in === 'query');
  const cartHeader = parameters.some(
    (p) => p.in === 'header' && String(p.name).toLowerCase() === 'x-cart-token',
  );
  const content = ((o.op.requestBody as Json | undefined)?.content ?? {}) as Record<string, Json>;
  const jsonSchema = content['application/json']?.schema as JsonSchema | undefined;
  const isCsv = 'text/csv' in content;
  const isRaw = !isCsv && !!o.op.requestBody && (!jsonSchema || o.op.operationId === 'postWebhooksStripe');
  const takesBody = !!jsonSchema && !isRaw;

  // Path parameters: real ids mostly, fresh UUIDs or schema values otherwise.
  const validParams = fc.record(
    Object.fromEntries(
      pathParams.map((p) => {
        const name = String(p.name);
        const real = realPathValues(o.path, name, fx);
        const generated = arbitraryOf(p.schema as JsonSchema, ctx, '').map(String);
        return [
          name,
          real.length
            ? fc.oneof(
                { weight: 3, arbitrary: fc.constantFrom(...real) },
                { weight: 1, arbitrary: generated },
              )
            : generated,
        ];
      }),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
  const brokenParams = validParams.chain((valid) => {
    const names = Object.keys(valid);
    if (!names.length) return fc.constant(valid);
    return fc
      .tuple(fc.constantFrom(...names), fc.constantFrom(...junkPathSegments))
      .map(([name, junk]) => ({ ...valid, [name]: junk }));
  });

  // Query: documented parameters from their schemas (some left out), sometimes a broken or unknown one.
  const validQuery = fc
    .tuple(
      ...queryParams.map((p) =>
        fc.option(arbitraryOf(p.schema as JsonSchema, ctx, String(p.name)), {
          nil: undefined,
          freq: p.required ? 1_000_000 : 2,
        }),
      ),
    )
    .map((values) =>
      values.flatMap((v, i): [string, string][] =>
        v === undefined ? [] : [[String(queryParams[i]!.name), queryString(v)]],
      ),
    );
  const brokenQuery = fc
    .tuple(
      validQuery,
      fc.constantFrom(...queryParams.map((p) => String(p.name)), 'unknownParam', 'page[size]', '__proto__'),
      nastyValue,
      fc.boolean(),
    )
    .map(([valid, name, nasty, replace]): [string, string][] => {
      const entry: [string, string] = [name, queryString(nasty).slice(0, MAX_QUERY_VALUE)];
      return replace ? [...valid.filter(([n]) => n !== name), entry] : [...valid, entry];
    });

  const realCart = fx.cartToken ?? [];
  const validCart = realCart.length ? fc.constantFrom(...realCart) : fc.constant(undefined);
  const brokenCart = fc.constantFrom(
    undefined,
    'junk-token',
    "' OR 1=1 --",
    '0196a7b4-6c3e-7000-8000-000000000000',
  );

  const bodyValid = takesBody ? arbitraryOf(jsonSchema, ctx) : fc.constant(undefined);
  const faults: FuzzCase['fault'][] = [];
  if (!invalidOnly[String(o.op.operationId)]) faults.push('none', 'none', 'none');
  if (pathParams.length) faults.push('params');
  if (queryParams.length || o.method === 'get') faults.push('query');
  if (takesBody) faults.push('body', 'body', 'transport', 'transport');
  if (isCsv || isRaw) faults.push('transport', 'transport', 'transport');
  if (!takesBody && !isCsv && !isRaw && o.method !== 'get') faults.push('transport');
  if (cartHeader) faults.push('header');

  return fc.constantFrom(...faults).chain((fault) =>
    fc.record({
      fault: fc.constant(fault),
      params: fault === 'params' ? brokenParams : validParams,
      query: fault === 'query' ? brokenQuery : validQuery,
      cartToken: fault === 'header' ? brokenCart : validCart,
      json: !takesBody
        ? fc.constant(undefined)
        : fault === 'body'
          ? brokenValue(bodyValid).map((value) => ({ value }))
          : fault === 'transport'
            ? fc.constant(undefined)
            : bodyValid.map((value) => ({ value })),
      raw:
        fault !== 'transport' && !isCsv && !isRaw
          ? fc.constant(undefined)
          : isCsv
            ? csvBodies(BODY_LIMIT)
            : isRaw
              ? junkBytes(BODY_LIMIT)
              : takesBody
                ? transportFault(bodyValid, BODY_LIMIT)
                : // A body sent to a route that takes none.
                  fc.constantFrom<RawBody>(
                    { data: '{}', contentType: 'application/json' },
                    { data: 'x', contentType: 'text/plain' },
                    { data: '{', contentType: 'application/json' },
                  ),
    }),
  );
}

export function urlOf(o: Operation, c: FuzzCase): string {
  const path = o.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(c.params[name] ?? ''));
  const query = new URLSearchParams(c.query).toString();
  return query ? `${path}?${query}` : path;
}

/** The statuses an operation documents a problem code under. */
export function documentedUnder(op: Json, code: string): string[] {
  return Object.entries(op.responses as Record<string, Json>)
    .filter(([, r]) => ((r['x-error-codes'] as string[] | undefined) ?? []).includes(code))
    .map(([status]) => status);
}
