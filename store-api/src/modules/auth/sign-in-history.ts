import { newId } from '@shoebox/shared';
import type { signInReasons } from '@shoebox/shared/contracts';
import { and, count, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Db, Store } from '../../db/client.ts';
import { iso } from '../../lib/time.ts';

/** Where an attempt came from: the client IP (as TRUST_PROXY decides) and its user agent. */
export interface SignInClient {
  ip: string;
  userAgent: string;
}
export type SignInStep = 'password' | 'code' | 'recovery_code';
export type SignInReason = (typeof signInReasons)[number];

export interface SignInAttempt {
  staffId: string;
  step: SignInStep;
  succeeded: boolean;
  reason?: SignInReason;
}

/** Writes one attempt; in the caller's transaction when the attempt also wrote something. */
export async function recordSignIn(
  db: Db,
  store: Store,
  client: SignInClient,
  a: SignInAttempt,
  now: number,
) {
  await db.insert(store.t.staffSignIns).values({
    id: newId(),
    staffId: a.staffId,
    at: now,
    ip: client.ip.slice(0, 64),
    userAgent: client.userAgent.slice(0, 255),
    step: a.step,
    succeeded: a.succeeded,
    reason: a.reason ?? null,
  });
}

/** Failed code attempts for the account since `since`: the per-account limit on guessing codes. */
export async function failedCodeAttempts(store: Store, staffId: string, since: number): Promise<number> {
  const t = store.t.staffSignIns;
  const [row] = await store.db
    .select({ n: count() })
    .from(t)
    .where(
      and(
        eq(t.staffId, staffId),
        gte(t.at, since),
        eq(t.succeeded, false),
        inArray(t.step, ['code', 'recovery_code']),
      ),
    );
  return Number(row?.n ?? 0);
}

/** One account's attempts, newest first. */
export async function listSignIns(store: Store, staffId: string, page: { page: number; pageSize: number }) {
  const t = store.t.staffSignIns;
  const where = eq(t.staffId, staffId);
  const [rows, [total]] = await Promise.all([
    store.db
      .select()
      .from(t)
      .where(where)
      .orderBy(desc(t.at), desc(t.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    store.db.select({ n: count() }).from(t).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: iso(r.at),
      ip: r.ip,
      userAgent: r.userAgent,
      step: r.step as SignInStep,
      succeeded: r.succeeded,
      reason: r.reason as SignInReason | null,
    })),
    page: page.page,
    pageSize: page.pageSize,
    total: Number(total?.n ?? 0),
  };
}
