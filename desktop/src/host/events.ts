/** GET /events: the backend's events as server-sent events, starting with the current state. */
import express, { type Request, type Response, type Router } from 'express';
import type { Backend, EventName } from '../ipc/index.ts';

const HEARTBEAT_MS = 25_000;

export function eventsRouter(backend: Backend): Router {
  const router = express.Router();
  router.get('/events', async (req: Request, res: Response) => {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    const send = (event: EventName, payload: unknown) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    };
    const unsubscribe = backend.subscribe(send);
    // A page that (re)connects starts from the truth, not from whatever it missed.
    send('session.changed', backend.currentSession());
    const status = await backend.handlers['sync.status']?.({});
    if (status) send('sync.status', status);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
  return router;
}
