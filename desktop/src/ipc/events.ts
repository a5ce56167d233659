/** Events the backend pushes to the renderer (Electron: webContents.send; browser mode: SSE). */
import { z } from 'zod';
import { session, syncStatus } from './contracts.ts';

export const eventSpecs = {
  'sync.status': syncStatus,
  /** null when signed out (on purpose, or because the session could not be kept). */
  'session.changed': session.nullable(),
  /**
   * The app signed the user out by itself, with the reason to show (`DEVICE_REVOKED`: an owner
   * revoked this device, and its cache, pending changes included, was wiped).
   */
  'session.ended': z.object({ code: z.string(), message: z.string() }),
} as const;

export type EventName = keyof typeof eventSpecs;
export type EventOf<E extends EventName> = z.output<(typeof eventSpecs)[E]>;
export type EventListener = <E extends EventName>(event: E, payload: EventOf<E>) => void;

export const isEventName = (name: string): name is EventName => Object.hasOwn(eventSpecs, name);
