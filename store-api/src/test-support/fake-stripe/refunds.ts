import { clone, invalid } from './common.ts';
import type { FakeContext, Handler } from './context.ts';
import type { Ledger } from './ledger.ts';
import { allowOnly, enumParam, integerParam, metadataParam } from './params.ts';
import type { FakePaymentIntent } from './types.ts';

/** Refund endpoints, and charge retrieval (charges only exist to be refunded here). */
export function createRefundHandlers(
  ctx: FakeContext,
  ledger: Ledger,
  autoSend: (type: string, objectId: string) => void,
) {
  const { charges, refunds } = ctx;
  const { getIntent, createRefund } = ledger;

  const createRefundHandler: Handler = (params) => {
    allowOnly(params, ['payment_intent', 'charge', 'amount', 'reason', 'metadata', 'expand']);
    const amount = integerParam(params, 'amount', false);
    const reason = enumParam(params, 'reason', ['duplicate', 'fraudulent', 'requested_by_customer']);
    const metadata = metadataParam(params);
    let pi: FakePaymentIntent;
    if (typeof params.payment_intent === 'string' && params.payment_intent !== '') {
      pi = getIntent(params.payment_intent, 'payment_intent');
    } else if (typeof params.charge === 'string' && params.charge !== '') {
      const charge = charges.get(params.charge);
      if (!charge) throw invalid(`No such charge: '${params.charge}'`, 'resource_missing', 'charge', 404);
      pi = getIntent(charge.payment_intent, 'payment_intent');
    } else {
      throw invalid(
        'One of the following params should be provided for this request: payment_intent or charge.',
        'parameter_missing',
      );
    }
    const refund = createRefund(pi, amount, reason, metadata);
    if (refund.status === 'succeeded') autoSend('charge.refunded', refund.charge);
    return { body: clone(refund) };
  };

  const retrieveRefund: Handler = (params, id) => {
    allowOnly(params, ['expand']);
    const refund = refunds.get(id!);
    if (!refund) throw invalid(`No such refund: '${id}'`, 'resource_missing', 'id', 404);
    return { body: clone(refund) };
  };

  const retrieveCharge: Handler = (params, id) => {
    allowOnly(params, ['expand']);
    const charge = charges.get(id!);
    if (!charge) throw invalid(`No such charge: '${id}'`, 'resource_missing', 'charge', 404);
    return { body: clone(charge) };
  };

  return { createRefundHandler, retrieveRefund, retrieveCharge };
}
