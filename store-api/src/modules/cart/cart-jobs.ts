import type { Currency } from '@shoebox/shared';
import type { Store } from '../../db/client.ts';
import { systemContext } from '../../lib/request-context.ts';
import { recordWhatHappened } from '../../lib/what-happened.ts';
import { toCheckoutLine } from './cart.views.ts';
import { cartRepo } from './cart.repo.ts';
import { cartSql } from './cart.sql.ts';

export const ABANDONED_REMINDER_AFTER_MS = 2 * 60 * 60 * 1000;
export const PRUNE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

/** The cart jobs: abandoned-cart reminder mails and pruning of old carts. */
export function cartJobs(store: Store) {
  const repo = cartRepo(store);
  const q = cartSql(store);
  return {
    /** Queues one reminder mail per idle open cart with an email and lines; returns how many. */
    async sendAbandonedCartReminders(opts: {
      now: number;
      limit?: number;
      signal?: AbortSignal;
    }): Promise<number> {
      const { now } = opts;
      const candidates = await repo.reminderCandidates(
        store.db,
        now - ABANDONED_REMINDER_AFTER_MS,
        opts.limit ?? 200,
      );
      let sent = 0;
      for (const cart of candidates) {
        if (opts.signal?.aborted) break;
        const state = await q.read(store.db, { id: cart.id });
        const lines = (state?.lines ?? [])
          .map((l) => toCheckoutLine(l, cart.currency))
          .filter((l) => l.sellable);
        if (lines.length === 0 || !cart.email) continue;
        const queued = await store.tx(async (tx) => {
          if (!(await repo.markReminded(tx, cart.id, cart.updatedAt, now))) return false;
          await recordWhatHappened(store, tx, systemContext({ now }), {
            messages: [
              {
                topic: 'mail.abandoned_cart',
                payload: {
                  to: cart.email!,
                  currency: cart.currency as Currency,
                  lines: lines.map((l) => ({
                    sku: l.sku,
                    name: l.productName,
                    colour: l.colourName,
                    sizeEu: l.sizeEuTenths / 10,
                    quantity: l.quantity,
                    unitPriceMinor: l.unitPriceMinor,
                  })),
                  subtotalMinor: lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0),
                },
              },
            ],
          });
          return true;
        });
        if (queued) sent++;
      }
      return sent;
    },

    /** Deletes open and abandoned carts (and their lines) untouched for 30 days; converted carts stay. */
    async pruneCarts(opts: { now: number; signal?: AbortSignal }): Promise<number> {
      const before = opts.now - PRUNE_AFTER_MS;
      let deleted = 0;
      for (;;) {
        if (opts.signal?.aborted) break;
        const ids = await repo.staleCartIds(store.db, before, 500);
        if (ids.length === 0) break;
        deleted += await store.tx((tx) => repo.deleteCarts(tx, ids, before));
        if (ids.length < 500) break;
      }
      return deleted;
    },
  };
}
