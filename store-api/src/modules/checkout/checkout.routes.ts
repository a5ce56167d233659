import {
  cartTokenHeaders,
  checkoutResult,
  demoPayBody,
  demoPayResult,
  stripeWebhookHeaders,
  webhookReceived,
} from '@shoebox/shared/contracts';
import type { Logger } from 'pino';
import { type CheckoutService, type FlowDeps, type FlowServices, flowDeps } from '../../flows/deps.ts';
import { confirmPayment } from '../../flows/confirm-payment.flow.ts';
import { placeOrder } from '../../flows/place-order.flow.ts';
import { defineRoute, SENT } from '../../http/route.ts';
import { isDemoProvider } from '../../integrations/payments/index.ts';
import { demoPay } from './demo-pay.ts';
import { cartErrors } from '../cart/index.ts';

type CheckoutServices = FlowServices;

const cartTokenOf = (header: string | string[] | undefined): string => {
  const token = Array.isArray(header) ? header[0] : header;
  if (!token || token.length > 200) throw cartErrors.tokenHeaderRequired();
  return token;
};

/** Checkout, the demo card form and the Stripe webhook. */
export const checkoutRoutes = (services: CheckoutServices) => {
  const deps: FlowDeps = flowDeps(services);
  return [
    defineRoute({
      method: 'post',
      path: '/store/checkout',
      summary: 'Place an order from the cart (X-Cart-Token): reserves the stock and starts the payment',
      tag: 'Checkout',
      access: 'public',
      rateLimit: 'checkout',
      response: checkoutResult,
      status: 201,
      otherAnswers: [
        {
          status: 200,
          description: 'A repeated checkout of the same cart: the order made the first time, again.',
        },
      ],
      headers: cartTokenHeaders,
      errors: [
        'CART_TOKEN_REQUIRED',
        'CART_NOT_FOUND',
        'CART_NOT_OPEN',
        'CART_EMPTY',
        'EMAIL_REQUIRED',
        'SHIPPING_REQUIRED',
        'VARIANT_NOT_SELLABLE',
        'INSUFFICIENT_STOCK',
        'COUPON_USAGE_LIMIT_REACHED',
        'COUPON_NOT_STARTED',
        'COUPON_EXPIRED',
        'COUPON_CURRENCY_MISMATCH',
        'COUPON_REQUIRES_ACCOUNT',
        'COUPON_CUSTOMER_LIMIT_REACHED',
        'COUPON_MINIMUM_SPEND_NOT_MET',
        'COUPON_NOT_APPLICABLE',
        'PAYMENT_PROVIDER_UNAVAILABLE',
        'PAYMENT_PROVIDER_ERROR',
        'RATE_LIMITED',
      ],
      handler: async (ctx, { req, res }) => {
        const token = cartTokenOf(req.headers['x-cart-token']);
        const { created, result } = await placeOrder({ ...deps, log: ctx.log }, ctx, token);
        if (created) return result;
        // A double submit: the first order again, 200 rather than the route's 201.
        res.status(200).json(result);
        return SENT;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/store/checkout/demo-pay',
      summary: 'Demo mode only: pay an order with a test card number (never stored or logged)',
      tag: 'Checkout',
      access: 'public',
      body: demoPayBody,
      response: demoPayResult,
      errors: ['DEMO_PAYMENTS_DISABLED', 'ORDER_NOT_FOUND', 'ORDER_NOT_PAYABLE', 'CARD_NUMBER_INVALID'],
      handler: (_ctx, { body }) => demoPay(deps, body),
    }),
    defineRoute({
      method: 'post',
      path: '/webhooks/stripe',
      summary: 'Stripe webhook: signature-verified on the raw body, each event processed once',
      tag: 'Checkout',
      access: 'public',
      bodyKind: 'raw',
      response: webhookReceived,
      headers: stripeWebhookHeaders,
      errors: ['WEBHOOK_SIGNATURE_INVALID'],
      handler: async (ctx, { raw, req }) => {
        const signature = req.headers['stripe-signature'];
        const event = deps.payments.parseWebhook(
          raw ?? Buffer.alloc(0),
          Array.isArray(signature) ? signature[0] : signature,
        );
        await confirmPayment({ ...deps, log: ctx.log }, event, { now: ctx.now });
        return { received: true as const };
      },
    }),
  ];
};

/** In demo mode, demo payments go through the same confirmation as Stripe webhooks. Call once at app start. */
export function wireDemoPayments(services: CheckoutServices, log: Logger): void {
  if (!isDemoProvider(services.payments)) return;
  const deps = flowDeps(services, log);
  services.payments.onEvent(async (event) => {
    await confirmPayment(deps, event);
  });
}
export type { CheckoutService };
