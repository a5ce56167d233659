import { DomainError } from '@shoebox/shared';
import { pickBatchView, shipmentView, trackingBlockView } from '@shoebox/shared/contracts';
import { z } from 'zod';
import { ipcError } from '../../ipc/index.ts';
import type { BackendConfig } from '../config.ts';
import type { SyncAuth } from '../sync/sync-auth.ts';

/**
 * The warehouse calls only the server can answer: reserving tracking numbers, making a pick batch
 * (orders move to `picking` there), advancing a house parcel, refunding a return. Offline, each
 * says so plainly (API_UNREACHABLE); the API's own refusals keep their code and message.
 */
export function createFulfillmentServer(
  config: Pick<BackendConfig, 'apiUrl' | 'requestTimeoutMs'>,
  auth: SyncAuth,
) {
  const unreachable = (what: string) =>
    ipcError(
      'API_UNREACHABLE',
      `${what} needs the shop server, which cannot be reached right now. Try again once the app is back online.`,
    );

  async function send<S extends z.ZodType>(
    what: string,
    method: string,
    path: string,
    schema: S,
    body?: unknown,
  ) {
    const token = await auth.accessToken();
    if (!token) throw unreachable(what);
    let response: Response;
    try {
      response = await fetch(new URL(path, config.apiUrl), {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(config.requestTimeoutMs),
      });
    } catch {
      throw unreachable(what);
    }
    const json = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (!response.ok) {
      if (json && typeof json.code === 'string')
        throw DomainError.from({
          kind:
            response.status === 404 ? 'not_found' : response.status === 409 ? 'conflict' : 'business_rule',
          code: json.code,
          message: String(json.detail ?? json.title ?? 'The shop server refused this.'),
          ...(json.details ? { details: json.details as Record<string, unknown> } : {}),
        });
      throw unreachable(what);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw ipcError(
        'API_ANSWER_INVALID',
        'The shop server answered with something this app does not understand.',
      );
    return parsed.data as z.output<S>;
  }

  return {
    reserveBlock: (deviceId: string, size: number) =>
      send('Reserving tracking numbers', 'POST', '/admin/carriers/house/tracking-blocks', trackingBlockView, {
        deviceId,
        size,
      }),
    createBatch: (body: unknown) =>
      send('Making a pick batch', 'POST', '/admin/pick-batches', pickBatchView, body),
    track: (shipmentId: string, status: string) =>
      send(
        'Advancing a parcel',
        'POST',
        `/admin/shipments/${encodeURIComponent(shipmentId)}/tracking`,
        shipmentView,
        {
          status,
        },
      ),
    refundReturn: (returnId: string) =>
      send('A refund', 'POST', `/admin/returns/${encodeURIComponent(returnId)}/refund`, z.unknown()),
  };
}
export type FulfillmentServer = ReturnType<typeof createFulfillmentServer>;
