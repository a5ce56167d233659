import { houseTrackingNumber, newId } from '@shoebox/shared';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useFulfillmentApp } from '../../test-support/fulfillment-fixtures.ts';
import { tableCounts, testDialect } from '../../test-support/harness.ts';
import {
  type DeviceFixture,
  envelope,
  pullAll,
  push,
  pushOf,
  registerDevice,
} from '../../test-support/sync-fixtures.ts';

// The warehouse steps a desktop pushes (decision 0040), applied by the real store-api.
describe(`fulfillment mutations through /sync/push (${testDialect})`, () => {
  const f = useFulfillmentApp();
  const t = () => f.seed.t;

  const reserve = async (d: DeviceFixture, size = 5) => {
    const res = await f.post('/admin/carriers/house/tracking-blocks', { deviceId: d.id, size });
    expect(res.status, res.text).toBe(201);
    expect(res.body.shipFrom.country).toMatch(/^[A-Z]{2}$/);
    return res.body as { firstSerial: number; lastSerial: number };
  };
  const pushOne = async (d: DeviceFixture, name: string, args: unknown) => {
    const res = await push(t(), d, pushOf(d, [envelope(d, name, args)]));
    expect(res.status, res.text).toBe(200);
    return res.body.results[0] as { status: string; code?: string; outcome?: Record<string, unknown> };
  };
  const mails = async (orderNumber: string) => {
    const rows = await t().store.rows<{ n: number | string }>(
      sql`select count(*) as n from outbox where topic = 'mail.order_shipped' and payload like ${`%${orderNumber}%`}`,
    );
    return Number(rows[0]?.n);
  };

  it('picks, packs and ships from the device block; the server sends the mail once and the pull shows it', async () => {
    const d = await registerDevice(t(), t().tokens.warehouse);
    const block = await reserve(d);
    const order = await f.paidOrder([[38, 1]]);
    const batch = await f.post('/admin/pick-batches', { orderIds: [order.id] });
    const line = batch.body.groups[0].lines[0];
    const gtin = f.seed.size[38]!.gtin;

    expect(
      (await pushOne(d, 'pick.confirm-line', { batchId: batch.body.id, lineId: line.id, scan: gtin })).status,
    ).toBe('applied');
    // The scans are checked again on the server: an unscanned order is refused, nothing written.
    const before = await tableCounts(t().store);
    const incomplete = envelope(d, 'pack.complete', {
      orderId: order.id,
      scans: [gtin, gtin],
      boxCode: 'S1',
    });
    const over = await push(t(), d, pushOf(d, [incomplete]));
    expect(over.body.results[0]).toMatchObject({ status: 'rejected', code: 'PACK_OVER_SCAN' });
    const { sync_results: _a, ...after } = await tableCounts(t().store);
    const { sync_results: _b, ...was } = before;
    expect(after).toEqual(was);

    expect(
      (await pushOne(d, 'pack.complete', { orderId: order.id, scans: [gtin], boxCode: 'S1' })).status,
    ).toBe('applied');
    const trackingNumber = houseTrackingNumber(block.firstSerial);
    const shipment = {
      shipmentId: newId(),
      orderId: order.id,
      trackingNumber,
      service: 'standard',
      weightGrams: 1200,
      boxCode: 'S1',
      shipDate: '2026-12-02',
    };
    const created = envelope(d, 'shipment.create', shipment);
    const first = await push(t(), d, pushOf(d, [created]));
    expect(first.body.results[0]).toMatchObject({ status: 'applied' });
    // A retried push answers the first result and ships nothing twice.
    const retry = await push(t(), d, pushOf(d, [created]));
    expect(retry.body.results[0].status).toBe('duplicate');
    expect((await f.orderRow(order.id))?.status).toBe('shipped');
    expect(await mails(order.number)).toBe(1);
    expect(await f.timeline(order.id)).toEqual(expect.arrayContaining(['order.packed', 'order.shipped']));

    // A warehouse device pulls the shipment without its cost.
    const { records } = (await pullAll(t(), d)) as unknown as {
      records: { entity: string; id: string; row: Record<string, any> }[];
    };
    const pulled = records.find(
      (r: { entity: string; id: string }) => r.entity === 'shipment' && r.id === shipment.shipmentId,
    );
    expect(pulled?.row.trackingNumber).toBe(trackingNumber);
    expect(pulled?.row).not.toHaveProperty('costMinor');
    const batchRow = records.find(
      (r: { entity: string; id: string }) => r.entity === 'pickBatch' && r.id === batch.body.id,
    );
    expect(batchRow?.row.lines[0].status).toBe('picked');
  });

  it("refuses a number from another device's block, or one already used", async () => {
    const mine = await registerDevice(t(), t().tokens.warehouse);
    const other = await registerDevice(t(), t().tokens.warehouse);
    const block = await reserve(other, 2);
    await reserve(mine, 2);
    const packed = await f.packed([[37, 1]]);
    const stolen = await pushOne(mine, 'shipment.create', {
      shipmentId: newId(),
      orderId: packed.id,
      trackingNumber: houseTrackingNumber(block.firstSerial),
      service: 'standard',
      weightGrams: 900,
      boxCode: 'S1',
      shipDate: '2026-12-02',
    });
    expect(stolen).toMatchObject({ status: 'rejected', code: 'TRACKING_NUMBER_NOT_RESERVED' });
    expect((await f.orderRow(packed.id))?.status).toBe('packed');
    const ok = await pushOne(other, 'shipment.create', {
      shipmentId: newId(),
      orderId: packed.id,
      trackingNumber: houseTrackingNumber(block.firstSerial),
      service: 'standard',
      weightGrams: 900,
      boxCode: 'S1',
      shipDate: '2026-12-02',
    });
    expect(ok.status).toBe('applied');
    const voided = await pushOne(other, 'shipment.void', {
      shipmentId: (await shipmentsOf(packed.id))[0]!,
      reason: 'torn',
    });
    expect(voided.status).toBe('applied');
    expect((await f.orderRow(packed.id))?.status).toBe('packed');
    const reused = await pushOne(other, 'shipment.create', {
      shipmentId: newId(),
      orderId: packed.id,
      trackingNumber: houseTrackingNumber(block.firstSerial),
      service: 'standard',
      weightGrams: 900,
      boxCode: 'S1',
      shipDate: '2026-12-02',
    });
    expect(reused).toMatchObject({ status: 'rejected', code: 'TRACKING_NUMBER_USED' });
  });

  it('a pack of an order cancelled meanwhile comes back ORDER_CANCELLED, with the tracking number to void', async () => {
    const d = await registerDevice(t(), t().tokens.warehouse);
    const block = await reserve(d, 1);
    const order = await f.paidOrder([[39, 1]]);
    const cancel = await f.post(
      `/admin/orders/${order.id}/cancel`,
      { reason: 'customer changed her mind' },
      t().tokens.owner,
    );
    expect(cancel.status, cancel.text).toBe(200);
    const trackingNumber = houseTrackingNumber(block.firstSerial);
    const res = await push(
      t(),
      d,
      pushOf(d, [
        envelope(d, 'pack.complete', { orderId: order.id, scans: [f.seed.size[39]!.gtin], boxCode: 'S1' }),
        envelope(d, 'shipment.create', {
          shipmentId: newId(),
          orderId: order.id,
          trackingNumber,
          service: 'standard',
          weightGrams: 900,
          boxCode: 'S1',
          shipDate: '2026-12-02',
        }),
      ]),
    );
    expect(res.body.results.map((r: { code: string }) => r.code)).toEqual([
      'ORDER_CANCELLED',
      'ORDER_CANCELLED',
    ]);
    expect(res.body.results[1].details.trackingNumber).toBe(trackingNumber);
  });

  it('bad input at every mutation is rejected with a code and writes nothing', async () => {
    const d = await registerDevice(t(), t().tokens.warehouse);
    const bad: [string, unknown, string][] = [
      ['pick.confirm-line', { batchId: 'x' }, 'MUTATION_ARGS_INVALID'],
      ['pick.confirm-line', { batchId: newId(), lineId: newId() }, 'PICK_BATCH_NOT_FOUND'],
      [
        'pick.short',
        { batchId: newId(), lineId: newId(), missing: 0, reason: 'x', choice: 'wait' },
        'MUTATION_ARGS_INVALID',
      ],
      [
        'pick.short',
        { batchId: newId(), lineId: newId(), missing: 1, reason: 'gone', choice: 'substitute' },
        'MUTATION_ARGS_INVALID',
      ],
      [
        'pick.short',
        { batchId: newId(), lineId: newId(), missing: 1, reason: 'gone', choice: 'cancel_line' },
        'PERMISSION_DENIED',
      ],
      ['pack.complete', { orderId: newId(), scans: [], boxCode: 'S1' }, 'MUTATION_ARGS_INVALID'],
      ['pack.complete', { orderId: newId(), scans: ['1'], boxCode: 'S1' }, 'ORDER_NOT_FOUND'],
      [
        'shipment.create',
        {
          shipmentId: newId(),
          orderId: newId(),
          trackingNumber: 'SBH000000010',
          service: 'standard',
          weightGrams: 1,
          boxCode: 'S1',
          shipDate: '2026-12-02',
        },
        'TRACKING_NUMBER_INVALID',
      ],
      ['shipment.void', { shipmentId: newId(), reason: 'x' }, 'SHIPMENT_NOT_FOUND'],
      ['return.receive', { returnId: newId(), lines: [] }, 'MUTATION_ARGS_INVALID'],
      [
        'return.receive',
        { returnId: newId(), lines: [{ returnLineId: newId(), inspection: 'restock' }] },
        'RETURN_NOT_FOUND',
      ],
    ];
    const before = await tableCounts(t().store);
    const res = await push(
      t(),
      d,
      pushOf(
        d,
        bad.map(([name, args]) => envelope(d, name, args)),
      ),
    );
    expect(res.body.results.map((r: { code: string }) => r.code)).toEqual(bad.map(([, , code]) => code));
    const { sync_results: n1, ...after } = await tableCounts(t().store);
    const { sync_results: n0, ...was } = before;
    expect(after).toEqual(was);
    expect(Number(n1) - Number(n0)).toBe(bad.length);
  });

  async function shipmentsOf(orderId: string): Promise<string[]> {
    const rows = await t().store.rows<{ id: string }>(
      sql`select id from shipments where order_id = ${orderId} order by created_at desc`,
    );
    return rows.map((r) => r.id);
  }
});
