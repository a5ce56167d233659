import { couponSchema, newId } from '@shoebox/shared';
import type { AdminCoupon, CreateCouponBody, UpdateCouponBody } from '@shoebox/shared/contracts';
import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import type { Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { writeUnique } from '../../lib/what-happened.ts';
import { fromZodError } from '../../http/problem.ts';
import { iso } from '../../lib/time.ts';
import { couponErrors } from './coupons.errors.ts';

type CouponRow = Store['t']['coupons']['$inferSelect'];

/** Admin coupon definitions: codes normalised upper-case and unique, every write audited. */
export function createCouponsService(store: Store) {
  const t = store.t.coupons;

  const view = (r: CouponRow): AdminCoupon => ({
    id: r.id,
    code: r.code,
    kind: r.kind as AdminCoupon['kind'],
    percentBasisPoints: r.percentBasisPoints,
    amountMinor: r.amountMinor,
    currency: r.currency,
    minimumSpendMinor: r.minimumSpendMinor,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    usageLimitTotal: r.usageLimitTotal,
    usageLimitPerCustomer: r.usageLimitPerCustomer,
    freeShipping: r.freeShipping,
    active: r.active,
    timesUsed: r.timesUsed,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  });

  const couponNotFound = couponErrors.notFound;
  const codeTaken = couponErrors.codeTaken;

  /** The definition fields of a row or body, as the shared schema sees them. */
  const definition = (c: Omit<CreateCouponBody, 'active'>) => ({
    code: c.code,
    kind: c.kind,
    percentBasisPoints: c.percentBasisPoints ?? null,
    amountMinor: c.amountMinor ?? null,
    currency: c.currency ?? null,
    minimumSpendMinor: c.minimumSpendMinor ?? null,
    startsAt: c.startsAt ?? null,
    endsAt: c.endsAt ?? null,
    usageLimitTotal: c.usageLimitTotal ?? null,
    usageLimitPerCustomer: c.usageLimitPerCustomer ?? null,
    freeShipping: c.freeShipping ?? false,
  });

  async function byId(id: string): Promise<CouponRow> {
    const [row] = await store.db.select().from(t).where(eq(t.id, id)).limit(1);
    if (!row) throw couponNotFound(id);
    return row;
  }

  return {
    async list(q: {
      page: number;
      pageSize: number;
      q?: string | undefined;
      active?: 'true' | 'false' | undefined;
    }) {
      const where: SQL[] = [];
      if (q.q) where.push(sql`instr(${t.code}, ${q.q.toUpperCase()}) > 0`);
      if (q.active) where.push(eq(t.active, q.active === 'true'));
      const cond = where.length > 0 ? and(...where) : undefined;
      const [total] = await store.db.select({ n: count() }).from(t).where(cond);
      const rows = await store.db
        .select()
        .from(t)
        .where(cond)
        .orderBy(asc(t.code))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      return { items: rows.map(view), page: q.page, pageSize: q.pageSize, total: Number(total?.n ?? 0) };
    },

    async get(id: string) {
      return view(await byId(id));
    },

    async create(ctx: RequestContext, body: CreateCouponBody) {
      const row: CouponRow = {
        id: newId(),
        ...definition(body),
        active: body.active,
        timesUsed: 0,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      await writeUnique(
        store,
        ctx,
        (tx) => tx.insert(t).values(row),
        { audit: { action: 'coupon.create', entity: 'coupon', entityId: row.id, after: view(row) } },
        () => codeTaken(row.code),
      );
      return view(row);
    },

    async update(ctx: RequestContext, id: string, body: UpdateCouponBody) {
      const before = await byId(id);
      const { active, ...changes } = body;
      const merged = {
        ...definition({
          ...before,
          kind: before.kind as CreateCouponBody['kind'],
          currency: before.currency as CreateCouponBody['currency'],
        }),
        ...changes,
      };
      const checked = couponSchema.safeParse(merged, { reportInput: true });
      if (!checked.success) throw fromZodError(checked.error, 'body');
      const after: CouponRow = {
        ...before,
        ...definition(checked.data),
        active: active ?? before.active,
        updatedAt: ctx.now,
      };
      await writeUnique(
        store,
        ctx,
        (tx) =>
          tx
            .update(t)
            .set({ ...definition(checked.data), active: after.active, updatedAt: ctx.now })
            .where(eq(t.id, id)),
        {
          audit: {
            action: 'coupon.update',
            entity: 'coupon',
            entityId: id,
            before: view(before),
            after: view(after),
          },
        },
        () => codeTaken(after.code),
      );
      return view(after);
    },
  };
}

export type CouponsService = ReturnType<typeof createCouponsService>;
