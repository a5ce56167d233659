/**
 * fast-check arbitraries from the OpenAPI document's JSON Schemas (which zod 4 wrote from the
 * contracts), for the fuzz pass. The JSON Schema subset handled is the one the contracts produce:
 * object (properties, required, additionalProperties/propertyNames as a record), string
 * (minLength, maxLength, pattern, format uuid/email/date-time/date), number and integer (minimum,
 * maximum, exclusive bounds), boolean, enum, const, array (items, minItems, maxItems), type lists
 * with null, anyOf/oneOf and $ref.
 */
import fc from 'fast-check';

export type JsonSchema = Record<string, unknown>;

export interface GeneratorContext {
  /** Resolves `#/components/schemas/X`. */
  resolve(ref: string): JsonSchema | undefined;
  /** Real ids (or other real values) for a field or parameter of this name; empty when none. */
  realValues(name: string): readonly string[];
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
