/**
 * "Tell me when my size is back": a shopper (signed in, or by e-mail) signs up for a size; when a
 * receive or return-restock brings that size back (inventory's `onRestock`, in the movement's own
 * transaction) each pending sign-up is marked notified and its mail goes into the outbox: once.
 */
import { randomBytes } from 'node:crypto';
import { newId, type Width } from '@shoebox/shared';
import type { backInStockBody } from '@shoebox/shared/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { affectedRows, type Db, type Store, uniqueViolation } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { type OutboxMessage, recordWhatHappened } from '../../lib/what-happened.ts';
import { backInStockErrors } from './back-in-stock.errors.ts';
import * as repo from './back-in-stock.repo.ts';

export interface BackInStockOptions {
  /** The shop's public address: the mail links to its product page and its stop page. */
  storefrontUrl: string;
}

type SignUpInput = z.output<typeof backInStockBody>;

export function createBackInStockService(store: Store, options: BackInStockOptions) {
  const db = store.db;
  const b = store.t.backInStockRequests;

  /** The e-mail to write to: the one given, else the signed-in shopper's. */
  async function recipientOf(ctx: RequestContext, given: string | undefined) {
    const customerId = ctx.actor.type === 'customer' ? ctx.actor.id : null;
    if (given) return { email: given, customerId };
    const account = customerId ? await repo.customerEmail(db, store, customerId) : undefined;
    if (!account) throw backInStockErrors.emailRequired();
    return { email: account.email.toLowerCase(), customerId };
  }

  /** Inserts the sign-up, or re-arms one that was already mailed; a pending one stays as it is. */
  async function upsert(ctx: RequestContext, variantId: string, email: string, customerId: string | null) {
    await store.tx(async (tx) => {
      const existing = await repo.signUpOf(tx, store, variantId, email);
      if (existing?.status === 'pending') return;
      if (existing) {
        await tx
          .update(b)
          .set({ status: 'pending', notifiedAt: null, createdAt: ctx.now })
          .where(eq(b.id, existing.id));
        return;
      }
      await tx.insert(b).values({
        id: newId(),
        variantId,
        email,
        customerId,
        status: 'pending',
        token: randomBytes(24).toString('base64url'),
        createdAt: ctx.now,
        notifiedAt: null,
      });
    });
  }

  return {
    /** Idempotent: the same size and address twice is one sign-up (and one mail). */
    async signUp(ctx: RequestContext, input: SignUpInput) {
      const variant = await repo.sellableVariant(db, store, input.sku);
      if (!variant) throw backInStockErrors.sizeNotFound(input.sku);
      const { email, customerId } = await recipientOf(ctx, input.email);
      try {
        await upsert(ctx, variant.id, email, customerId);
      } catch (e) {
        // A double click racing itself: the other request made the same sign-up.
        if (!uniqueViolation(e)) throw e;
      }
      return { sku: variant.sku, email, status: 'pending' as const };
    },

    /** Stops a sign-up by the secret in its mail; an unknown or used token changes nothing. */
    async unsubscribe(_ctx: RequestContext, token: string): Promise<void> {
      await store.tx((tx) => tx.delete(b).where(eq(b.token, token)));
    },

    /**
     * inventory's restock listener: claims each pending sign-up of the variants (a conditional
     * update, so two restocks racing mail it once) and enqueues its mail in the same transaction.
     */
    async notifyRestocked(tx: Db, ctx: RequestContext, variantIds: readonly string[]) {
      const pending = await repo.pendingFor(tx, store, variantIds);
      const messages: OutboxMessage[] = [];
      for (const p of pending) {
        const claimed = await tx
          .update(b)
          .set({ status: 'notified', notifiedAt: ctx.now })
          .where(and(eq(b.id, p.id), eq(b.status, 'pending')));
        if (affectedRows(claimed) !== 1) continue;
        messages.push({
          topic: 'mail.back_in_stock',
          payload: {
            to: p.email,
            ...(p.customerName ? { customerName: p.customerName } : {}),
            productName: p.productName,
            colour: p.colour,
            sizeEu: p.sizeEuTenths / 10,
            width: p.width as Width,
            productUrl: `${options.storefrontUrl}/p/${p.slug}?colour=${encodeURIComponent(p.colourCode)}`,
            unsubscribeUrl: `${options.storefrontUrl}/back-in-stock/stop?token=${p.token}`,
          },
        });
      }
      if (messages.length) await recordWhatHappened(store, tx, ctx, { messages });
    },
  };
}

export type BackInStockService = ReturnType<typeof createBackInStockService>;
