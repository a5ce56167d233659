/**
 * Broken input for the fuzz pass (fuzz.test.ts): valid values from the schemas (fuzz-schema.ts)
 * with a field made wrong, missing or unknown or a hostile value (fuzz-hostile.ts), malformed
 * JSON, wrong content types, junk bytes and oversize bodies.
 */
import fc from 'fast-check';
import { hugeString, malformedJson, nastyStrings, nastyValue, type RawBody } from './fuzz-hostile.ts';

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
