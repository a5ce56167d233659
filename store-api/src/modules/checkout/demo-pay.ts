import { DomainError } from '@shoebox/shared';
import type { DemoPayBody, DemoPayResult } from '@shoebox/shared/contracts';
import type { FlowDeps } from '../../flows/deps.ts';
import { findOrder, findOrderByNumber, orderErrors } from '../orders/index.ts';
import { isDemoProvider, paymentErrorCodes } from '../../integrations/payments/index.ts';
import { checkoutErrors } from './checkout.errors.ts';

/**
 * The demo card form: pays an order's demo intent with a test card number. The confirmation goes
 * through the listener registered at start (the same `confirmPayment` Stripe webhooks use); this
 * waits for it and answers with the order's status afterwards. The card number is only handed to
 * the demo provider, which keeps nothing of it.
 */
export async function demoPay(deps: FlowDeps, body: DemoPayBody): Promise<DemoPayResult> {
  const payments = deps.payments;
  if (!isDemoProvider(payments)) throw checkoutErrors.demoPaymentsDisabled();
  const order = await findOrderByNumber(deps.store.db, deps.store, body.orderNumber);
  if (!order || order.email !== body.email) throw orderErrors.notFound();
  if (!order.paymentIntentId || order.status !== 'pending_payment')
    throw orderErrors.notPayable(order.number, order.status);
  const event = await payments.confirmDemoPayment(order.paymentIntentId, body.cardNumber).catch((e) => {
    // A concurrent payment of the same order got to the intent first (seen on MySQL, where the
    // order row can still read pending_payment): the same answer as when its status shows it.
    if (e instanceof DomainError && e.code === paymentErrorCodes.intentUnexpectedState)
      throw orderErrors.beingPaid(order.number);
    throw e;
  });
  await payments.idle();
  const after = await findOrder(deps.store.db, deps.store, order.id);
  return {
    orderNumber: order.number,
    status: after?.status ?? order.status,
    outcome: event.type === 'payment.succeeded' ? 'payment.succeeded' : 'payment.failed',
    failureCode: event.failureCode ?? null,
  };
}
