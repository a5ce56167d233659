import { houseSerialOf, houseTrackingNumber, isHouseTrackingNumber } from '@shoebox/shared';
import { describe, expect, it } from 'vitest';
import { useFulfillmentApp } from '../../test-support/fulfillment-fixtures.ts';
import { tableCounts, testDialect } from '../../test-support/harness.ts';

// Tracking-number blocks, the real-carrier adapter against its fake, and bad input everywhere.
describe(`carriers and shipments (${testDialect})`, () => {
  const f = useFulfillmentApp();
  const { seed } = f;

  it('reserves tracking blocks that never overlap, even when devices ask at the same time', async () => {
    const asks = Array.from({ length: 8 }, (_, i) =>
      f.post('/admin/carriers/house/tracking-blocks', { deviceId: `device-${i % 2}`, size: 25 + i }),
    );
    const blocks = (await Promise.all(asks)).map((r) => {
      expect(r.status, r.text).toBe(201);
      return r.body as {
        firstSerial: number;
        lastSerial: number;
        holder: string;
        firstTrackingNumber: string;
      };
    });
    const sorted = [...blocks].sort((a, b) => a.firstSerial - b.firstSerial);
    for (const [i, b] of sorted.entries()) {
      expect(b.lastSerial - b.firstSerial + 1).toBeGreaterThanOrEqual(25);
      if (i > 0) expect(b.firstSerial).toBe(sorted[i - 1]!.lastSerial + 1);
      expect(b.firstTrackingNumber).toBe(houseTrackingNumber(b.firstSerial));
    }
    // The API's own labels come from the same counter, after every block handed out.
    const order = await f.packed([[37, 1]]);
    const label = await f.post('/admin/shipments', { orderId: order.id });
    expect(label.status, label.text).toBe(201);
    expect(houseSerialOf(label.body.trackingNumber)).toBeGreaterThan(sorted.at(-1)!.lastSerial);
    const audit = await seed.t.call('GET', '/admin/audit-log?entity=tracking_block', {
      token: seed.t.tokens.owner,
    });
    expect(audit.body.items.length).toBeGreaterThanOrEqual(8);
  });

  it('buys, tracks and voids through the ParcelHub adapter against its fake API', async () => {
    const order = await f.packed([[38, 1]], 'Ærøskøbing Jensen');
    const bad = await f.post('/admin/shipments', {
      orderId: order.id,
      carrier: 'parcelhub',
      service: 'teleport',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('CARRIER_SERVICE_UNAVAILABLE');
    const bought = await f.post('/admin/shipments', {
      orderId: order.id,
      carrier: 'parcelhub',
      service: 'ground',
    });
    expect(bought.status, bought.text).toBe(201);
    expect(bought.body).toMatchObject({
      carrier: 'parcelhub',
      costMinor: 640,
      currency: 'EUR',
      status: 'labelled',
    });
    expect(isHouseTrackingNumber(bought.body.trackingNumber)).toBe(false);
    expect(seed.parcelhub.bought).toContain(bought.body.trackingNumber);
    const buys = seed.parcelhub.requests.filter((r) => r.path.endsWith('/buy'));
    expect(buys.at(-1)?.idempotencyKey).toMatch(new RegExp(`^order:${order.id}:label:\\d+:buy$`));

    // Tracking is read from the carrier; hand-advancing is for the house carrier only.
    const byHand = await f.post(`/admin/shipments/${bought.body.id}/tracking`, { status: 'in_transit' });
    expect(byHand.status).toBe(409);
    seed.parcelhub.scan(bought.body.trackingNumber, 'in_transit');
    seed.parcelhub.scan(bought.body.trackingNumber, 'delivered');
    const tracked = await f.post(`/admin/shipments/${bought.body.id}/tracking`, { refresh: true });
    expect(tracked.status, tracked.text).toBe(200);
    expect(tracked.body).toMatchObject({ status: 'delivered', trackingStatus: 'delivered' });
    expect((await f.orderRow(order.id))?.status).toBe('delivered');
    const again = await f.post(`/admin/shipments/${bought.body.id}/tracking`, { refresh: true });
    expect(again.body.events).toHaveLength(tracked.body.events.length);

    // A second order: voided before the carrier scanned it, refunded at the carrier.
    const other = await f.packed([[37, 1]]);
    const label = await f.post('/admin/shipments', {
      orderId: other.id,
      carrier: 'parcelhub',
      service: 'express',
    });
    const voided = await f.post(`/admin/shipments/${label.body.id}/void`, {
      reason: 'customer changed address',
    });
    expect(voided.status, voided.text).toBe(200);
    expect(seed.parcelhub.refunded).toContain(label.body.trackingNumber);
    expect((await f.orderRow(other.id))?.status).toBe('packed');
  });

  it('answers bad input at every fulfillment endpoint with a 4xx problem and writes nothing', async () => {
    const order = await f.paidOrder([[37, 1]]);
    const batch = await f.post('/admin/pick-batches', { orderIds: [order.id] });
    const line = batch.body.groups[0].lines[0];
    const unknown = '01a236b2-fbd2-73c5-98b6-7070679fc83c';
    const before = await tableCounts(seed.t.store);
    const cases: Array<[string, string, unknown, number, string]> = [
      ['POST', '/admin/pick-batches', {}, 400, 'VALIDATION_FAILED'],
      ['POST', '/admin/pick-batches', { oldest: 0 }, 400, 'VALIDATION_FAILED'],
      ['POST', '/admin/pick-batches', { orderIds: ['nope'] }, 400, 'VALIDATION_FAILED'],
      ['POST', '/admin/pick-batches', { orderIds: [unknown] }, 422, 'ORDER_NOT_FOUND'],
      ['POST', '/admin/pick-batches', { orderIds: [order.id] }, 409, 'ORDER_NOT_PICKABLE'],
      ['GET', `/admin/pick-batches/${unknown}`, undefined, 404, 'PICK_BATCH_NOT_FOUND'],
      [
        'POST',
        `/admin/pick-batches/${batch.body.id}/lines/${unknown}/confirm`,
        {},
        404,
        'PICK_LINE_NOT_FOUND',
      ],
      ['POST', `/admin/pick-batches/${unknown}/lines/${line.id}/confirm`, {}, 404, 'PICK_BATCH_NOT_FOUND'],
      [
        'POST',
        `/admin/pick-batches/${batch.body.id}/lines/${line.id}/confirm`,
        { scan: 7 },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'POST',
        `/admin/pick-batches/${batch.body.id}/lines/${line.id}/short`,
        { missing: 0, reason: 'x' },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'POST',
        `/admin/pick-batches/${batch.body.id}/lines/${line.id}/short`,
        { missing: 1, reason: '' },
        400,
        'VALIDATION_FAILED',
      ],
      ['POST', `/admin/orders/${order.id}/pack-check`, { scans: [] }, 400, 'VALIDATION_FAILED'],
      ['POST', `/admin/orders/${unknown}/pack-check`, { scans: ['1'] }, 404, 'ORDER_NOT_FOUND'],
      [
        'POST',
        `/admin/orders/${order.id}/pack`,
        { scans: [seed.size[37]!.gtin], boxCode: 'HUGE' },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'POST',
        `/admin/orders/${order.id}/pack`,
        { scans: [seed.size[37]!.gtin], boxCode: 'S1', weightGrams: -5 },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'POST',
        `/admin/orders/${order.id}/pack`,
        { scans: [seed.size[37]!.gtin], boxCode: 'S1' },
        409,
        'PICK_NOT_FINISHED',
      ],
      ['GET', `/admin/orders/${unknown}/packing-slip`, undefined, 404, 'ORDER_NOT_FOUND'],
      ['POST', '/admin/shipments', { orderId: order.id, carrier: 'pigeon' }, 400, 'VALIDATION_FAILED'],
      ['POST', '/admin/shipments', { orderId: unknown }, 422, 'ORDER_NOT_FOUND'],
      ['POST', '/admin/shipments', { orderId: order.id }, 409, 'ILLEGAL_ORDER_TRANSITION'],
      ['GET', `/admin/shipments/${unknown}`, undefined, 404, 'SHIPMENT_NOT_FOUND'],
      ['GET', `/admin/shipments/${unknown}/label?format=gif`, undefined, 400, 'VALIDATION_FAILED'],
      ['POST', `/admin/shipments/${unknown}/void`, { reason: 'x' }, 404, 'SHIPMENT_NOT_FOUND'],
      ['POST', `/admin/shipments/${unknown}/tracking`, { status: 'teleported' }, 400, 'VALIDATION_FAILED'],
      ['POST', `/admin/shipments/${unknown}/tracking`, { status: 'delivered' }, 404, 'SHIPMENT_NOT_FOUND'],
      ['GET', `/admin/pick-batches/${batch.body.id}/labels`, undefined, 404, 'SHIPMENT_NOT_FOUND'],
      ['POST', '/admin/carriers/house/tracking-blocks', { size: 0 }, 400, 'VALIDATION_FAILED'],
      ['POST', '/admin/carriers/house/tracking-blocks', { size: 5000 }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const res = await seed.t.call(method, path, {
        token: seed.t.tokens.warehouse,
        ...(body === undefined ? {} : { body }),
      });
      expect([method, path, res.status, res.body?.code]).toEqual([method, path, status, code]);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await tableCounts(seed.t.store)).toEqual(before);
  });
});
