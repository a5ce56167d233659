import type { Permission, Role } from '@shoebox/shared';
import type { Logger } from 'pino';

export type Actor =
  | { type: 'anonymous' }
  | { type: 'staff'; id: string; role: Role; sessionId: string }
  | { type: 'customer'; id: string; sessionId: string }
  | { type: 'api_key'; id: string; permissions: readonly Permission[] };

/** Passed first to every service call: who is acting, for which request, and when. */
export interface RequestContext {
  requestId: string;
  log: Logger;
  actor: Actor;
  /** One clock reading per request so every row it writes carries the same time. */
  now: number;
}

export type StaffActor = Extract<Actor, { type: 'staff' | 'api_key' }>;

export const systemContext = (log: Logger): RequestContext => ({
  requestId: 'system',
  log,
  actor: { type: 'anonymous' },
  now: Date.now(),
});
