import { auditEntry, auditQuery, pageOf } from '@shoebox/shared/contracts';
import type { Store } from '../../db/client.ts';
import { defineRoute } from '../../http/route.ts';
import { listAudit } from './audit.repo.ts';

export const auditRoutes = (store: Store) => [
  defineRoute({
    method: 'get',
    path: '/admin/audit-log',
    summary: 'Staff write history: who changed what, when, with before and after',
    tag: 'Audit',
    access: 'audit:read',
    query: auditQuery,
    response: pageOf(auditEntry),
    handler: (_ctx, { query }) => listAudit(store, query),
  }),
];
