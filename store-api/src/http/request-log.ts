import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** One structured line per request, with the request id every response echoes. */
export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    if (!log.isLevelEnabled('info')) return next();
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      log.info(
        {
          requestId: res.locals.requestId,
          method: req.method,
          url: req.originalUrl,
          status: res.statusCode,
          // The client as TRUST_PROXY lets us see it: the peer, or what a trusted proxy reported.
          ip: req.ip,
          ms: Number(process.hrtime.bigint() - start) / 1e6,
        },
        'request',
      );
    });
    next();
  };
}
