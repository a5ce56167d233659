/**
 * Generators for the fuzz pass (fuzz.test.ts): fast-check arbitraries built from the OpenAPI
 * document's JSON Schemas (which zod 4 wrote from the contracts), plus deliberately broken input:
 * wrong types, missing and unknown fields, huge strings and numbers, unicode, SQL and FTS syntax,
 * malformed JSON, wrong content types and oversize bodies.
 *
 * The JSON Schema subset handled is the one the contracts produce: object (properties, required,
 * additionalProperties/propertyNames as a record), string (minLength, maxLength, pattern, format
 * uuid/email/date-time/date), number and integer (minimum, maximum, exclusive bounds), boolean,
 * enum, const, array (items, minItems, maxItems), type lists with null, anyOf/oneOf and $ref.
 */
import fc from 'fast-check';

export type JsonSchema = Record<string, unknown>;

export interface GeneratorContext {
  /** Resolves `#/components/schemas/X`. */
  resolve(ref: string): JsonSchema | undefined;
  /** Real ids (or other real values) for a field or parameter of this name; empty when none. */
  realValues(name: string): readonly string[];
}

// ---- hostile values ------------------------------------------------------------------------

/** Strings that have broken someone's parser, query or renderer before. */
export const nastyStrings: readonly string[] = [
  '',
  ' ',
  '   padded   ',
  '👠👡🩰 high heels 👢',
  '\u202Eطلب الحذاء\u202C',
  'שלום עולם',
  'a\u0000b',
  '\u0000',
  '\u200B\u200D\uFEFF',
  '\uD800',
  'Ǆ̶̧͖̰̥̋͛ȧ̴̡͙̠l̷̜̾g̸̱̀o̵̟̎',
  "' OR 1=1 --",
  "'; DROP TABLE products;--",
  '"; DROP TABLE stock_levels;--',
  "1'); DELETE FROM orders; --",
  '" OR ""="',
  '"a" NEAR b*',
  'NEAR(a b, 2)',
  '*',
  'a AND OR NOT',
  '+-~<>()',
  '%',
  '_%_',
  '\\',
  '\\x00\\u0000',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, literally
  '{{7*7}}${7*7}',
  '../../etc/passwd',
  '%00',
  '%2F%2E%2E',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '1e308',
  '-1',
  '0.5',
  'true',
  '[]',
  '{}',
  'x'.repeat(300),
  'y'.repeat(10_000),
];

/** 100 kB: bigger than any field allows, bigger than the fuzz app's body limit. */
export const hugeString = 'z'.repeat(100_000);

export const nastyNumbers: readonly unknown[] = [
  1e308,
  -1e308,
  -1,
  0,
  0.5,
  -0.5,
  1.000000001,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  5e-324,
  'NaN',
  '1e308',
  '-1',
  '0.5',
  '12abc',
  '',
];

const nastyScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 3, arbitrary: fc.constantFrom(...nastyNumbers) },
  { weight: 1, arbitrary: fc.constant(hugeString) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(true, false, null) },
);

/** A value of the wrong type, or a hostile value of the right one. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: nastyScalar },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>([], {}, [null], { $gt: '' }, { toString: 'x' }, [[[[[]]]]]),
  },
  { weight: 1, arbitrary: fc.array(nastyScalar, { maxLength: 3 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.constantFrom('a', '__proto__', 'constructor', '$where'), nastyScalar),
  },
);

/** Strings that are not ids for a path parameter (never empty and never a dot segment, which URLs normalise away). */
export const junkPathSegments: readonly string[] = [
  'not-an-id',
  '0',
  '-1',
  '1e308',
  '0.5',
  'NaN',
  "' OR 1=1 --",
  "x'; DROP TABLE products;--",
  '"a" NEAR b*',
  '👠',
  '\u202Eطلب',
  'a\u0000b',
  '%',
  'a/b',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '0196a7b4-6c3e-7f00-8000-00000000000g',
  'x'.repeat(2000),
  'null',
];

/** Bodies that are not JSON at all, sent as application/json. */
export const malformedJson: readonly string[] = [
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}{"b":2}',
  '[1,2',
  'NaN',
  'undefined',
  '\u0000',
  '{"a":"\u0000',
  '\uFEFF{"a":1}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  '{"a":1e999999}',
  '',
];

export interface RawBody {
  data: string | Uint8Array;
  contentType?: string;
  /** A Content-Encoding header. */
  encoding?: string;
}

// ---- schema -> arbitrary -------------------------------------------------------------------

const maxDepth = 6;

/** Values the schema accepts (as far as JSON Schema says; zod refinements may still refuse a few). */
export function arbitraryOf(
  schema: JsonSchema,
  ctx: GeneratorContext,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  if (depth > maxDepth) return fc.constant(null);
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const target = ctx.resolve(ref);
    return target ? arbitraryOf(target, ctx, name, depth + 1) : fc.constant(null);
  }
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (branches?.length) return fc.oneof(...branches.map((b) => arbitraryOf(b, ctx, name, depth + 1)));
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...(schema.enum as unknown[]));
  const type = schema.type;
  if (Array.isArray(type))
    return fc.oneof(...type.map((t) => arbitraryOf({ ...schema, type: t }, ctx, name, depth + 1)));
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return integerOf(schema);
    case 'number':
      return fc.oneof(
        { weight: 3, arbitrary: integerOf(schema) },
        { weight: 1, arbitrary: doubleOf(schema) },
      );
    case 'string':
      return stringOf(schema, ctx, name);
    case 'array':
      return fc.array(arbitraryOf((schema.items as JsonSchema | undefined) ?? {}, ctx, name, depth + 1), {
        minLength: num(schema.minItems) ?? 0,
        maxLength: Math.min(num(schema.maxItems) ?? 4, Math.max(num(schema.minItems) ?? 0, 4)),
      });
    case 'object':
      return objectOf(schema, ctx, depth);
    default:
      if (schema.properties) return objectOf(schema, ctx, depth);
      return fc.constantFrom<unknown>('any', 1, true, null);
  }
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function bounds(schema: JsonSchema): { min: number; max: number } {
  const min = num(schema.minimum) ?? (num(schema.exclusiveMinimum) ?? -1_000_001) + 1;
  const max = num(schema.maximum) ?? (num(schema.exclusiveMaximum) ?? 1_000_001) - 1;
  return { min, max };
}

function integerOf(schema: JsonSchema): fc.Arbitrary<number> {
  const { min, max } = bounds(schema);
  const lo = Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER);
  const hi = Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER);
  if (lo > hi) return fc.constant(lo);
  // Small values are the interesting ones for sizes and quantities; the edges are too.
  const clamp = (v: number) => Math.min(Math.max(v, lo), hi);
  const small = fc.integer({ min: clamp(-50), max: clamp(50) });
  // Pipes (`refine(...).pipe(min/max)`) lose their bounds in the document, so small positive
  // values (the usual quantity, size or price) come first.
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: clamp(1), max: clamp(10) }) },
    { weight: 2, arbitrary: small },
    { weight: 1, arbitrary: fc.integer({ min: lo, max: hi }) },
    { weight: 1, arbitrary: fc.constantFrom(lo, hi) },
  );
}

function doubleOf(schema: JsonSchema): fc.Arbitrary<number> {
  const { min, max } = bounds(schema);
  return fc
    .double({ min: Math.max(min, -1e9), max: Math.min(max, 1e9), noNaN: true, noDefaultInfinity: true })
    .map((d) => Math.round(d * 2) / 2)
    .filter((d) => d >= min && d <= max);
}

function stringOf(schema: JsonSchema, ctx: GeneratorContext, name: string): fc.Arbitrary<string> {
  const minLength = num(schema.minLength) ?? 0;
  const maxLength = num(schema.maxLength);
  const real = ctx.realValues(name);
  const fitLength = (s: string) =>
    s.length >= minLength && (maxLength === undefined || s.length <= maxLength)
      ? s
      : s.padEnd(minLength, 'a').slice(0, maxLength ?? s.length);
  let generated: fc.Arbitrary<string>;
  if (schema.format === 'uuid') generated = fc.uuid();
  else if (schema.format === 'date-time') generated = isoDate().map((d) => d.toISOString());
  else if (schema.format === 'date') generated = isoDate().map((d) => d.toISOString().slice(0, 10));
  else if (typeof schema.pattern === 'string') generated = matching(schema.pattern, minLength, maxLength);
  else if (schema.format === 'email' || name === 'email')
    // An email behind a pipe (trim, lower-case, then check) is a plain string in the document.
    generated = fc.stringMatching(/^[a-z][a-z0-9.]{0,10}@[a-z]{1,10}\.(?:com|ie|shop)$/).map(fitLength);
  else
    generated = fc.oneof(
      fc.string({ minLength, maxLength: Math.min(maxLength ?? 40, Math.max(minLength, 40)) }),
      fc.string({
        unit: 'grapheme',
        minLength,
        maxLength: Math.min(maxLength ?? 12, Math.max(minLength, 12)),
      }),
    );
  return real.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, generated) : generated;
}

const isoDate = () =>
  fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  });

function matching(pattern: string, minLength: number, maxLength: number | undefined): fc.Arbitrary<string> {
  try {
    const regex = new RegExp(pattern);
    return fc
      .stringMatching(regex)
      .map((s) =>
        s.length < minLength || (maxLength !== undefined && s.length > maxLength)
          ? s.slice(0, maxLength ?? s.length)
          : s,
      );
  } catch {
    return fc.string({ minLength, maxLength: maxLength ?? 20 });
  }
}

function objectOf(schema: JsonSchema, ctx: GeneratorContext, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = (schema.required as string[] | undefined) ?? [];
  if (!Object.keys(properties).length) {
    const values = schema.additionalProperties;
    if (values && typeof values === 'object') {
      const keys = (schema.propertyNames as JsonSchema | undefined) ?? { type: 'string', maxLength: 8 };
      return fc.dictionary(
        arbitraryOf(keys, ctx, '', depth + 1) as fc.Arbitrary<string>,
        arbitraryOf(values as JsonSchema, ctx, '', depth + 1),
        { maxKeys: 3 },
      );
    }
    return fc.constant({});
  }
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, value]) => [key, arbitraryOf(value, ctx, key, depth + 1)]),
  );
  return fc.record(model, { requiredKeys: required.filter((k) => k in properties) });
}

// ---- breaking a valid value ----------------------------------------------------------------

type Path = (string | number)[];

function pathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value))
    for (const [i, item] of value.entries()) {
      out.push([...at, i]);
      pathsOf(item, [...at, i], out);
    }
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      out.push([...at, key]);
      pathsOf(item, [...at, key], out);
    }
  return out;
}

function withAt(value: unknown, path: Path, replace: (old: unknown) => unknown | typeof remove): unknown {
  if (!path.length) return replace(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = withAt(copy[head as number], rest, replace);
    if (next === remove) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const next = withAt(copy[head as string], rest, replace);
    if (next === remove) delete copy[head as string];
    else copy[head as string] = next;
    return copy;
  }
  return value;
}

const remove = Symbol('remove');

/** A valid value made invalid: a field dropped, a field of the wrong type, an unknown field, or the wrong type altogether. */
export function brokenValue(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      valid,
      fc.nat(),
      nastyValue,
      fc.nat({ max: 9 }),
      fc.constantFrom('unknownField', 'isAdmin', 'id', ''),
    )
    .map(([value, pick, nasty, how, unknownKey]) => {
      const paths = pathsOf(value);
      const path = paths[pick % Math.max(paths.length, 1)];
      if (how <= 1 || !path) return how % 2 ? nasty : [value];
      if (how <= 3) return withAt(value, path, () => remove);
      if (how <= 5 && value && typeof value === 'object' && !Array.isArray(value))
        return { ...(value as object), [unknownKey]: nasty };
      return withAt(value, path, () => nasty);
    });
}

/** Transport faults for a JSON body: malformed JSON, wrong content types, bad encodings, oversize bodies. */
export function transportFault(valid: fc.Arbitrary<unknown>, oversizeBytes: number): fc.Arbitrary<RawBody> {
  const json = (value: unknown) => JSON.stringify(value ?? null);
  return fc.oneof(
    fc.constantFrom(...malformedJson).map((data) => ({ data, contentType: 'application/json' })),
    fc
      .tuple(
        valid,
        fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=xyz',
          'application/xml',
          'text/csv',
          'application/json-patch+json; charset=utf-8',
          'application/json; charset=utf-16',
          'application/json; charset=nonsense',
          'image/png',
          '',
        ),
      )
      .map(([value, contentType]) => ({ data: json(value), contentType })),
    fc
      .tuple(valid, fc.constantFrom('gzip', 'deflate', 'br', 'x-unknown'))
      .map(([value, encoding]) => ({ data: json(value), contentType: 'application/json', encoding })),
    fc.constantFrom<RawBody>(
      { data: json({ padding: 'p'.repeat(oversizeBytes) }), contentType: 'application/json' },
      { data: json({ field: hugeString }), contentType: 'application/json' },
      { data: json(Array.from({ length: oversizeBytes / 4 }, () => 1)), contentType: 'application/json' },
    ),
  );
}

/** Raw bytes for image and webhook routes: never a real image, never a validly signed event. */
export function junkBytes(oversizeBytes: number): fc.Arbitrary<RawBody> {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const jpeg = [0xff, 0xd8, 0xff, 0xe0];
  return fc.oneof(
    fc
      .tuple(
        fc.uint8Array({ maxLength: 512 }),
        fc.constantFrom('image/png', 'image/jpeg', 'application/octet-stream'),
      )
      .map(([data, contentType]) => ({ data, contentType })),
    fc
      .tuple(fc.constantFrom(png, jpeg), fc.uint8Array({ maxLength: 256 }))
      .map(([magic, rest]) => ({ data: Uint8Array.from([...magic, ...rest]), contentType: 'image/png' })),
    fc.constantFrom<RawBody>(
      { data: '', contentType: 'image/png' },
      { data: '{"type":"payment_intent.succeeded","data":{"object":{}}}', contentType: 'application/json' },
      { data: malformedJson[0]!, contentType: 'application/json' },
      { data: new Uint8Array(oversizeBytes + 1), contentType: 'application/octet-stream' },
    ),
  );
}

/** CSV uploads: plausible headers with hostile cells, junk, wrong content types, oversize files. */
export function csvBodies(oversizeBytes: number): fc.Arbitrary<RawBody> {
  const headers = [
    'styleCode,name,brand,category,colour,sizeEu,width,sku,gtin,priceMinor',
    'sku,locationCode,onHand',
    'sku,location,quantity',
    'a,b,c',
    '',
  ];
  const cell = fc.oneof(
    fc.constantFrom(...nastyStrings.filter((s) => s.length < 200)),
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -5, max: 50 }).map(String),
  );
  const row = fc
    .array(cell, { minLength: 1, maxLength: 10 })
    .map((cells) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...headers), fc.array(row, { maxLength: 4 }))
        .map(([header, rows]) => ({ data: [header, ...rows].join('\n'), contentType: 'text/csv' })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<RawBody>(
        { data: 'a,"b\nc', contentType: 'text/csv' },
        { data: '\uFEFFsku;qty\r\nX;1', contentType: 'text/csv; charset=utf-8' },
        { data: 'sku,qty\n1,2', contentType: 'application/json' },
        { data: 'sku,qty\n1,2', contentType: 'text/plain' },
        { data: `sku,qty\n${'A,1\n'.repeat(oversizeBytes / 4 + 10)}`, contentType: 'text/csv' },
      ),
    },
  );
}

/** A query value as sent in a URL: lists comma-separated, everything a string. */
export function queryString(value: unknown): string {
  if (Array.isArray(value)) return value.map(queryString).join(',');
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A stable 32-bit seed per operation, so adding a route does not reshuffle the others' cases. */
export function seedOf(text: string, base: number): number {
  let h = base >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h | 0;
}
