import { newId } from '@shoebox/shared';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import type { Actor, RequestContext } from '../lib/request-context.ts';
import { authorize } from './authorize.ts';
import { fromZodError } from './problem.ts';
import { type RateLimitName, type RouteSpec, SENT } from './route.ts';
import { httpErrors } from './http.errors.ts';

export interface MountDeps {
  log: Logger;
  authenticate(authorization: string | undefined): Promise<Actor>;
  rateLimiters: Record<RateLimitName, express.RequestHandler>;
  bodyLimitBytes: number;
  rawLimitBytes: number;
}

/**
 * Registers each declared route: rate limit, auth, body parser, validation, handler, response.
 * Routes are grouped under one sub-router per first path segment (/admin, /store, /media), so a
 * store read is matched against the store routes only, not against every admin route first.
 */
export function mountRoutes(app: Router, routes: readonly RouteSpec[], deps: MountDeps): void {
  const routers = new Map<string, Router>();
  for (const spec of routes) {
    const prefix = `/${spec.path.split('/')[1]}`;
    let router = routers.get(prefix);
    if (!router) {
      router = express.Router();
      routers.set(prefix, router);
      app.use(prefix, router);
    }
    const handlers: express.RequestHandler[] = [];
    if (spec.rateLimit) handlers.push(deps.rateLimiters[spec.rateLimit]);
    // Authenticate before reading the body, so an anonymous caller cannot make us buffer uploads.
    handlers.push(async (req, res, next) => {
      res.locals.ctx = await buildContext(req, res, spec, deps);
      next();
    });
    handlers.push(...bodyParsers(spec, deps));
    handlers.push(async (req, res) => {
      const ctx = res.locals.ctx as RequestContext;
      const result = await spec.handler(ctx, {
        body: parse(spec.body, spec.bodyKind === 'json' || !spec.bodyKind ? req.body : undefined, 'body'),
        query: parse(spec.query, req.query, 'query'),
        params: parse(spec.params, req.params, 'params'),
        raw: Buffer.isBuffer(req.body) ? req.body : undefined,
        req,
        res,
      });
      if (result === SENT) return;
      const status = spec.status ?? 200;
      if (status === 204 || result === undefined) res.status(status === 200 ? 204 : status).end();
      else res.status(status).json(result);
    });
    router[spec.method](spec.path.slice(prefix.length) || '/', ...handlers);
  }
}

async function buildContext(
  req: Request,
  res: Response,
  spec: RouteSpec,
  deps: MountDeps,
): Promise<RequestContext> {
  const requestId = String(res.locals.requestId);
  const actor =
    spec.access === 'public'
      ? await optionalActor(req, deps)
      : await deps.authenticate(req.headers.authorization);
  authorize(actor, spec.access);
  return { requestId, log: deps.log.child({ requestId }), actor, now: Date.now() };
}

/** Public routes ignore a missing or stale token rather than refusing the request. */
async function optionalActor(req: Request, deps: MountDeps): Promise<Actor> {
  if (!req.headers.authorization) return { type: 'anonymous' };
  return deps.authenticate(req.headers.authorization).catch(() => ({ type: 'anonymous' }) as const);
}

function parse(schema: RouteSpec['body'], value: unknown, where: 'body' | 'query' | 'params') {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}), { reportInput: true });
  if (!result.success) throw fromZodError(result.error, where);
  return result.data;
}

function bodyParsers(spec: RouteSpec, deps: MountDeps): express.RequestHandler[] {
  const kind = spec.bodyKind ?? 'json';
  if (kind === 'json') {
    if (!spec.body) return [rejectBody];
    return [requireType('application/json'), express.json({ limit: deps.bodyLimitBytes, strict: false })];
  }
  if (kind === 'csv')
    return [requireType('text/csv'), express.raw({ type: () => true, limit: deps.rawLimitBytes })];
  return [express.raw({ type: () => true, limit: deps.rawLimitBytes })];
}

function requireType(type: string): express.RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.is(type)) {
      return next(httpErrors.unsupportedMediaType(type, req.headers['content-type'] ?? null));
    }
    next();
  };
}

/** Routes without a body schema accept none, so stray input is never silently ignored. */
function rejectBody(req: Request, _res: Response, next: NextFunction): void {
  const length = Number(req.headers['content-length'] ?? 0);
  const hasBody = length > 0 || Boolean(req.headers['transfer-encoding']);
  next(hasBody ? httpErrors.unexpectedBody() : undefined);
}

export const requestIdMiddleware: express.RequestHandler = (req, res, next) => {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && /^[\w.:-]{1,64}$/.test(incoming) ? incoming : newId();
  res.locals.requestId = id;
  res.setHeader('x-request-id', id);
  next();
};
