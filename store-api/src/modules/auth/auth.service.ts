import { newId, newToken, type Permission, permissionsOf } from '@shoebox/shared';
import { recordWhatHappened } from '../../lib/what-happened.ts';
import { systemContext } from '../../lib/request-context.ts';
import { eq } from 'drizzle-orm';
import type { Db, Store } from '../../db/client.ts';
import { uniqueViolation } from '../../db/client.ts';
import type { Actor, RequestContext } from '../../lib/request-context.ts';
import { sha256 } from '../../lib/hash.ts';
import { iso, isoOrNull } from '../../lib/time.ts';
import * as repo from './auth.repo.ts';
import { dummyHash, hashPassword, verifyPassword } from '../../lib/passwords.ts';
import { sessionActor } from './session-check.ts';
import { SessionStates } from './session-state.ts';
import type { TokenSigner } from './tokens.ts';
import { authErrors } from './auth.errors.ts';

export interface AuthServiceDeps {
  store: Store;
  signer: TokenSigner;
  refreshTtlDays: number;
}

const badCredentials = authErrors.badCredentials;
const apiKeyPattern = /^sbk_([A-Za-z0-9]{8})_[A-Za-z0-9_-]{20,}$/;

export function createAuthService({ store, signer, refreshTtlDays }: AuthServiceDeps) {
  const refreshTtlMs = refreshTtlDays * 86_400_000;
  const sessions = new SessionStates(store);

  async function issueTokens(
    tx: Db,
    subject: { type: repo.SubjectType; id: string; role?: string },
    familyId: string,
    now: number,
  ) {
    const refreshToken = `rt_${newToken(32)}`;
    const refreshExpiresAt = now + refreshTtlMs;
    await tx.insert(store.t.refreshTokens).values({
      id: newId(),
      subjectType: subject.type,
      subjectId: subject.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: refreshExpiresAt,
      usedAt: null,
      revokedAt: null,
      createdAt: now,
    });
    const access =
      subject.type === 'staff'
        ? await signer.sign(
            { aud: 'staff', sub: subject.id, role: subject.role as never, sid: familyId },
            now,
          )
        : await signer.sign({ aud: 'customer', sub: subject.id, sid: familyId }, now);
    return {
      accessToken: access.token,
      accessTokenExpiresAt: iso(access.expiresAt),
      refreshToken,
      refreshTokenExpiresAt: iso(refreshExpiresAt),
    };
  }

  const staffView = (u: typeof store.t.staffUsers.$inferSelect) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as never,
    active: u.active,
    createdAt: iso(u.createdAt),
  });

  const customerView = (c: typeof store.t.customers.$inferSelect) => ({
    id: c.id,
    email: c.email,
    name: c.name,
    createdAt: iso(c.createdAt),
  });

  return {
    staffView,
    customerView,

    /** A new staff sign-in (its own session family), once every check of the sign-in has passed. */
    async issueStaffSession(tx: Db, user: typeof store.t.staffUsers.$inferSelect, now: number) {
      const tokens = await issueTokens(tx, { type: 'staff', id: user.id, role: user.role }, newId(), now);
      return { ...tokens, user: staffView(user), permissions: [...permissionsOf(user.role as never)] };
    },

    async customerSignIn(ctx: RequestContext, input: { email: string; password: string }) {
      const c = await repo.findCustomerByEmail(store, input.email);
      const ok = await verifyPassword(input.password, c?.passwordHash ?? (await dummyHash));
      if (!c || !ok) throw badCredentials();
      const tokens = await store.tx((tx) =>
        issueTokens(tx, { type: 'customer', id: c.id }, newId(), ctx.now),
      );
      return { ...tokens, customer: customerView(c) };
    },

    async registerCustomer(ctx: RequestContext, input: { email: string; password: string; name: string }) {
      const passwordHash = await hashPassword(input.password);
      const id = newId();
      try {
        return await store.tx(async (tx) => {
          const row = {
            id,
            email: input.email,
            name: input.name,
            passwordHash,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          };
          await tx.insert(store.t.customers).values(row);
          const tokens = await issueTokens(tx, { type: 'customer', id }, newId(), ctx.now);
          return { ...tokens, customer: customerView(row) };
        });
      } catch (e) {
        if (uniqueViolation(e)) throw authErrors.emailTaken();
        throw e;
      }
    },

    /** Rotates a refresh token. Presenting one that was already used revokes its whole family. */
    async refresh(ctx: RequestContext, audience: repo.SubjectType, refreshToken: string) {
      let revokedFamily: string | null = null;
      const outcome = await store.tx(async (tx) => {
        const row = await repo.findRefreshToken(tx, store, sha256(refreshToken));
        if (!row || row.subjectType !== audience) return 'REFRESH_TOKEN_INVALID' as const;
        if (row.revokedAt !== null) return 'REFRESH_TOKEN_REVOKED' as const;
        if (row.usedAt !== null || !(await repo.markRefreshTokenUsed(tx, store, row.id, ctx.now))) {
          await repo.revokeFamily(tx, store, row.familyId, ctx.now);
          revokedFamily = row.familyId;
          return 'REFRESH_TOKEN_REUSED' as const;
        }
        if (row.expiresAt <= ctx.now) return 'REFRESH_TOKEN_EXPIRED' as const;
        const subject = await loadSubject(tx, row.subjectType as repo.SubjectType, row.subjectId);
        if (!subject) return 'ACCOUNT_DISABLED' as const;
        return issueTokens(tx, subject, row.familyId, ctx.now);
      });
      // The revocation above must commit, so the refusal is raised after the transaction.
      if (typeof outcome === 'string') {
        if (revokedFamily) sessions.forgetSession(revokedFamily);
        throw authErrors.refreshRefused(outcome);
      }
      return outcome;
    },

    /** Ends the sign-in the refresh token belongs to; its access tokens stop working at once. */
    async signOut(ctx: RequestContext, refreshToken: string): Promise<void> {
      const familyId = await store.tx(async (tx) => {
        const row = await repo.findRefreshToken(tx, store, sha256(refreshToken));
        if (row) await repo.revokeFamily(tx, store, row.familyId, ctx.now);
        return row?.familyId;
      });
      if (familyId) sessions.forgetSession(familyId);
    },

    /** Ends every sign-in of the calling account, on every device, this one included. */
    async signOutEverywhere(ctx: RequestContext): Promise<void> {
      const actor = ctx.actor;
      if (actor.type !== 'staff' && actor.type !== 'customer') throw authErrors.staffUserOnly('sessions');
      await store.tx((tx) => repo.revokeSubject(tx, store, actor.id, ctx.now));
      sessions.forgetAccount(actor.id);
    },

    /** Resolves the Authorization header to an actor; throws 401 for a bad or expired credential. */
    async authenticate(header: string | undefined): Promise<Actor> {
      if (!header) return { type: 'anonymous' };
      const [scheme, credential] = header.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !credential) {
        throw authErrors.bearerMissing();
      }
      if (credential.startsWith('sbk_')) return authenticateApiKey(credential);
      return sessionActor(sessions, await signer.verify(credential));
    },

    async createApiKey(ctx: RequestContext, input: { name: string; permissions: Permission[] }) {
      const prefix = newToken(6)
        .replace(/[^A-Za-z0-9]/g, 'x')
        .slice(0, 8);
      const key = `sbk_${prefix}_${newToken(32)}`;
      const row = {
        id: newId(),
        name: input.name,
        prefix,
        keyHash: sha256(key),
        permissions: [...new Set(input.permissions)],
        createdBy: actorId(ctx),
        createdAt: ctx.now,
        lastUsedAt: null,
        revokedAt: null,
      };
      await store.tx(async (tx) => {
        await tx.insert(store.t.apiKeys).values(row);
        await recordWhatHappened(store, tx, ctx, {
          audit: {
            action: 'api_key.create',
            entity: 'api_key',
            entityId: row.id,
            after: apiKeyView(row),
          },
        });
      });
      return { ...apiKeyView(row), key };
    },

    async listApiKeys() {
      const rows = await store.db.select().from(store.t.apiKeys).orderBy(store.t.apiKeys.createdAt);
      return rows.map(apiKeyView);
    },

    async revokeApiKey(ctx: RequestContext, id: string): Promise<void> {
      await store.tx(async (tx) => {
        const [row] = await tx.select().from(store.t.apiKeys).where(eq(store.t.apiKeys.id, id)).limit(1);
        if (!row) throw authErrors.apiKeyNotFound();
        if (row.revokedAt !== null) return;
        await tx.update(store.t.apiKeys).set({ revokedAt: ctx.now }).where(eq(store.t.apiKeys.id, id));
        await recordWhatHappened(store, tx, ctx, {
          audit: {
            action: 'api_key.revoke',
            entity: 'api_key',
            entityId: id,
            before: apiKeyView(row),
          },
        });
      });
    },

    hashPassword,
    /** Signs the account out everywhere, in the caller's transaction; call `accountChanged` after commit. */
    revokeSubject: (tx: Db, subjectId: string, now: number) => repo.revokeSubject(tx, store, subjectId, now),
    /** Tells other instances (through the change log) that the account's role or status changed. */
    recordAccountChange: (tx: Db, subjectId: string, now: number) =>
      recordWhatHappened(store, tx, systemContext({ now }), {
        changes: [{ entity: 'account', ids: [subjectId] }],
      }),
    /** After the change committed: this instance forgets what it cached about the account. */
    accountChanged: (subjectId: string) => sessions.forgetAccount(subjectId),
  };

  async function loadSubject(tx: Db, type: repo.SubjectType, id: string) {
    if (type === 'customer') {
      const c = await repo.findCustomerById(tx, store, id);
      return c ? { type, id } : null;
    }
    const u = await repo.findStaffById(tx, store, id);
    return u?.active ? { type, id, role: u.role } : null;
  }

  async function authenticateApiKey(key: string): Promise<Actor> {
    if (!apiKeyPattern.test(key)) throw authErrors.apiKeyInvalid();
    const row = await repo.findApiKeyByHash(store, sha256(key));
    if (!row) throw authErrors.apiKeyInvalid();
    if (row.revokedAt !== null) throw authErrors.apiKeyRevoked();
    return { type: 'api_key', id: row.id, permissions: row.permissions as Permission[] };
  }
}

export type AuthService = ReturnType<typeof createAuthService>;

const actorId = (ctx: RequestContext) => (ctx.actor.type === 'anonymous' ? 'anonymous' : ctx.actor.id);

function apiKeyView(r: {
  id: string;
  name: string;
  prefix: string;
  permissions: string[];
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}) {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    permissions: r.permissions,
    createdAt: iso(r.createdAt),
    lastUsedAt: isoOrNull(r.lastUsedAt),
    revokedAt: isoOrNull(r.revokedAt),
  };
}
