/** zod contracts -> JSON Schema for the OpenAPI document, hoisting named contracts into components. */
import * as contracts from '@shoebox/shared/contracts';
import { z } from 'zod';
import type { Json } from './openapi-types.ts';

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
export class SchemaCollector {
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
