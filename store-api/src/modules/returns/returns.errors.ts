import { DomainError } from '@shoebox/shared';
import type { ErrorCode } from '@shoebox/shared/contracts';

/** Stable error codes of returns and exchanges (catalogued in shared/src/contracts/error-codes.ts). */
export const returnErrors = {
  notFound: () => new DomainError('not_found', 'RETURN_NOT_FOUND', 'No such return.'),
  orderNotShipped: (status: string) =>
    new DomainError(
      'business_rule',
      'RETURN_ORDER_NOT_SHIPPED',
      'Only a shipped or delivered order can be returned.',
      {
        details: { status },
      },
    ),
  windowClosed: (windowDays: number, closedAt: number) =>
    new DomainError(
      'business_rule',
      'RETURN_WINDOW_CLOSED',
      `Returns are accepted for ${windowDays} days after delivery or shipment; this order's window closed on ${new Date(closedAt).toISOString().slice(0, 10)}.`,
      { details: { windowDays, closedAt: new Date(closedAt).toISOString() } },
    ),
  lineUnknown: (id: string) =>
    new DomainError(
      'business_rule',
      'RETURN_LINE_UNKNOWN',
      'That line is not part of this order or return.',
      {
        details: { lineId: id },
      },
    ),
  quantityExceeded: (orderLineId: string, requested: number, returnable: number) =>
    new DomainError(
      'business_rule',
      'RETURN_QUANTITY_EXCEEDED',
      `Only ${returnable} of that line can still be returned; ${requested} asked.`,
      { details: { orderLineId, requested, returnable } },
    ),
  exchangeInvalid: (variantId: string) =>
    new DomainError(
      'business_rule',
      'EXCHANGE_VARIANT_INVALID',
      'An exchange must be another size or colour of the same product.',
      { details: { exchangeVariantId: variantId } },
    ),
  inspectionIncomplete: (missing: readonly string[]) =>
    new DomainError('business_rule', 'RETURN_INSPECTION_INCOMPLETE', 'Inspect every line of the return.', {
      details: { missing },
    }),
  stateConflict: (status: string, wanted: string) =>
    new DomainError('conflict', 'RETURN_STATE_CONFLICT', `The return is ${status}; it cannot be ${wanted}.`, {
      details: { status },
    }),
};

/** The codes each route can answer with (documentation). */
export const returnErrorCodes = {
  request: [
    'ORDER_NOT_FOUND',
    'RETURN_ORDER_NOT_SHIPPED',
    'RETURN_WINDOW_CLOSED',
    'RETURN_LINE_UNKNOWN',
    'RETURN_QUANTITY_EXCEEDED',
    'EXCHANGE_VARIANT_INVALID',
    'INSUFFICIENT_STOCK',
  ] satisfies ErrorCode[],
  read: ['RETURN_NOT_FOUND'] satisfies ErrorCode[],
  receive: [
    'RETURN_NOT_FOUND',
    'RETURN_STATE_CONFLICT',
    'RETURN_LINE_UNKNOWN',
    'RETURN_INSPECTION_INCOMPLETE',
  ] satisfies ErrorCode[],
  refund: [
    'RETURN_NOT_FOUND',
    'RETURN_STATE_CONFLICT',
    'REFUND_EXCEEDS_REFUNDABLE',
    'REFUND_FAILED',
  ] satisfies ErrorCode[],
};
