/**
 * POST /rpc { name, args }: the browser-mode transport of the handler map. Success is 200
 * `{ value }`; a refusal is RFC 9457 problem+json with the handler error's kind, code and fields,
 * at the status of its kind (the same table the API uses).
 */
import { statusOfKind } from '@shoebox/shared';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { type Backend, dispatch, type IpcError, ipcError, toIpcError } from '../ipc/index.ts';

const rpcBody = z.strictObject({ name: z.string().min(1).max(100), args: z.unknown().optional() });

export function rpcRouter(backend: Backend, log: (e: unknown) => void): Router {
  const router = express.Router();
  router.post(
    '/rpc',
    requireJson,
    // Image files cross as base64 within the contract's limits (products.uploadImage: 10 MB of
    // file, about 14 MB of text); the handler's schema is the real limit.
    express.json({ limit: '16mb', strict: false }),
    async (req: Request, res: Response) => {
      const body = rpcBody.safeParse(req.body);
      if (!body.success) {
        sendProblem(
          res,
          toIpcError(ipcError('IPC_ARGS_INVALID', 'Send { "name": "<handler>", "args": { ... } } as JSON.')),
        );
        return;
      }
      const envelope = await dispatch(backend, body.data.name, body.data.args, log);
      if (envelope.ok) res.json({ value: envelope.value });
      else sendProblem(res, envelope.error);
    },
  );
  return router;
}

function requireJson(req: Request, _res: Response, next: NextFunction): void {
  next(
    req.is('application/json')
      ? undefined
      : ipcError('IPC_ARGS_INVALID', 'Send the call as application/json.', {
          details: { received: req.headers['content-type'] ?? null },
        }),
  );
}

export function sendProblem(res: Response, error: IpcError): void {
  const status = statusOfKind[error.kind];
  res
    .status(status)
    .type('application/problem+json')
    .json({
      type: 'about:blank',
      title: error.code,
      status,
      detail: error.message,
      kind: error.kind,
      code: error.code,
      ...(error.details ? { details: error.details } : {}),
      ...(error.errors ? { errors: error.errors } : {}),
    });
}

/** The last middleware: anything thrown (bad JSON, refused origin) becomes a problem answer. */
export function problemHandler(log: (e: unknown) => void) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    if (isBodyParserError(err)) {
      const code = err.type === 'entity.too.large' ? 'too large' : 'not valid JSON';
      sendProblem(res, toIpcError(ipcError('IPC_ARGS_INVALID', `The request body is ${code}.`)));
      return;
    }
    sendProblem(res, toIpcError(err, log));
  };
}

function isBodyParserError(err: unknown): err is { type: string } {
  return typeof err === 'object' && err !== null && typeof (err as { type?: unknown }).type === 'string';
}
