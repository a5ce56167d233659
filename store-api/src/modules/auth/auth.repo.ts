import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db, Store } from '../../db/client.ts';
import { affectedRows } from '../../db/client.ts';
import { systemContext } from '../../lib/request-context.ts';
import { recordWhatHappened } from '../../lib/what-happened.ts';

export type SubjectType = 'staff' | 'customer';

export const findStaffByEmail = async (store: Store, email: string) =>
  (await store.db.select().from(store.t.staffUsers).where(eq(store.t.staffUsers.email, email)).limit(1))[0];

export const findStaffById = async (db: Db, store: Store, id: string) =>
  (await db.select().from(store.t.staffUsers).where(eq(store.t.staffUsers.id, id)).limit(1))[0];

export const findCustomerByEmail = async (store: Store, email: string) =>
  (await store.db.select().from(store.t.customers).where(eq(store.t.customers.email, email)).limit(1))[0];

export const findCustomerById = async (db: Db, store: Store, id: string) =>
  (await db.select().from(store.t.customers).where(eq(store.t.customers.id, id)).limit(1))[0];

export const findRefreshToken = async (tx: Db, store: Store, tokenHash: string) =>
  (
    await tx
      .select()
      .from(store.t.refreshTokens)
      .where(eq(store.t.refreshTokens.tokenHash, tokenHash))
      .limit(1)
  )[0];

/** Marks a token used; false when another request used it first (a concurrent replay). */
export async function markRefreshTokenUsed(tx: Db, store: Store, id: string, now: number): Promise<boolean> {
  const t = store.t.refreshTokens;
  const result = await tx
    .update(t)
    .set({ usedAt: now })
    .where(and(eq(t.id, id), isNull(t.usedAt)));
  return affectedRows(result) === 1;
}

export async function revokeFamily(tx: Db, store: Store, familyId: string, now: number): Promise<void> {
  const t = store.t.refreshTokens;
  await tx
    .update(t)
    .set({ revokedAt: now })
    .where(and(eq(t.familyId, familyId), isNull(t.revokedAt)));
  await recordWhatHappened(store, tx, systemContext({ now }), {
    changes: [{ entity: 'session', ids: [familyId] }],
  });
}

export async function revokeSubject(tx: Db, store: Store, subjectId: string, now: number): Promise<void> {
  const t = store.t.refreshTokens;
  await tx
    .update(t)
    .set({ revokedAt: now })
    .where(and(eq(t.subjectId, subjectId), isNull(t.revokedAt)));
  await recordWhatHappened(store, tx, systemContext({ now }), {
    changes: [{ entity: 'account', ids: [subjectId] }],
  });
}

/** Every session of the account except `keepFamilyId` (the one changing its own password). */
export async function revokeOtherSessions(
  tx: Db,
  store: Store,
  subjectId: string,
  keepFamilyId: string,
  now: number,
): Promise<void> {
  const t = store.t.refreshTokens;
  await tx
    .update(t)
    .set({ revokedAt: now })
    .where(and(eq(t.subjectId, subjectId), isNull(t.revokedAt), ne(t.familyId, keepFamilyId)));
  await recordWhatHappened(store, tx, systemContext({ now }), {
    changes: [{ entity: 'account', ids: [subjectId] }],
  });
}

export const findApiKeyByHash = async (store: Store, keyHash: string) =>
  (await store.db.select().from(store.t.apiKeys).where(eq(store.t.apiKeys.keyHash, keyHash)).limit(1))[0];
