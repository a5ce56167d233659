/** The shapes the OpenAPI generator produces (generate.ts re-exports them). */
import type { HttpMethod } from '../route.ts';

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
