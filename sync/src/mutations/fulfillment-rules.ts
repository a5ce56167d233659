import { normalizeGtin, normalizeSku, type Result } from '@shoebox/shared';
import type { EntityRow } from '../protocol/entities.ts';
import { type DomainReader, type Rejection, reject } from './types.ts';

/** What the warehouse mutations share: finding a pick line, and the order a step is about. */

type Batch = EntityRow<'pickBatch'>;
type Line = Batch['lines'][number];

/** The batch and its line, still open (a line is confirmed or shorted once). */
export const openPickLine = async (
  read: DomainReader,
  batchId: string,
  lineId: string,
): Promise<Result<{ batch: Batch; line: Line }, Rejection>> => {
  const batch = await read.get('pickBatch', batchId);
  if (!batch) return reject('PICK_BATCH_NOT_FOUND', 'This pick batch does not exist.', { batchId });
  const line = batch.lines.find((l) => l.id === lineId);
  if (!line) return reject('PICK_LINE_NOT_FOUND', 'This pick batch has no such line.', { lineId });
  if (line.status !== 'open')
    return reject('PICK_LINE_CLOSED', `This line is already ${line.status}.`, {
      lineId,
      status: line.status,
    });
  return { ok: true, value: { batch, line } };
};

/** A scan at the bin is the line's item: its GTIN or its SKU. */
export const scanMatches = (scan: string, sku: string, gtin: string | null): boolean =>
  (gtin !== null && normalizeGtin(scan) === gtin) || normalizeSku(scan) === normalizeSku(sku);

/**
 * The order a warehouse step is for, in the status the step needs. A cancelled order gets its
 * own code: the device shows it under "Needs attention" with the label to void (decision 0040).
 */
export const orderFor = async (
  read: DomainReader,
  orderId: string,
  status: EntityRow<'order'>['status'],
  step: string,
  details: Record<string, unknown> = {},
): Promise<Result<EntityRow<'order'>, Rejection>> => {
  const order = await read.get('order', orderId);
  if (!order) return reject('ORDER_NOT_FOUND', 'This order does not exist.', { orderId });
  if (order.status === 'cancelled')
    return reject('ORDER_CANCELLED', `Order ${order.number} was cancelled: it cannot be ${step}.`, {
      orderId,
      orderNumber: order.number,
      ...details,
    });
  if (order.status !== status)
    return reject(
      'ILLEGAL_ORDER_TRANSITION',
      `Order ${order.number} is ${order.status.replace('_', ' ')}: it cannot be ${step} now.`,
      { orderId, from: order.status },
    );
  return { ok: true, value: order };
};
