/**
 * Browser mode's raw bridge: `invoke` is a POST to /rpc, `on` listens to /events (SSE, which
 * reconnects by itself). Problem answers become the same envelope Electron's IPC gives.
 */
import type { Envelope, IpcError, RawBridge } from '../../ipc/index.ts';

export function createHttpBridge(base = ''): RawBridge {
  let source: EventSource | undefined;
  const eventSource = () => {
    source ??= new EventSource(`${base}/events`);
    return source;
  };

  return {
    async invoke(name, args): Promise<Envelope> {
      let res: Response;
      try {
        res = await fetch(`${base}/rpc`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name, args }),
        });
      } catch {
        return { ok: false, error: hostUnreachable };
      }
      const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
      if (res.ok && body && 'value' in body) return { ok: true, value: body.value };
      return { ok: false, error: problemToError(res.status, body) };
    },
    on(event, listener) {
      const handle = (e: MessageEvent<string>) => listener(JSON.parse(e.data));
      const es = eventSource();
      es.addEventListener(event, handle as EventListener);
      return () => es.removeEventListener(event, handle as EventListener);
    },
  };
}

const hostUnreachable: IpcError = {
  kind: 'external',
  code: 'HOST_UNREACHABLE',
  message: 'The back office app is not running. Start it again, then reload this page.',
};

function problemToError(status: number, body: Record<string, unknown> | null): IpcError {
  if (body && typeof body.code === 'string' && typeof body.kind === 'string') {
    return {
      kind: body.kind as IpcError['kind'],
      code: body.code,
      message: typeof body.detail === 'string' ? body.detail : body.code,
      ...(body.details ? { details: body.details as Record<string, unknown> } : {}),
      ...(Array.isArray(body.errors) ? { errors: body.errors as IpcError['errors'] } : {}),
    };
  }
  return { kind: 'internal', code: `HTTP_${status}`, message: `The app answered ${status}.` };
}
