/**
 * What an access token's session is worth right now: is its sign-in (the refresh token family
 * named by `sid`) still open, and is the account it belongs to still there, active, and in which
 * role. Checked on every authenticated request, so a sign-out, a disabled or deleted account or a
 * changed password takes effect at once, and permissions follow the current role.
 *
 * Speed. The answers are cached per process (one or two indexed reads on a miss). Every write that
 * changes them appends `account <id>` or `session <family id>` to `change_log` in its transaction,
 * and the writer forgets its own entries once it has committed. Other instances follow the change
 * log: a request that finds the last look older than POLL_INTERVAL_MS runs one indexed query
 * through lib/change-feed.ts (the same gap-aware reader as the catalog read model) and
 * forgets the entries it names, so instances agree within about half a second. An entry is also
 * dropped after ENTRY_TTL_MS, a safety net for rows changed by hand in the database.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Store } from '../../db/client.ts';
import { type FeedCursor, latestSeq, readPage } from '../../lib/change-feed.ts';

export type Audience = 'staff' | 'customer';

export interface SessionState {
  /** The family is unknown, or every token of it was revoked (signed out). */
  open: boolean;
  /** Who the sign-in belongs to, as recorded at sign-in. */
  subjectType: string;
  subjectId: string;
  /** The account row: null when deleted. */
  account: { active: boolean; role: string | null } | null;
}

export const POLL_INTERVAL_MS = 500;
export const ENTRY_TTL_MS = 30_000;
const MAX_ENTRIES = 50_000;

interface Entry {
  state: SessionState;
  at: number;
}

export class SessionStates {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every forget: a load that started before it does not store its (maybe old) answer. */
  private generation = 0;
  /** Where this instance is in the change feed; null until first read (or after a failed read). */
  private cursor: FeedCursor | null = null;
  private lastPoll = 0;
  private polling: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  /** The state of the sign-in `sid`, from the cache when it is fresh enough. */
  async get(sid: string, audience: Audience, subjectId: string): Promise<SessionState> {
    await this.follow();
    const hit = this.entries.get(sid);
    if (hit && this.now() - hit.at < ENTRY_TTL_MS) return hit.state;
    const generation = this.generation;
    const state = await this.load(sid, audience, subjectId);
    if (generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(sid, { state, at: this.now() });
    }
    return state;
  }

  /** Forgets what this process knows about an account's sign-ins (after its change committed). */
  forgetAccount(subjectId: string): void {
    this.generation++;
    for (const [sid, entry] of this.entries)
      if (entry.state.subjectId === subjectId) this.entries.delete(sid);
  }

  forgetSession(sid: string): void {
    this.generation++;
    this.entries.delete(sid);
  }

  private async load(sid: string, audience: Audience, subjectId: string): Promise<SessionState> {
    const { db, t } = this.store;
    const family = (open: boolean) =>
      db
        .select({ subjectType: t.refreshTokens.subjectType, subjectId: t.refreshTokens.subjectId })
        .from(t.refreshTokens)
        .where(
          open
            ? and(eq(t.refreshTokens.familyId, sid), isNull(t.refreshTokens.revokedAt))
            : eq(t.refreshTokens.familyId, sid),
        )
        .limit(1);
    // An open token of the family first; only a closed session needs the second read.
    const [openRow] = await family(true);
    const [row] = openRow ? [openRow] : await family(false);
    const owner = row ?? { subjectType: audience, subjectId };
    const account = await this.loadAccount(owner.subjectType, owner.subjectId);
    return { open: Boolean(openRow), ...owner, account };
  }

  private async loadAccount(type: string, id: string): Promise<SessionState['account']> {
    const { db, t } = this.store;
    if (type === 'staff') {
      const [u] = await db
        .select({ active: t.staffUsers.active, role: t.staffUsers.role })
        .from(t.staffUsers)
        .where(eq(t.staffUsers.id, id))
        .limit(1);
      return u ? { active: Boolean(u.active), role: u.role } : null;
    }
    const [c] = await db
      .select({ id: t.customers.id })
      .from(t.customers)
      .where(eq(t.customers.id, id))
      .limit(1);
    return c ? { active: true, role: null } : null;
  }

  /** Catches up with the change log when the last look is older than POLL_INTERVAL_MS. */
  private async follow(): Promise<void> {
    if (this.polling) {
      // A look is under way; the previous one is recent enough unless it is getting old.
      if (this.now() - this.lastPoll < 2 * POLL_INTERVAL_MS) return;
      return this.polling;
    }
    if (this.now() - this.lastPoll < POLL_INTERVAL_MS) return;
    this.lastPoll = this.now();
    this.polling = this.poll().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private async poll(): Promise<void> {
    try {
      if (this.cursor === null) {
        this.cursor = { seq: await latestSeq(this.store), gaps: new Map() };
        return;
      }
      const page = await readPage(this.store, this.cursor, { now: this.now() });
      if (page.more) {
        // Too far behind to read every change: forget everything rather than trust any of it.
        this.entries.clear();
        this.generation++;
      } else {
        for (const change of page.changes) {
          if (change.entity === 'account') this.forgetAccount(change.entityId);
          else if (change.entity === 'session') this.forgetSession(change.entityId);
        }
      }
      this.cursor = page.cursor;
    } catch (e) {
      // Without the change log nothing cached can be trusted: start over once it answers again.
      this.entries.clear();
      this.cursor = null;
      this.lastPoll = 0;
      throw e;
    }
  }
}
