/**
 * The request context moved to lib/request-context.ts (it is not HTTP's: jobs and webhooks build
 * one too). This re-export keeps imports of the old path working until the parallel auth branch
 * is merged; import from lib/request-context.ts.
 */
export type { Actor, RequestContext, StaffActor } from '../lib/request-context.ts';
