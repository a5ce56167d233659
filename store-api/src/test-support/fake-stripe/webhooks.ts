import { createHmac } from 'node:crypto';
import { unix } from './common.ts';
import type { FakeContext } from './context.ts';
import type { FakeEvent, SendWebhookOptions, WebhookDelivery } from './types.ts';

/** Signs and POSTs events exactly as Stripe does; autoSend is what state-changing API calls use. */
export function createWebhooks(ctx: FakeContext) {
  const { options, deliveries, inFlight } = ctx;

  const autoSend = (type: string, objectId: string) => {
    if (!ctx.fake().autoWebhooks || !ctx.fake().webhookUrl) return;
    const event = ctx.fake().buildEvent(type, objectId, { apply: false });
    const p = ctx
      .fake()
      .sendWebhook(event)
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  const signatureHeader = (payload: string, timestampSeconds = unix(), secret = options.webhookSecret) => {
    const signature = createHmac('sha256', secret)
      .update(`${timestampSeconds}.${payload}`, 'utf8')
      .digest('hex');
    return `t=${timestampSeconds},v1=${signature}`;
  };

  async function sendWebhook(event: FakeEvent, opts: SendWebhookOptions = {}): Promise<WebhookDelivery> {
    const url = opts.url ?? ctx.fake().webhookUrl;
    if (!url) throw new Error('fake-stripe: no webhookUrl to deliver to');
    // Stripe sends pretty-printed JSON: a receiver that re-serialises the parsed body cannot verify it.
    const payload = JSON.stringify(event, null, 2);
    const timestamp = opts.timestamp ?? unix();
    const header = signatureHeader(
      payload,
      timestamp,
      opts.badSignature ? `${options.webhookSecret}_wrong` : options.webhookSecret,
    );
    let body = payload;
    if (opts.tamper === true) {
      const object = event.data.object;
      body = JSON.stringify(
        {
          ...event,
          data: { ...event.data, object: { ...object, amount: Number(object.amount ?? 0) + 100 } },
        },
        null,
        2,
      );
    } else if (typeof opts.tamper === 'function') {
      body = opts.tamper(payload);
    }
    const statuses: number[] = [];
    let responseBody = '';
    for (let i = 0; i < (opts.times ?? 1); i++) {
      try {
        const res = await ctx.fake().webhookFetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
            ...(opts.omitSignature ? {} : { 'stripe-signature': header }),
          },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        statuses.push(res.status);
        responseBody = await res.text();
      } catch {
        statuses.push(0);
        responseBody = '';
      }
    }
    const delivery: WebhookDelivery = { event, status: statuses.at(-1) ?? 0, statuses, responseBody };
    deliveries.push(delivery);
    return delivery;
  }

  return { autoSend, signatureHeader, sendWebhook };
}
