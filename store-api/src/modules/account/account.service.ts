/**
 * The signed-in shopper's account: saved size, address book, wishlist and the data export.
 * Erasure crosses modules and lives in flows/erase-customer.flow.ts.
 */
import { newId } from '@shoebox/shared';
import type { AccountAddress, CustomerOrderDetail, CustomerOrderListQuery } from '@shoebox/shared/contracts';
import {
  type accountAddressBody,
  MAX_ACCOUNT_ADDRESSES,
  MAX_WISHLIST_ITEMS,
  type updateAccountAddressBody,
} from '@shoebox/shared/contracts';
import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { affectedRows, type Db, type Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { iso } from '../../lib/time.ts';
import { accountErrors } from './account.errors.ts';
import * as repo from './account.repo.ts';

type AddressInput = z.output<typeof accountAddressBody>;
type AddressPatch = z.output<typeof updateAccountAddressBody>;

/** What the account needs from the rest of the app (wired in services.ts). */
export interface AccountDeps {
  store: Store;
  /** The customer row as auth keeps it (id, email, name, createdAt). */
  customer(id: string): Promise<{ id: string; email: string; name: string; createdAt: string } | null>;
  orders: {
    customerList(
      ctx: RequestContext,
      page: CustomerOrderListQuery,
    ): Promise<{ items: { number: string }[]; total: number }>;
    customerOrder(ctx: RequestContext, number: string): Promise<CustomerOrderDetail>;
  };
}

/** The signed-in customer's id; anyone else gets 401 (routes say `access: 'customer'` too). */
function customerId(ctx: RequestContext): string {
  if (ctx.actor.type !== 'customer') throw accountErrors.customerOnly();
  return ctx.actor.id;
}

export function addressView(row: repo.AddressRow): AccountAddress {
  return {
    id: row.id,
    label: row.label,
    name: row.name,
    line1: row.line1,
    ...(row.line2 ? { line2: row.line2 } : {}),
    city: row.city,
    postalCode: row.postalCode,
    country: row.country,
    ...(row.phone ? { phone: row.phone } : {}),
    isDefault: row.isDefault,
    createdAt: iso(row.createdAt),
  };
}

export function createAccountService(deps: AccountDeps) {
  const { store } = deps;
  const db = store.db;

  /** Only one default address: setting one clears the others, in the same transaction. */
  async function clearOtherDefaults(tx: Db, owner: string, keepId: string, now: number) {
    const a = store.t.customerAddresses;
    await tx
      .update(a)
      .set({ isDefault: false, updatedAt: now })
      .where(and(eq(a.customerId, owner), ne(a.id, keepId), eq(a.isDefault, true)));
  }

  const service = {
    async profile(ctx: RequestContext) {
      const id = customerId(ctx);
      const customer = await deps.customer(id);
      if (!customer) throw accountErrors.customerOnly();
      const tenths = await repo.savedSizeTenths(db, store, id);
      return { ...customer, savedSizeEu: tenths === null ? null : tenths / 10 };
    },

    async setSavedSize(ctx: RequestContext, sizeEu: number | null) {
      const id = customerId(ctx);
      const p = store.t.customerPreferences;
      const savedSizeEuTenths = sizeEu === null ? null : Math.round(sizeEu * 10);
      await store.tx(async (tx) => {
        const changed = await tx
          .update(p)
          .set({ savedSizeEuTenths, updatedAt: ctx.now })
          .where(eq(p.customerId, id));
        if (affectedRows(changed) === 0)
          await tx.insert(p).values({ customerId: id, savedSizeEuTenths, updatedAt: ctx.now });
      });
      return service.profile(ctx);
    },

    async addresses(ctx: RequestContext) {
      return (await repo.addressesOf(db, store, customerId(ctx))).map(addressView);
    },

    async addAddress(ctx: RequestContext, input: AddressInput) {
      const owner = customerId(ctx);
      const id = newId();
      await store.tx(async (tx) => {
        const existing = await repo.addressCount(tx, store, owner);
        if (existing >= MAX_ACCOUNT_ADDRESSES) throw accountErrors.addressLimit();
        // The first address is the default one whatever was asked.
        const isDefault = existing === 0 || input.isDefault === true;
        await tx.insert(store.t.customerAddresses).values({
          id,
          customerId: owner,
          label: input.label || null,
          name: input.name,
          line1: input.line1,
          line2: input.line2 || null,
          city: input.city,
          postalCode: input.postalCode,
          country: input.country,
          phone: input.phone || null,
          isDefault,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        if (isDefault) await clearOtherDefaults(tx, owner, id, ctx.now);
      });
      const row = await repo.addressOf(db, store, owner, id);
      return addressView(row!);
    },

    async updateAddress(ctx: RequestContext, id: string, patch: AddressPatch) {
      const owner = customerId(ctx);
      const a = store.t.customerAddresses;
      await store.tx(async (tx) => {
        const current = await repo.addressOf(tx, store, owner, id);
        if (!current) throw accountErrors.addressNotFound();
        const { label, line2, phone, isDefault, ...rest } = patch;
        await tx
          .update(a)
          .set({
            ...rest,
            ...(label !== undefined ? { label: label || null } : {}),
            ...(line2 !== undefined ? { line2: line2 || null } : {}),
            ...(phone !== undefined ? { phone: phone || null } : {}),
            // A default stays default until another one takes over.
            ...(isDefault === true ? { isDefault: true } : {}),
            updatedAt: ctx.now,
          })
          .where(and(eq(a.id, id), eq(a.customerId, owner)));
        if (isDefault === true) await clearOtherDefaults(tx, owner, id, ctx.now);
      });
      return addressView((await repo.addressOf(db, store, owner, id))!);
    },

    async removeAddress(ctx: RequestContext, id: string): Promise<void> {
      const owner = customerId(ctx);
      const a = store.t.customerAddresses;
      await store.tx(async (tx) => {
        const current = await repo.addressOf(tx, store, owner, id);
        if (!current) throw accountErrors.addressNotFound();
        await tx.delete(a).where(and(eq(a.id, id), eq(a.customerId, owner)));
        if (!current.isDefault) return;
        // The oldest remaining address becomes the default.
        const [next] = await repo.addressesOf(tx, store, owner);
        if (next) await tx.update(a).set({ isDefault: true, updatedAt: ctx.now }).where(eq(a.id, next.id));
      });
    },

    async wishlist(ctx: RequestContext) {
      const rows = await repo.wishlistOf(db, store, customerId(ctx));
      return rows.map((r) => ({
        slug: r.slug,
        name: r.name,
        priceMinor: r.priceMinor,
        currency: r.currency,
        available: r.status === 'active',
        addedAt: iso(r.createdAt),
      }));
    },

    /** Idempotent: adding a product already on the list changes nothing. */
    async addToWishlist(ctx: RequestContext, slug: string) {
      const owner = customerId(ctx);
      const productId = await repo.activeProductId(db, store, slug);
      if (!productId) throw accountErrors.productNotFound();
      const w = store.t.wishlistItems;
      await store.tx(async (tx) => {
        const [present] = await tx
          .select({ id: w.productId })
          .from(w)
          .where(and(eq(w.customerId, owner), eq(w.productId, productId)))
          .limit(1);
        if (present) return;
        if ((await repo.wishlistCount(tx, store, owner)) >= MAX_WISHLIST_ITEMS)
          throw accountErrors.wishlistLimit();
        await tx.insert(w).values({ customerId: owner, productId, createdAt: ctx.now });
      });
      return service.wishlist(ctx);
    },

    async removeFromWishlist(ctx: RequestContext, slug: string) {
      const owner = customerId(ctx);
      const productId = await repo.productIdBySlug(db, store, slug);
      const w = store.t.wishlistItems;
      if (productId)
        await store.tx((tx) => tx.delete(w).where(and(eq(w.customerId, owner), eq(w.productId, productId))));
      return service.wishlist(ctx);
    },

    /** Everything held about the shopper (GDPR article 15), orders in full, newest first. */
    async exportData(ctx: RequestContext) {
      const account = await service.profile(ctx);
      const orders: CustomerOrderDetail[] = [];
      for (let page = 1; ; page++) {
        const list = await deps.orders.customerList(ctx, { page, pageSize: 50 });
        for (const o of list.items) orders.push(await deps.orders.customerOrder(ctx, o.number));
        if (list.items.length === 0 || page * 50 >= list.total) break;
      }
      return {
        format: 'shoebox.account-export.v1' as const,
        exportedAt: iso(ctx.now),
        account,
        addresses: await service.addresses(ctx),
        wishlist: await service.wishlist(ctx),
        orders,
      };
    },

    /** Erasure's part here, in the flow's transaction: the address book, wishlist and settings go. */
    async deleteAccountData(tx: Db, owner: string): Promise<void> {
      await tx.delete(store.t.customerAddresses).where(eq(store.t.customerAddresses.customerId, owner));
      await tx.delete(store.t.wishlistItems).where(eq(store.t.wishlistItems.customerId, owner));
      await tx.delete(store.t.customerPreferences).where(eq(store.t.customerPreferences.customerId, owner));
    },
  };
  return service;
}

export type AccountService = ReturnType<typeof createAccountService>;
