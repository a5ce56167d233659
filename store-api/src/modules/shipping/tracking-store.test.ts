import { describe, expect, it } from 'vitest';
import { useFulfillmentApp } from '../../test-support/fulfillment-fixtures.ts';
import { testDialect } from '../../test-support/harness.ts';

// The public tracking answer behind the storefront's /track/<number> page, and the site-root SEO files.
describe(`public parcel tracking and sitemap (${testDialect})`, () => {
  const f = useFulfillmentApp();
  const { seed } = f;
  const track = (n: string) => seed.t.call('GET', `/store/tracking/${encodeURIComponent(n)}`);

  it('answers a parcel’s status and events by tracking number, with nothing that names the customer', async () => {
    const order = await f.packed([[37, 1]], 'Ingrid Privatperson');
    const bought = await f.post('/admin/shipments', { orderId: order.id });
    expect(bought.status, bought.text).toBe(201);
    const number = bought.body.trackingNumber as string;
    const moved = await f.post(`/admin/shipments/${bought.body.id}/tracking`, {
      status: 'handed_over',
      message: 'Given to Ingrid Privatperson at the door',
    });
    expect(moved.status, moved.text).toBe(200);

    const answer = await track(number);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({
      trackingNumber: number,
      carrier: 'house',
      trackingStatus: 'handed_over',
      deliveredAt: null,
    });
    expect(answer.body.events.map((e: { status: string }) => e.status)).toEqual([
      'label_created',
      'handed_over',
    ]);
    // No order number, name, address or staff message leaks to whoever holds the number.
    expect(answer.text).not.toContain('Privatperson');
    expect(answer.text).not.toContain(order.number);
    expect(answer.body).not.toHaveProperty('orderId');
  });

  it('answers 404 for an unknown or voided number and 400 for a malformed one', async () => {
    const unknown = await track('SBX-0000000-0');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('SHIPMENT_NOT_FOUND');

    const order = await f.packed([[38, 1]]);
    const bought = await f.post('/admin/shipments', { orderId: order.id });
    expect(bought.status, bought.text).toBe(201);
    const voided = await f.post(`/admin/shipments/${bought.body.id}/void`, { reason: 'Wrong box' });
    expect(voided.status, voided.text).toBe(200);
    const gone = await track(bought.body.trackingNumber);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('SHIPMENT_NOT_FOUND');

    const malformed = await track('<script>');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
  });

  it('serves sitemap.xml with the listed products and robots.txt naming it, on the shop’s public URL', async () => {
    const origin = seed.t.config.storefrontUrl;
    const sitemap = await seed.t.call('GET', '/sitemap.xml');
    expect(sitemap.status).toBe(200);
    expect(sitemap.headers.get('content-type')).toContain('application/xml');
    const slug = (await seed.t.call('GET', '/store/products?pageSize=1')).body.items[0].slug as string;
    expect(sitemap.text).toContain(`<loc>${origin}/p/${slug}</loc>`);
    expect(sitemap.text).toContain(`<loc>${origin}/</loc>`);
    expect(sitemap.text).not.toContain('/checkout');

    const robots = await seed.t.call('GET', '/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.text).toContain(`Sitemap: ${origin}/sitemap.xml`);
    expect(robots.text).toContain('Disallow: /checkout');
  });
});
