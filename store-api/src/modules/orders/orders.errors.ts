import { DomainError, type IllegalOrderTransition } from '@shoebox/shared';
import { commonErrors } from '../../lib/common.errors.ts';

/** Stable error codes of the order desk and the customer order pages. */
export const orderErrors = {
  notFound: () => new DomainError('not_found', 'ORDER_NOT_FOUND', 'No such order.'),
  illegalTransition: (e: IllegalOrderTransition) =>
    new DomainError(
      'conflict',
      'ILLEGAL_ORDER_TRANSITION',
      `An order in status ${e.from} cannot ${e.event.replace('_', ' ')}.`,
      { details: { from: e.from, event: e.event } },
    ),
  versionConflict: (current: number) =>
    commonErrors.versionConflict('The order changed meanwhile; reload it and try again.', {
      currentVersion: current,
    }),
  notPayable: (number: string, status: string) =>
    new DomainError('conflict', 'ORDER_NOT_PAYABLE', `Order ${number} is ${status}; it cannot be paid now.`, {
      details: { status },
    }),
  /** A concurrent payment of the same order reached the payment intent first. */
  beingPaid: (number: string) =>
    new DomainError('conflict', 'ORDER_NOT_PAYABLE', `Order ${number} is being paid already.`, {
      details: { status: 'pending_payment' },
    }),
  notPaid: (status: string) =>
    new DomainError('business_rule', 'ORDER_NOT_PAID', 'Only a paid order can be refunded.', {
      details: { status },
    }),
  refundExceedsRefundable: (requestedMinor: number, refundableMinor: number) =>
    new DomainError(
      'business_rule',
      'REFUND_EXCEEDS_REFUNDABLE',
      `At most ${refundableMinor} can still be refunded; ${requestedMinor} was asked.`,
      { details: { requestedMinor, refundableMinor } },
    ),
  refundFailed: (refundId: string, providerCode: string) =>
    new DomainError(
      'external',
      'REFUND_FAILED',
      'The payment provider did not make the refund. It is recorded as failed; check the provider dashboard before trying again.',
      { details: { refundId, providerCode } },
    ),
};

export const orderErrorCodes = {
  read: ['ORDER_NOT_FOUND'],
  transition: ['ORDER_NOT_FOUND', 'ILLEGAL_ORDER_TRANSITION', 'VERSION_CONFLICT'],
  cancel: ['ORDER_NOT_FOUND', 'ILLEGAL_ORDER_TRANSITION', 'VERSION_CONFLICT'],
  refund: ['ORDER_NOT_FOUND', 'ORDER_NOT_PAID', 'REFUND_EXCEEDS_REFUNDABLE', 'REFUND_FAILED'],
} as const;
