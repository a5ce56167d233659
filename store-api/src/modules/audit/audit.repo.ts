import { newId } from '@shoebox/shared';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Db, Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { iso } from '../../lib/time.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Written inside the same transaction as the change it describes, so the log cannot miss a write.
 * Writes say what happened through lib/what-happened.ts `recordWhatHappened`, which calls this.
 */
export async function recordAudit(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  entry: AuditEntry,
): Promise<void> {
  const actor = ctx.actor;
  await tx.insert(store.t.auditLog).values({
    id: newId(),
    actorType: actor.type,
    actorId: actor.type === 'anonymous' ? 'anonymous' : actor.id,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId,
    createdAt: ctx.now,
  });
}

export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listAudit(store: Store, f: AuditFilter) {
  const t = store.t.auditLog;
  const conditions: SQL[] = [];
  if (f.entity) conditions.push(eq(t.entity, f.entity));
  if (f.entityId) conditions.push(eq(t.entityId, f.entityId));
  if (f.actorId) conditions.push(eq(t.actorId, f.actorId));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    store.db
      .select()
      .from(t)
      .where(where)
      .orderBy(desc(t.createdAt), desc(t.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    store.db.select({ n: count() }).from(t).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    page: f.page,
    pageSize: f.pageSize,
    total: Number(total?.n ?? 0),
  };
}
