/**
 * Fulfillment benchmarks (issue 17):
 *   1. label PDF render time, in process (one 4x6 in label with its Code 128 and embedded font);
 *   2. a batch of 100 labels as one PDF (target < 3 s);
 *   3. pack-scan verification at the API: `POST /admin/orders/:id/pack-check` with 20
 *      connections on SQLite with the demo shop (target p99 < 10 ms), with the API's CPU per request.
 * Rounds alternate with the machine shared by other work; report the load average beside them.
 *
 *   npx tsx bench/fulfillment.ts --seconds 5 --rounds 2
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { renderLabelBatchPdf, renderLabelPdf } from '@shoebox/documents';
import { sampleLabel } from '@shoebox/documents/testing';
import { houseTrackingNumber } from '@shoebox/shared';
import { createShoeboxClient } from '@shoebox/shared/client';
import autocannon from 'autocannon';
import { startBenchApi } from './bench-api.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, rounds: { type: 'string', default: '2' } },
});

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

async function labels() {
  await renderLabelPdf(sampleLabel()); // font and barcode encoder warm-up
  const single: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    await renderLabelPdf(sampleLabel({ trackingNumber: houseTrackingNumber(1000 + i) }));
    single.push(performance.now() - t0);
  }
  const batch: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    const pdf = await renderLabelBatchPdf(
      Array.from({ length: 100 }, (_, i) => sampleLabel({ trackingNumber: houseTrackingNumber(5000 + i) })),
    );
    batch.push(performance.now() - t0);
    if (pdf.length < 1000) throw new Error('empty batch');
  }
  return {
    labelP50Ms: pct(single, 50).toFixed(1),
    labelP95Ms: pct(single, 95).toFixed(1),
    batch100Ms: batch.map((b) => Math.round(b)).join(' / '),
  };
}

async function packCheck() {
  const api = await startBenchApi('sqlite', { name: 'bench-pack', mariadbPort: 3331 });
  if (!api) throw new Error('no API');
  try {
    let cartToken: string | undefined;
    const shop = createShoeboxClient({ baseUrl: api.base, cartToken: () => cartToken });
    const card = (await shop.store.products.list({ inStock: true, size: [38], pageSize: 1 })).items[0]!;
    const product = await shop.store.products.get(card.slug);
    const variant = product.colours.flatMap((c) => c.variants).find((v) => v.inStock && v.sizeEu === 38)!;
    cartToken = (await shop.store.cart.create()).token;
    await shop.store.cart.addLine({ sku: variant.sku, quantity: 2 });
    await shop.store.cart.setContact({ email: 'bench@example.com' });
    await shop.store.cart.setShipping({
      address: { name: 'Łucja Żak', line1: '1 Main St', city: 'Łódź', postalCode: '90-001', country: 'PL' },
      methodId: 'house-standard',
    });
    const order = await shop.store.checkout.placeOrder();
    await shop.store.checkout.demoPay({
      orderNumber: order.orderNumber,
      email: 'bench@example.com',
      cardNumber: '4242424242424242',
    });
    const signIn = await fetch(`${api.base}/admin/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@shoebox.test', password: 'shoebox-owner-1' }),
    });
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    const admin = createShoeboxClient({ baseUrl: api.base, getToken: () => accessToken });
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const post = (path: string, body: unknown) =>
      fetch(`${api.base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }).then((r) =>
        r.json(),
      );
    const batch = (await post('/admin/pick-batches', { orderIds: [order.orderId] })) as {
      id: string;
      groups: Array<{ lines: Array<{ id: string }> }>;
    };
    for (const g of batch.groups)
      for (const l of g.lines) await post(`/admin/pick-batches/${batch.id}/lines/${l.id}/confirm`, {});
    const detail = await admin.admin.orders.get(order.orderId);
    const gtin = (await admin.admin.variants.get(detail.lines[0]!.variantId)).gtin;
    if (!gtin) throw new Error('the demo variant has no GTIN');
    const options = {
      url: `${api.base}/admin/orders/${order.orderId}/pack-check`,
      method: 'POST' as const,
      connections: 20,
      headers,
      body: JSON.stringify({ scans: [gtin] }),
    };
    await autocannon({ ...options, duration: 1 });
    const cpu = api.cpuMs();
    const r = await autocannon({ ...options, duration: Number(values.seconds) });
    return {
      rps: Math.round(r.requests.average),
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      errors: r.errors + r.non2xx,
      cpuUsPerRequest: Math.round(((api.cpuMs() - cpu) / Math.max(1, r.requests.total)) * 1000),
    };
  } finally {
    await api.stop();
  }
}

const rows = [];
for (let round = 0; round < Number(values.rounds); round++) {
  rows.push({ round, load: loadavg()[0]!.toFixed(1), ...(await labels()), ...(await packCheck()) });
}
console.table(rows);
