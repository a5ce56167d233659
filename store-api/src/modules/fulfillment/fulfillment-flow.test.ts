import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isHouseTrackingNumber } from '@shoebox/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts, testDialect } from '../../test-support/harness.ts';
import { useFulfillmentApp } from '../../test-support/fulfillment-fixtures.ts';

const run = promisify(execFile);

// The whole warehouse path through the API: paid -> batch -> picked -> packed -> label -> shipped
// -> delivered, with the ledger and the order timeline checked at each step.
describe(`fulfillment flow (${testDialect})`, () => {
  const f = useFulfillmentApp();
  const { seed } = f;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shoebox-fulfil-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function download(path: string): Promise<Buffer> {
    const res = await fetch(seed.t.baseUrl + path, {
      headers: { authorization: `Bearer ${seed.t.tokens.warehouse}` },
    });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }

  it('takes two paid orders from batch to delivered, the ledger untouched after the sale', async () => {
    const a = await f.paidOrder(
      [
        [37, 1],
        [38, 2],
      ],
      'Zofia Wójcik',
    );
    const b = await f.paidOrder([[38, 1]], 'Søren Ærøskøbing');
    const afterSale = { 37: await f.level(37), 38: await f.level(38) };
    const movementsAfterSale = (await f.movements(38)).length;

    // Batch: grouped by SKU, walked in bin order; both orders picking.
    const batch = await f.post('/admin/pick-batches', { orderIds: [b.id, a.id] });
    expect(batch.status, batch.text).toBe(201);
    expect(
      batch.body.groups.map((g: { binCode: string; quantity: number }) => [g.binCode, g.quantity]),
    ).toEqual([
      ['A-01-1', 1],
      ['B-02-1', 3],
    ]);
    expect(batch.body.groups[1].lines).toHaveLength(2);
    for (const o of [a, b]) expect((await f.orderRow(o.id))?.status).toBe('picking');

    // A scan of the wrong shoe is refused and writes nothing.
    const line37 = batch.body.groups[0].lines[0];
    const before = await tableCounts(seed.t.store);
    const wrong = await f.post(`/admin/pick-batches/${batch.body.id}/lines/${line37.id}/confirm`, {
      scan: seed.size[38]!.gtin,
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('PICK_SCAN_MISMATCH');
    expect(await tableCounts(seed.t.store)).toEqual(before);

    // Picked: every line confirmed by its scan; the batch is done.
    let view = batch.body;
    for (const g of batch.body.groups)
      for (const l of g.lines) {
        const res = await f.post(`/admin/pick-batches/${batch.body.id}/lines/${l.id}/confirm`, {
          scan: seed.size[g.binCode === 'A-01-1' ? 37 : 38]!.gtin,
        });
        expect(res.status, res.text).toBe(200);
        view = res.body;
      }
    expect(view.status).toBe('done');
    const again = await f.post(`/admin/pick-batches/${batch.body.id}/lines/${line37.id}/confirm`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PICK_LINE_CLOSED');

    // Pack station: each scan checked, then completed with the default weight.
    const g37 = seed.size[37]!.gtin;
    const g38 = seed.size[38]!.gtin;
    const partial = await f.post(`/admin/orders/${a.id}/pack-check`, { scans: [g38] });
    expect(partial.status, partial.text).toBe(200);
    expect(partial.body).toMatchObject({ remaining: 2, complete: false, sku: expect.stringMatching(/-38$/) });
    const pack = await f.post(`/admin/orders/${a.id}/pack`, { scans: [g38, g37, g38], boxCode: 'L4' });
    expect(pack.status, pack.text).toBe(200);
    const expectedWeight = seed.size[37]!.weightGrams + 2 * seed.size[38]!.weightGrams + 520;
    expect(pack.body).toMatchObject({
      status: 'packed',
      boxCode: 'L4',
      weightGrams: expectedWeight,
      defaultWeightGrams: expectedWeight,
    });

    // Label: a house shipment, the order shipped, the mail queued with the tracking link.
    const label = await f.post('/admin/shipments', { orderId: a.id, carrier: 'house', service: 'standard' });
    expect(label.status, label.text).toBe(201);
    const tracking: string = label.body.trackingNumber;
    expect(isHouseTrackingNumber(tracking)).toBe(true);
    expect(label.body).toMatchObject({
      status: 'labelled',
      carrier: 'house',
      currency: 'EUR',
      weightGrams: expectedWeight,
    });
    expect(label.body.costMinor).toBeGreaterThan(0);
    expect((await f.orderRow(a.id))?.status).toBe('shipped');
    const outbox = seed.t.store.t.outbox;
    const mails = await seed.t.store.db.select().from(outbox).where(eq(outbox.topic, 'mail.order_shipped'));
    const mail = mails.find((m) => (m.payload as { orderNumber: string }).orderNumber === a.number);
    expect(mail?.payload).toMatchObject({
      trackingNumber: tracking,
      trackingUrl: expect.stringContaining(tracking),
    });

    // The label as PDF: the recipient prints, the barcode decodes to exactly the tracking number.
    const pdf = await download(`/admin/shipments/${label.body.id}/label`);
    await writeFile(join(dir, 'label.pdf'), pdf);
    expect((await run('pdftotext', [join(dir, 'label.pdf'), '-'])).stdout).toContain('Zofia Wójcik');
    await run('pdftoppm', ['-png', '-r', '300', '-singlefile', join(dir, 'label.pdf'), join(dir, 'label')]);
    expect((await run('zbarimg', ['-q', '--raw', join(dir, 'label.png')])).stdout.trim()).toBe(tracking);
    const zpl = (await download(`/admin/shipments/${label.body.id}/label?format=zpl`)).toString('utf8');
    expect(zpl).toContain(`^BCN,220,Y,N,N^FD${tracking}^FS`);
    const slip = await download(`/admin/orders/${a.id}/packing-slip`);
    await writeFile(join(dir, 'slip.pdf'), slip);
    expect((await run('pdftotext', [join(dir, 'slip.pdf'), '-'])).stdout).toMatch(/EU 38/);

    // Tracking: staff advance the parcel; backwards is refused; delivered delivers the order.
    for (const status of ['handed_over', 'in_transit']) {
      const res = await f.post(`/admin/shipments/${label.body.id}/tracking`, { status });
      expect(res.status, res.text).toBe(200);
    }
    const back = await f.post(`/admin/shipments/${label.body.id}/tracking`, { status: 'handed_over' });
    expect(back.status).toBe(409);
    expect(back.body.code).toBe('TRACKING_STATUS_OUT_OF_ORDER');
    const done = await f.post(`/admin/shipments/${label.body.id}/tracking`, { status: 'delivered' });
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ status: 'delivered', trackingStatus: 'delivered' });
    expect(done.body.events.map((e: { status: string }) => e.status)).toEqual([
      'label_created',
      'handed_over',
      'in_transit',
      'delivered',
    ]);
    expect((await f.orderRow(a.id))?.status).toBe('delivered');

    expect(await f.timeline(a.id)).toEqual([
      'order.placed',
      'payment.succeeded',
      'order.picking_started',
      'order.packed',
      'order.shipped',
      'order.delivered',
    ]);
    // The stock was sold at payment; picking, packing and shipping move no stock.
    expect({ 37: await f.level(37), 38: await f.level(38) }).toEqual(afterSale);
    expect((await f.movements(38)).length).toBe(movementsAfterSale);

    // Order b is still picking; the batch's labels print as one PDF of the live labels.
    expect((await f.orderRow(b.id))?.status).toBe('picking');
    const batchPdf = await download(`/admin/pick-batches/${batch.body.id}/labels`);
    await writeFile(join(dir, 'batch.pdf'), batchPdf);
    expect((await run('pdfinfo', [join(dir, 'batch.pdf')])).stdout).toMatch(/Pages:\s+1/);
  }, 120_000); // renders and decodes PDFs at 300 dpi: slow on a loaded machine

  it('refuses a wrong item, one too many and an unscanned line at the pack station, writing nothing', async () => {
    const order = await f.paidOrder([
      [37, 1],
      [38, 1],
    ]);
    const batch = await f.post('/admin/pick-batches', { orderIds: [order.id] });
    for (const g of batch.body.groups)
      for (const l of g.lines) await f.post(`/admin/pick-batches/${batch.body.id}/lines/${l.id}/confirm`, {});
    const [g37, g38, g39] = [37, 38, 39].map((s) => seed.size[s]!.gtin) as [string, string, string];
    const before = await tableCounts(seed.t.store);
    const cases: Array<[string, unknown, number, string]> = [
      ['pack-check', { scans: [g37, g39] }, 422, 'PACK_WRONG_ITEM'],
      ['pack-check', { scans: [g37, g37] }, 422, 'PACK_OVER_SCAN'],
      ['pack-check', { scans: ['4006381333932'] }, 422, 'PACK_SCAN_INVALID'],
      ['pack', { scans: [g37], boxCode: 'M2' }, 422, 'PACK_INCOMPLETE'],
      ['pack', { scans: [g37, g38, g38], boxCode: 'M2' }, 422, 'PACK_OVER_SCAN'],
      ['pack', { scans: [g37, g39], boxCode: 'M2' }, 422, 'PACK_WRONG_ITEM'],
    ];
    for (const [step, body, status, code] of cases) {
      const res = await f.post(`/admin/orders/${order.id}/${step}`, body);
      expect([step, res.status, res.body.code]).toEqual([step, status, code]);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const wrong = await f.post(`/admin/orders/${order.id}/pack-check`, { scans: [g37, g39] });
    expect(wrong.body.detail).toContain('Wrong item');
    expect(await tableCounts(seed.t.store)).toEqual(before);
    expect((await f.orderRow(order.id))?.status).toBe('picking');
  });

  it('short pick: flags the order, writes the missing pair off with its reason, and blocks packing', async () => {
    const order = await f.paidOrder([[39, 1]]);
    const levelBefore = await f.level(39);
    const batch = await f.post('/admin/pick-batches', { orderIds: [order.id] });
    const line = batch.body.groups[0].lines[0];
    const tooMany = await f.post(`/admin/pick-batches/${batch.body.id}/lines/${line.id}/short`, {
      missing: 2,
      reason: 'not at bin',
    });
    expect(tooMany.status).toBe(422);
    const res = await f.post(`/admin/pick-batches/${batch.body.id}/lines/${line.id}/short`, {
      missing: 1,
      reason: 'not at bin',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.groups[0].lines[0]).toMatchObject({
      status: 'short',
      shortQuantity: 1,
      shortReason: 'not at bin',
    });
    const row = await f.orderRow(order.id);
    expect(row).toMatchObject({ flagged: true, status: 'picking' });
    expect(row?.flagReason).toContain('not at bin');
    expect((await f.timeline(order.id)).at(-1)).toBe('order.pick_short');
    const adjust = (await f.movements(39)).filter((m) => m.kind === 'adjust');
    expect(adjust).toHaveLength(1);
    expect(adjust[0]).toMatchObject({
      quantity: -1,
      onHandDelta: -1,
      reason: 'Short pick: not at bin',
      reference: order.number,
    });
    expect(await f.level(39)).toEqual({ onHand: levelBefore.onHand - 1, reserved: levelBefore.reserved });
    const pack = await f.post(`/admin/orders/${order.id}/pack`, {
      scans: [seed.size[39]!.gtin],
      boxCode: 'S1',
    });
    expect(pack.status).toBe(409);
    expect(pack.body.code).toBe('PICK_NOT_FINISHED');
  });

  it('voids a label before handover (order back to packed, relabelled with a new number), not after', async () => {
    const order = await f.packed([[37, 1]]);
    const first = await f.post('/admin/shipments', { orderId: order.id, service: 'express' });
    expect(first.status, first.text).toBe(201);
    const voided = await f.post(`/admin/shipments/${first.body.id}/void`, { reason: 'wrong service' });
    expect(voided.status, voided.text).toBe(200);
    expect(voided.body).toMatchObject({ status: 'voided' });
    expect((await f.orderRow(order.id))?.status).toBe('packed');
    const second = await f.post('/admin/shipments', { orderId: order.id, service: 'standard' });
    expect(second.status, second.text).toBe(201);
    expect(second.body.trackingNumber).not.toBe(first.body.trackingNumber);
    await f.post(`/admin/shipments/${second.body.id}/tracking`, { status: 'handed_over' });
    const late = await f.post(`/admin/shipments/${second.body.id}/void`, { reason: 'too late' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('SHIPMENT_NOT_VOIDABLE');
    expect(await f.timeline(order.id)).toEqual([
      'order.placed',
      'payment.succeeded',
      'order.picking_started',
      'order.packed',
      'order.shipped',
      'order.label_voided',
      'order.shipped',
    ]);
  });

  it('makes a batch of the N oldest paid orders, skipping orders already picking', async () => {
    const older = await f.paidOrder([[37, 1]]);
    const newer = await f.paidOrder([[38, 1]]);
    const first = await f.post('/admin/pick-batches', { oldest: 200 });
    expect(first.status, first.text).toBe(201);
    expect(first.body.orderIds).toEqual(expect.arrayContaining([older.id, newer.id]));
    const none = await f.post('/admin/pick-batches', { oldest: 5 });
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('NO_ORDERS_TO_PICK');
    const named = await f.post('/admin/pick-batches', { orderIds: [older.id] });
    expect(named.status).toBe(409);
    expect(named.body.code).toBe('ORDER_NOT_PICKABLE');
  });
});
