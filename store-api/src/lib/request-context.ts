import type { Permission, Role } from '@shoebox/shared';
import pino, { type Logger } from 'pino';

export type Actor =
  | { type: 'anonymous' }
  | { type: 'staff'; id: string; role: Role; sessionId: string }
  | { type: 'customer'; id: string; sessionId: string }
  | { type: 'api_key'; id: string; permissions: readonly Permission[] };

/**
 * Passed first to every service call: who is acting, for which request, and when. Built by the
 * HTTP edge for requests (http/mount.ts) and by `systemContext` for work no request started.
 */
export interface RequestContext {
  requestId: string;
  log: Logger;
  actor: Actor;
  /** One clock reading per request so every row it writes carries the same time. */
  now: number;
}

export type StaffActor = Extract<Actor, { type: 'staff' | 'api_key' }>;

const silent = pino({ level: 'silent' });

/**
 * The context of work no request started (webhooks, jobs, the demo payment listener): an
 * anonymous actor, which the timeline and the audit log show as the system.
 */
export const systemContext = (
  options: { log?: Logger | undefined; now?: number; requestId?: string } = {},
): RequestContext => ({
  requestId: options.requestId ?? 'system',
  log: options.log ?? silent,
  actor: { type: 'anonymous' },
  now: options.now ?? Date.now(),
});
