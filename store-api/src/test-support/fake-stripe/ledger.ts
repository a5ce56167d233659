import { invalid, money, randomId, unix } from './common.ts';
import type { FakeContext } from './context.ts';
import type { FakeCharge, FakePaymentIntent, FakeRefund } from './types.ts';

export type Ledger = ReturnType<typeof createLedger>;

export function createLedger(ctx: FakeContext) {
  const { intents, charges, refunds } = ctx;

  // ---- state changes shared by the API and by buildEvent({ apply }) ----

  const getIntent = (id: string, param = 'intent'): FakePaymentIntent => {
    const pi = intents.get(id);
    if (!pi) throw invalid(`No such payment_intent: '${id}'`, 'resource_missing', param, 404);
    return pi;
  };

  const succeed = (pi: FakePaymentIntent, paymentMethod: string) => {
    const charge: FakeCharge = {
      id: randomId('ch'),
      object: 'charge',
      amount: pi.amount,
      amount_captured: pi.amount,
      amount_refunded: 0,
      captured: true,
      created: unix(),
      currency: pi.currency,
      livemode: false,
      metadata: { ...pi.metadata },
      paid: true,
      payment_intent: pi.id,
      payment_method: paymentMethod,
      refunded: false,
      status: 'succeeded',
    };
    charges.set(charge.id, charge);
    Object.assign(pi, {
      status: 'succeeded',
      amount_received: pi.amount,
      latest_charge: charge.id,
      payment_method: paymentMethod,
      last_payment_error: null,
    });
  };

  const decline = (pi: FakePaymentIntent, paymentMethod: string, declineCode: string) => {
    const code = ['expired_card', 'incorrect_cvc'].includes(declineCode) ? declineCode : 'card_declined';
    const error = {
      type: 'card_error',
      code,
      decline_code: declineCode,
      message:
        declineCode === 'insufficient_funds'
          ? 'Your card has insufficient funds.'
          : 'Your card was declined.',
      payment_method: { id: paymentMethod, object: 'payment_method', type: 'card' },
    };
    Object.assign(pi, { status: 'requires_payment_method', last_payment_error: error, payment_method: null });
    return error;
  };

  const cancel = (pi: FakePaymentIntent, reason: string | undefined) => {
    Object.assign(pi, { status: 'canceled', canceled_at: unix(), cancellation_reason: reason ?? null });
  };

  const createRefund = (
    pi: FakePaymentIntent,
    amount: number | undefined,
    reason?: string,
    metadata = {},
  ) => {
    if (pi.status !== 'succeeded' || !pi.latest_charge) {
      throw invalid(
        `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
        'payment_intent_unexpected_state',
        'payment_intent',
      );
    }
    const charge = charges.get(pi.latest_charge)!;
    const left = charge.amount - charge.amount_refunded;
    if (left <= 0) throw invalid(`Charge ${charge.id} has already been refunded.`, 'charge_already_refunded');
    const value = amount ?? left;
    if (value <= 0) throw invalid('Refund amount must be positive.', 'parameter_invalid_integer', 'amount');
    if (value > left) {
      throw invalid(
        `Refund amount (${money(value, charge.currency)}) is greater than unrefunded amount on charge (${money(left, charge.currency)})`,
        'amount_too_large',
        'amount',
      );
    }
    const refund: FakeRefund = {
      id: randomId('re'),
      object: 'refund',
      amount: value,
      balance_transaction: null,
      charge: charge.id,
      created: unix(),
      currency: charge.currency,
      metadata,
      payment_intent: pi.id,
      reason: reason ?? null,
      receipt_number: null,
      source_transfer_reversal: null,
      status: ctx.fake().refundMode,
      transfer_reversal: null,
    };
    refunds.set(refund.id, refund);
    charge.amount_refunded += value;
    charge.refunded = charge.amount_refunded === charge.amount;
    return refund;
  };

  const failRefund = (refund: FakeRefund, reason: string) => {
    if (refund.status === 'failed') return;
    refund.status = 'failed';
    refund.failure_reason = reason;
    const charge = charges.get(refund.charge);
    if (charge) {
      charge.amount_refunded -= refund.amount;
      charge.refunded = false;
    }
  };

  return { getIntent, succeed, decline, cancel, createRefund, failRefund };
}
