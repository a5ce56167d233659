/** audit: the module's public face; other modules, flows, bench and scripts import from here only. */
export { type AuditEntry, recordAudit } from './audit.repo.ts';
export { auditRoutes } from './audit.routes.ts';
