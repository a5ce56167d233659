/** The system probes, mounted by hand in system.routes.ts rather than through defineRoute. */
import type { Json, OpenApiDocument } from './openapi-types.ts';

export function systemPaths(): OpenApiDocument['paths'] {
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
