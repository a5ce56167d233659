import { eq, inArray } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  abandonedCartReminderJob,
  abandonedCartReminderJobId,
  pruneCartsJob,
  pruneCartsJobId,
} from '../../jobs/carts.job.ts';
import { createScheduler, type Scheduler } from '../../jobs/scheduler.ts';
import { createProductFixture, type ProductFixture } from '../../test-support/catalog-fixtures.ts';
import { startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';
import { createNotificationsService } from '../notifications/index.ts';
import { guestCart, receiveStock } from '../../test-support/cart-fixtures.ts';
import { createCartService } from './cart.service.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe(`cart jobs: abandoned-cart reminders and pruning (${testDialect})`, () => {
  let t: TestApp;
  let mila: ProductFixture;
  let scheduler: Scheduler;
  let cart: ReturnType<typeof createCartService>;

  const outbox = async (topic: string) =>
    t.store.db.select().from(t.store.t.outbox).where(eq(t.store.t.outbox.topic, topic));
  const cartRow = async (id: string) =>
    (await t.store.db.select().from(t.store.t.carts).where(eq(t.store.t.carts.id, id)))[0];
  /** Pretends a cart was last touched at `at` (nothing else in the test can move a clock back). */
  const ageCart = (id: string, at: number) =>
    t.store.tx((tx) => tx.update(t.store.t.carts).set({ updatedAt: at }).where(eq(t.store.t.carts.id, id)));

  beforeAll(async () => {
    t = await startTestApp();
    cart = createCartService(t.store, t.config);
    scheduler = createScheduler({
      store: t.store,
      jobs: [abandonedCartReminderJob(cart), pruneCartsJob(cart)],
      holderId: 'cart-jobs-test',
      log: pino({ level: 'silent' }),
    });
    mila = await createProductFixture(t, { styleCode: 'MILA', colours: ['NUDE'], sizes: [38] });
    await receiveStock(t, mila.variant('NUDE', 38).id, 10);
  });
  afterAll(async () => {
    await scheduler.stop(1000);
    await t.close();
  });

  it('queues one reminder for a cart idle over 2 hours, and only once', async () => {
    const idle = await guestCart(t);
    await idle.call('POST', '/store/cart/lines', { variantId: mila.variant('NUDE', 38).id, quantity: 2 });
    await idle.call('PUT', '/store/cart/contact', { email: 'idle@example.com' });
    const noEmail = await guestCart(t);
    await noEmail.call('POST', '/store/cart/lines', { variantId: mila.variant('NUDE', 38).id, quantity: 1 });
    const empty = await guestCart(t);
    await empty.call('PUT', '/store/cart/contact', { email: 'empty@example.com' });
    const start = Date.now();

    expect(await scheduler.runOnce(abandonedCartReminderJobId, { now: start + HOUR })).toMatchObject({
      status: 'ran',
    });
    expect(await outbox('mail.abandoned_cart')).toHaveLength(0);

    const remindAt = start + 2 * HOUR + 60_000;
    expect(await scheduler.runOnce(abandonedCartReminderJobId, { now: remindAt })).toMatchObject({
      status: 'ran',
    });
    const queued = await outbox('mail.abandoned_cart');
    expect(queued).toHaveLength(1);
    expect(queued[0]!.payload).toMatchObject({
      to: 'idle@example.com',
      currency: 'EUR',
      lines: [{ sku: mila.variant('NUDE', 38).sku, quantity: 2, unitPriceMinor: 8900, sizeEu: 38 }],
      subtotalMinor: 17_800,
    });
    expect(JSON.stringify(queued[0]!.payload)).not.toContain(idle.token);
    const row = await cartRow(idle.cart.id);
    expect(row!.reminderSentAt).toBe(remindAt);
    expect(row!.updatedAt).toBeLessThan(remindAt - 2 * HOUR);

    await scheduler.runOnce(abandonedCartReminderJobId, { now: remindAt + 15 * 60_000 });
    await scheduler.runOnce(abandonedCartReminderJobId, { now: remindAt + DAY });
    expect(await outbox('mail.abandoned_cart')).toHaveLength(1);

    // The queued message renders and sends (to .eml files: no SMTP configured).
    const notifications = createNotificationsService(t.store, {
      dataDir: t.config.dataDir,
      ...t.config.notifications,
    });
    const report = await notifications.drain({ now: remindAt + DAY });
    expect(report).toMatchObject({ sent: 1 });
  });

  it('prunes open and abandoned carts untouched for 30 days with their lines, and keeps the rest', async () => {
    const now = Date.now();
    const variantId = mila.variant('NUDE', 38).id;
    const oldOpen = await guestCart(t);
    await oldOpen.call('POST', '/store/cart/lines', { variantId, quantity: 1 });
    const oldConverted = await guestCart(t);
    await oldConverted.call('POST', '/store/cart/lines', { variantId, quantity: 1 });
    await t.store.tx((tx) => cart.markConverted(tx, oldConverted.cart.id, now));
    const oldAbandoned = await guestCart(t);
    const recent = await guestCart(t);
    await recent.call('POST', '/store/cart/lines', { variantId, quantity: 1 });
    await t.store.tx((tx) =>
      tx
        .update(t.store.t.carts)
        .set({ status: 'abandoned' })
        .where(eq(t.store.t.carts.id, oldAbandoned.cart.id)),
    );
    for (const c of [oldOpen, oldConverted, oldAbandoned]) await ageCart(c.cart.id, now - 31 * DAY);
    await ageCart(recent.cart.id, now - 29 * DAY);

    expect(await scheduler.runOnce(pruneCartsJobId, { now })).toMatchObject({ status: 'ran' });
    const ids = [oldOpen, oldConverted, oldAbandoned, recent].map((c) => c.cart.id);
    const left = await t.store.db.select().from(t.store.t.carts).where(inArray(t.store.t.carts.id, ids));
    expect(left.map((c) => c.id).sort()).toEqual([oldConverted.cart.id, recent.cart.id].sort());
    const lines = await t.store.db
      .select()
      .from(t.store.t.cartLines)
      .where(inArray(t.store.t.cartLines.cartId, ids));
    expect(lines.map((l) => l.cartId).sort()).toEqual([oldConverted.cart.id, recent.cart.id].sort());
    expect((await oldOpen.call('GET', '/store/cart')).status).toBe(404);
    expect((await recent.call('GET', '/store/cart')).status).toBe(200);
  });
});
